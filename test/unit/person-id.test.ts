import {
  certificateNoProblem,
  normalizePartyCode,
  orgCodeCheckCharacter,
  orgCodeProblem,
  registrationNoProblem,
  taxRegistrationNoProblem,
} from '../../shared/identifiers/party-codes';
import {
  maskPersonId,
  parsePersonIdType,
  personDivisionCode,
  personIdProblem,
  PersonIdType,
} from '../../shared/identifiers/person-id';
import { residentIdCheckCharacter } from '../../shared/identifiers/resident-id';

describe('证件类型 of the 双公示 data standard', () => {
  it('reads every named type and 其他-<name>', () => {
    expect(parsePersonIdType('身份证')).toEqual({ type: PersonIdType.RESIDENT_ID, otherName: null, label: '身份证' });
    expect(parsePersonIdType('居民身份证')?.type).toBe(PersonIdType.RESIDENT_ID);
    expect(parsePersonIdType('护照号')?.type).toBe(PersonIdType.PASSPORT);
    expect(parsePersonIdType('护照')?.label).toBe('护照号');
    expect(parsePersonIdType('港澳居民来往内地通行证')?.type).toBe(PersonIdType.HK_MACAO_PERMIT);
    expect(parsePersonIdType('台湾居民来往大陆通行证')?.type).toBe(PersonIdType.TAIWAN_PERMIT);
    expect(parsePersonIdType('外国人永久居留身份证')?.type).toBe(PersonIdType.FOREIGN_PERMANENT_RESIDENT);
    expect(parsePersonIdType('FOREIGN_PERMANENT_RESIDENT')?.type).toBe(PersonIdType.FOREIGN_PERMANENT_RESIDENT);
    expect(parsePersonIdType('其他-军官证')).toEqual({
      type: PersonIdType.OTHER,
      otherName: '军官证',
      label: '其他-军官证',
    });
    expect(parsePersonIdType('其他－士兵证')?.label).toBe('其他-士兵证');
  });

  it('refuses unknown types, a bare 其他 and an over-long 其他 name', () => {
    expect(parsePersonIdType('驾驶证')).toBeNull();
    expect(parsePersonIdType('其他')).toBeNull();
    expect(parsePersonIdType('其他-')).toBeNull();
    expect(parsePersonIdType(`其他-${'证'.repeat(21)}`)).toBeNull();
  });

  it('checks each type with its own format', () => {
    // 身份证: the example of GB 11643-1999.
    expect(personIdProblem(PersonIdType.RESIDENT_ID, '11010519491231002X')).toBeNull();
    expect(personIdProblem(PersonIdType.RESIDENT_ID, '110105194912310021')).toContain('校验位');
    // 护照号 (constructed): E + 8 digits, E + letter + 7 digits, a foreign 9-character number.
    for (const ok of ['E12345678', 'EA1234567', 'G12345678', 'X1234567B'])
      expect(personIdProblem(PersonIdType.PASSPORT, ok)).toBeNull();
    for (const bad of ['E123', 'ABCDEFGHI', 'E1234-5678'])
      expect(personIdProblem(PersonIdType.PASSPORT, bad)).not.toBeNull();
    // 港澳通行证 (constructed): H/M + 8 digits (card of 2013) or + 10 digits (with renewal count).
    for (const ok of ['H12345678', 'M1234567801', 'h12345678'])
      expect(personIdProblem(PersonIdType.HK_MACAO_PERMIT, ok)).toBeNull();
    for (const bad of ['K12345678', 'H1234567', 'H123456789'])
      expect(personIdProblem(PersonIdType.HK_MACAO_PERMIT, bad)).not.toBeNull();
    // 台湾通行证 (constructed): 8 digits, or 10.
    for (const ok of ['12345678', '1234567801']) expect(personIdProblem(PersonIdType.TAIWAN_PERMIT, ok)).toBeNull();
    for (const bad of ['1234567', 'T12345678']) expect(personIdProblem(PersonIdType.TAIWAN_PERMIT, bad)).not.toBeNull();
    // 永居证: 15 (3 letters + 12 digits) or the 2023 18-digit form starting with 9, MOD 11-2 check.
    expect(personIdProblem(PersonIdType.FOREIGN_PERMANENT_RESIDENT, 'USA320081201001')).toBeNull();
    const body = '93184019800101001'; // constructed: 9, 31 (上海), 840, 1980-01-01, 001
    expect(personIdProblem(PersonIdType.FOREIGN_PERMANENT_RESIDENT, body + residentIdCheckCharacter(body))).toBeNull();
    expect(
      personIdProblem(
        PersonIdType.FOREIGN_PERMANENT_RESIDENT,
        body + (residentIdCheckCharacter(body) === '0' ? '1' : '0'),
      ),
    ).toContain('校验位');
    expect(personIdProblem(PersonIdType.FOREIGN_PERMANENT_RESIDENT, '320508198001011234')).not.toBeNull(); // a citizen's number
    // 其他-…
    expect(personIdProblem(PersonIdType.OTHER, '军字第12345号')).toBeNull();
    expect(personIdProblem(PersonIdType.OTHER, 'J(2019)12345')).toBeNull();
    expect(personIdProblem(PersonIdType.OTHER, '军字第号')).not.toBeNull();
    expect(personIdProblem(PersonIdType.OTHER, 'J;1')).not.toBeNull();
  });

  it('masks numbers of every length and finds a division for each', () => {
    expect(maskPersonId('320502198001011234')).toBe('320502********1234');
    expect(maskPersonId('H12345678')).toBe('H1*****78');
    expect(maskPersonId('ABC')).toBe('***');
    expect(personDivisionCode(PersonIdType.RESIDENT_ID, '320502198001011234', '320508')).toBe('320502');
    expect(personDivisionCode(PersonIdType.HK_MACAO_PERMIT, 'H12345678', '320508')).toBe('810000');
    expect(personDivisionCode(PersonIdType.HK_MACAO_PERMIT, 'M12345678', '320508')).toBe('820000');
    expect(personDivisionCode(PersonIdType.TAIWAN_PERMIT, '12345678', '320508')).toBe('830000');
    expect(personDivisionCode(PersonIdType.PASSPORT, 'E12345678', '320508')).toBe('320508');
  });
});

describe('行政相对人代码_2 … _6', () => {
  it('checks the 组织机构代码 (GB 11714) of real codes', () => {
    // The 9th–17th characters of the published USCCs of Huawei and Alibaba.
    expect(orgCodeProblem('192203821')).toBeNull();
    expect(orgCodeProblem(normalizePartyCode('71610585-2'))).toBeNull();
    expect(orgCodeCheckCharacter('19220382')).toBe('1');
    expect(orgCodeProblem('192203822')?.kind).toBe('INVALID_CHECKSUM');
    expect(orgCodeProblem('1922038')?.kind).toBe('INVALID_FORMAT');
  });

  it('checks the shapes of 工商注册号, 税务登记号 and certificate numbers', () => {
    expect(registrationNoProblem('320508000123456')).toBeNull();
    expect(registrationNoProblem('3205080001234')?.kind).toBe('INVALID_FORMAT');
    expect(registrationNoProblem('32050800012345X')?.kind).toBe('INVALID_FORMAT');
    expect(taxRegistrationNoProblem('320508192203821')).toBeNull();
    expect(taxRegistrationNoProblem('914403001922038216')).toBeNull();
    expect(taxRegistrationNoProblem('32050819800101123401')).toBeNull();
    expect(taxRegistrationNoProblem('1234')?.kind).toBe('INVALID_FORMAT');
    expect(certificateNoProblem('事证第132050800123号')).toBeNull();
    expect(certificateNoProblem('x')?.kind).toBe('INVALID_FORMAT');
  });
});

import { LicenseCategory, LicenseStatus, SubjectKind } from '../../shared/domain/vocabulary';
import { completeResidentId } from '../../shared/identifiers/resident-id';
import { completeUscc } from '../../shared/identifiers/uscc';
import { REPORT_FIELDS } from '../../shared/reporting/fields';
import { licenseInForce, validityText } from '../../subgraphs/subjects/rules/license-status';
import { checkReport, ValidationContext } from '../../subgraphs/subjects/rules/report-validation';

/** The 双公示 fields of issue 13 part 6, rule by rule. */
const AUTHORITY = { code: 'gusu.scjgj', name: '姑苏区市场监督管理局', uscc: completeUscc('11320508MB1668027') };
const context: ValidationContext = {
  today: '2026-11-29',
  authorities: new Map([[AUTHORITY.uscc, AUTHORITY]]),
  reportableFor: new Set([AUTHORITY.code]),
  reporter: AUTHORITY,
};

const base = {
  partyName: '苏州某某有限公司',
  partyClass: '法人及非法人组织',
  uscc: completeUscc('91320508MA1XY8123'),
  authorityName: AUTHORITY.name,
  authorityUscc: AUTHORITY.uscc,
  decidedAt: '2026-11-20',
};
const penalty = (o: Record<string, string | null> = {}) => ({
  ...base,
  decisionNo: '姑市监罚〔2026〕9号',
  violationType: '虚假宣传',
  facts: '……',
  legalBasis: '《反不正当竞争法》第二十条',
  categories: '警告',
  content: '警告',
  validUntil: '2027-11-20',
  severity: '一般',
  ...o,
});
const license = (o: Record<string, string | null> = {}) => ({
  ...base,
  documentName: '食品经营许可决定书',
  licenseNo: '姑市监许〔2026〕9号',
  category: '普通',
  content: '食品销售',
  validFrom: '2026-11-20',
  validUntil: '2031-11-19',
  ...o,
});

function problems(kind: 'penalties' | 'licenses', raw: Record<string, string | null>): string[] {
  const checked = checkReport(kind, raw, context);
  return checked.ok ? [] : checked.problems.map((p) => `${p.field}:${p.code}`).sort();
}

describe('双公示 fields of the provincial platforms', () => {
  it('lists every new field once, in fields.ts, so inputs and templates carry them', () => {
    const fields = REPORT_FIELDS.penalties.map((f) => f.field);
    for (const field of [
      'registrationNo',
      'orgCode',
      'taxRegistrationNo',
      'institutionCertificateNo',
      'socialOrgRegistrationNo',
      'legalRepIdType',
      'legalRepIdNumber',
      'dataSource',
      'dataSourceUscc',
      'remarks',
    ]) {
      expect(fields.filter((f) => f === field)).toHaveLength(1);
    }
    expect(REPORT_FIELDS.licenses.map((f) => f.field)).toContain('status');
    expect(new Set(REPORT_FIELDS.penalties.map((f) => f.header)).size).toBe(REPORT_FIELDS.penalties.length);
  });

  it('reports an 个体工商户 without a USCC by its 工商注册号, and refuses one with neither', () => {
    const shop = {
      partyName: '姑苏区张记面馆',
      partyClass: '个体工商户',
      uscc: null,
      registrationNo: '320508600123456',
    };
    const checked = checkReport('penalties', penalty(shop), context);
    expect(checked).toMatchObject({
      ok: true,
      party: {
        by: 'registrationNo',
        registrationNo: '320508600123456',
        uscc: null,
        kind: SubjectKind.INDIVIDUAL_BUSINESS,
        divisionCode: '320508',
      },
    });
    // The placeholder of 17 zeros and X reads as no USCC.
    expect(checkReport('penalties', penalty({ ...shop, uscc: '00000000000000000X' }), context).ok).toBe(true);
    expect(problems('penalties', penalty({ ...shop, registrationNo: null }))).toEqual(['uscc:REQUIRED']);
    expect(problems('penalties', penalty({ ...shop, registrationNo: '32050860012345' }))).toEqual([
      'registrationNo:INVALID_FORMAT',
    ]);
    // A legal person still needs its USCC.
    expect(problems('penalties', penalty({ uscc: null, registrationNo: '320508000123456' }))).toEqual([
      'uscc:REQUIRED',
    ]);
  });

  it('checks 行政相对人代码_3 … _6 and records them on the party', () => {
    const checked = checkReport(
      'penalties',
      penalty({
        orgCode: '19220382-1',
        taxRegistrationNo: '320508192203821',
        socialOrgRegistrationNo: '苏民证字第0001号',
      }),
      context,
    );
    expect(checked).toMatchObject({
      ok: true,
      party: {
        orgCode: '192203821',
        taxRegistrationNo: '320508192203821',
        socialOrgRegistrationNo: '苏民证字第0001号',
      },
    });
    expect(problems('penalties', penalty({ orgCode: '192203822' }))).toEqual(['orgCode:INVALID_CHECKSUM']);
    expect(problems('penalties', penalty({ taxRegistrationNo: '1234' }))).toEqual(['taxRegistrationNo:INVALID_FORMAT']);
  });

  it('checks the 法定代表人证件 with its type, and wants the type with a number', () => {
    const id = completeResidentId('32050819800101123');
    expect(
      checkReport(
        'penalties',
        penalty({ legalRepresentative: '张三', legalRepIdType: '身份证', legalRepIdNumber: id }),
        context,
      ),
    ).toMatchObject({
      ok: true,
      party: { legalRepName: '张三', legalRepIdType: '身份证', legalRepIdNumber: id },
    });
    expect(
      checkReport(
        'penalties',
        penalty({ legalRepIdType: '港澳居民来往内地通行证', legalRepIdNumber: 'H12345678' }),
        context,
      ).ok,
    ).toBe(true);
    expect(problems('penalties', penalty({ legalRepIdNumber: id }))).toEqual(['legalRepIdType:REQUIRED']);
    expect(problems('penalties', penalty({ legalRepIdType: '护照号', legalRepIdNumber: '123' }))).toEqual([
      'legalRepIdNumber:INVALID_FORMAT',
    ]);
  });

  it('identifies natural persons by every ID type, with a division for each', () => {
    const person = { partyClass: '自然人', uscc: null, partyName: '李四' };
    expect(
      checkReport(
        'penalties',
        penalty({ ...person, idType: '港澳居民来往内地通行证', idNumber: 'M12345678' }),
        context,
      ),
    ).toMatchObject({
      ok: true,
      party: { by: 'idNumber', idNumber: 'M12345678', idType: '港澳居民来往内地通行证', divisionCode: '820000' },
    });
    expect(
      checkReport('penalties', penalty({ ...person, idType: '护照', idNumber: 'e12345678' }), context),
    ).toMatchObject({ ok: true, party: { idNumber: 'E12345678', idType: '护照号', divisionCode: '320508' } });
    expect(
      checkReport('penalties', penalty({ ...person, idType: '其他-军官证', idNumber: 'J2019123' }), context),
    ).toMatchObject({ ok: true, party: { idType: '其他-军官证' } });
    expect(
      problems('penalties', penalty({ ...person, idType: '台湾居民来往大陆通行证', idNumber: 'T1234567' })),
    ).toEqual(['idNumber:INVALID_FORMAT']);
  });

  it('accepts 数据来源单位 only as the reporting department, and keeps 备注', () => {
    expect(
      checkReport(
        'penalties',
        penalty({ dataSource: AUTHORITY.name, dataSourceUscc: AUTHORITY.uscc, remarks: '经复核' }),
        context,
      ),
    ).toMatchObject({ ok: true, values: { remarks: '经复核' } });
    expect(problems('penalties', penalty({ dataSource: '姑苏区住房和城乡建设委员会' }))).toEqual([
      'dataSource:MISMATCH',
    ]);
    expect(problems('penalties', penalty({ dataSourceUscc: completeUscc('11320508014160235') }))).toEqual([
      'dataSourceUscc:MISMATCH',
    ]);
    expect(problems('penalties', penalty({ dataSourceUscc: '000000000000000000' }))).toEqual([
      'dataSourceUscc:INVALID_FORMAT',
    ]);
  });

  it('reads 有效期至 2099-12-31 as 长期', () => {
    const checked = checkReport('licenses', license({ validUntil: '2099/12/31' }), context);
    expect(checked).toMatchObject({ ok: true, values: { validUntil: null } });
    expect(validityText({ validFrom: '2026-11-20', validUntil: null })).toBe('2026-11-20 至 长期');
    expect(checkReport('licenses', license({ validUntil: '2099-12-30' }), context)).toMatchObject({
      ok: true,
      values: { validUntil: '2099-12-30' },
    });
  });

  it('accepts 其他-<具体类别> for a licence category and a penalty category, bounded', () => {
    expect(checkReport('licenses', license({ category: '其他-备案' }), context)).toMatchObject({
      ok: true,
      values: { category: LicenseCategory.OTHER, categoryDetail: '备案' },
    });
    expect(checkReport('licenses', license({ category: '其他' }), context)).toMatchObject({
      ok: true,
      values: { category: LicenseCategory.OTHER, categoryDetail: null },
    });
    expect(problems('licenses', license({ category: `其他-${'备'.repeat(21)}` }))).toEqual(['category:INVALID_VALUE']);
    expect(problems('licenses', license({ category: '审批' }))).toEqual(['category:INVALID_VALUE']);
    expect(checkReport('penalties', penalty({ categories: '警告；其他-责令改正' }), context)).toMatchObject({
      ok: true,
      values: { categories: ['警告', '其他-责令改正'] },
    });
    expect(problems('penalties', penalty({ categories: '其他-' }))).toEqual(['categories:INVALID_VALUE']);
  });

  it('reads a licence’s 当前状态, 有效 by default; an 无效 licence is not in force', () => {
    expect(checkReport('licenses', license(), context)).toMatchObject({
      ok: true,
      values: { status: LicenseStatus.VALID },
    });
    expect(checkReport('licenses', license({ status: '无效' }), context)).toMatchObject({
      ok: true,
      values: { status: LicenseStatus.INVALID },
    });
    expect(problems('licenses', license({ status: '暂停' }))).toEqual(['status:INVALID_VALUE']);
    const today = '2026-11-29';
    expect(licenseInForce({ status: LicenseStatus.VALID, validFrom: '2026-11-20', validUntil: null }, today)).toBe(
      true,
    );
    expect(licenseInForce({ status: LicenseStatus.INVALID, validFrom: '2026-11-20', validUntil: null }, today)).toBe(
      false,
    );
    expect(
      licenseInForce({ status: LicenseStatus.VALID, validFrom: '2026-11-20', validUntil: '2026-11-28' }, today),
    ).toBe(false);
    expect(licenseInForce({ status: LicenseStatus.VALID, validFrom: '2026-11-30', validUntil: null }, today)).toBe(
      false,
    );
  });

  it('classifies an N-prefixed party as a rural collective, not an enterprise', () => {
    const uscc = completeUscc('N2320508MF1234567');
    expect(checkReport('penalties', penalty({ uscc, partyName: '某村股份经济合作社' }), context)).toMatchObject({
      ok: true,
      party: { kind: SubjectKind.RURAL_COLLECTIVE },
    });
    expect(problems('penalties', penalty({ uscc: '123456789012345678' }))).toEqual(['uscc:INVALID_FORMAT']);
  });
});

import { SubjectKind } from '../../shared/domain/vocabulary';
import { divisionCodeProblem } from '../../shared/identifiers/divisions';
import { checkUscc, completeUscc, mayLookUp, usccSubjectKind, usccWarning } from '../../shared/identifiers/uscc';
import { USCC_AUTHORITIES } from '../../shared/identifiers/uscc-authorities';

/**
 * GB 32100-2015 beyond the check character (issue 13, part 5). Real codes and where they were
 * published are named at each; constructed codes are built with completeUscc and say so.
 */
describe('统一社会信用代码: registration authority, category, division', () => {
  it('accepts real published codes', () => {
    // Business licences published by the companies (Alibaba, Tencent, Huawei, Xiaomi).
    for (const code of ['91330100716105852F', '9144030071526726XG', '914403001922038216', '91110108551385082Q']) {
      expect(checkUscc(code).problem).toBeNull();
    }
    // A 事业单位 of 佛山市 (440600), quoted in github.com/xbeginagain/generator issue #2.
    expect(checkUscc('12440600MB2C07549J').problem).toBeNull();
  });

  it('rejects the two codes the audit found passing, each with its reason', () => {
    const zeros = checkUscc('000000000000000000');
    expect(zeros.problem).toBe('AUTHORITY');
    expect(zeros.reason).toContain('登记管理部门代码“0”');
    const sequence = checkUscc('123456789012345678');
    // 1 机构编制 / 2 事业单位 are fine; 345678 names no prefecture of 安徽 (34).
    expect(sequence.problem).toBe('DIVISION');
    expect(sequence.reason).toContain('3456');
  });

  it('rejects a category the registration authority does not have', () => {
    // Resident ID numbers quoted as false positives of other validators (hutool issues #1367, #2020).
    expect(checkUscc('362322198709086409').problem).toBe('CATEGORY'); // 3 司法行政 has no category 6
    expect(checkUscc('430407199312020025').problem).toBe('CATEGORY'); // 4 文化 has no category 3
    expect(checkUscc(completeUscc('94320508MA1MMMD92')).problem).toBe('CATEGORY'); // 9 工商 has 1–3 only
    expect(checkUscc(completeUscc('Y2320508MA1MMMD92')).problem).toBe('CATEGORY'); // Y: always 1
  });

  it('rejects letters in the division digits and unknown provinces', () => {
    const letters = checkUscc(completeUscc('9132A508MA1MMMD92'));
    expect(letters.problem).toBe('DIVISION');
    expect(letters.reason).toContain('6位数字');
    expect(checkUscc(completeUscc('91990000MA1MMMD92')).problem).toBe('DIVISION');
    expect(checkUscc(completeUscc('91000000MA1MMMD92')).problem).toBe('DIVISION');
  });

  it('accepts national, province-level, historical and special divisions', () => {
    expect(divisionCodeProblem('100000')).toBeNull(); // 国家级登记管理机关
    expect(divisionCodeProblem('320000')).toBeNull();
    expect(divisionCodeProblem('320508')).toBeNull();
    expect(divisionCodeProblem('371202')).toBeNull(); // 莱芜市莱城区, abolished 2019
    expect(divisionCodeProblem('429004')).toBeNull(); // 湖北省直辖县级 (仙桃市)
    expect(divisionCodeProblem('810000')).toBeNull();
    expect(divisionCodeProblem('329900')).toContain('3299');
  });

  it('fails only the check character of real pilot-era codes, so they are looked up with a warning', () => {
    // 厦门 codes issued before 2016 (github.com/chinabugotech/hutool issues #4119 and #2020: the second is
    // 厦门黑脉网络科技有限公司, whose check character "should be J").
    for (const [code, expected] of [
      ['91350203M0001QKT19', 'F'],
      ['91350203M0001FUE2P', 'J'],
    ]) {
      const check = checkUscc(code);
      expect(check.problem).toBe('CHECKSUM');
      expect(check.reason).toContain(`应为“${expected}”`);
      expect(mayLookUp(check)).toBe(true);
      expect(usccWarning(code)).toBe(check.reason);
    }
    for (const code of ['000000000000000000', '123456789012345678', '9132050', '91330100716105852I'])
      expect(mayLookUp(checkUscc(code))).toBe(false);
    expect(usccWarning('91330100716105852F')).toBeNull();
  });

  it('classifies every registration authority and category', () => {
    const cases: [string, SubjectKind][] = [
      ['11', SubjectKind.GOVERNMENT_AGENCY],
      ['12', SubjectKind.PUBLIC_INSTITUTION],
      ['13', SubjectKind.SOCIAL_ORGANIZATION],
      ['19', SubjectKind.OTHER_ORGANIZATION],
      ['21', SubjectKind.OTHER_ORGANIZATION],
      ['31', SubjectKind.OTHER_ORGANIZATION],
      ['41', SubjectKind.OTHER_ORGANIZATION],
      ['51', SubjectKind.SOCIAL_ORGANIZATION],
      ['52', SubjectKind.SOCIAL_ORGANIZATION],
      ['53', SubjectKind.SOCIAL_ORGANIZATION],
      ['61', SubjectKind.OTHER_ORGANIZATION],
      ['71', SubjectKind.OTHER_ORGANIZATION],
      ['81', SubjectKind.OTHER_ORGANIZATION],
      ['91', SubjectKind.ENTERPRISE],
      ['92', SubjectKind.INDIVIDUAL_BUSINESS],
      ['93', SubjectKind.FARMER_COOPERATIVE],
      ['A1', SubjectKind.PUBLIC_INSTITUTION],
      ['A9', SubjectKind.OTHER_ORGANIZATION],
      ['N1', SubjectKind.RURAL_COLLECTIVE],
      ['N2', SubjectKind.RURAL_COLLECTIVE],
      ['N3', SubjectKind.RURAL_COLLECTIVE],
      ['Y1', SubjectKind.OTHER_ORGANIZATION],
    ];
    for (const [prefix, kind] of cases) {
      // Constructed: the prefix on a 姑苏区 body.
      const code = completeUscc(`${prefix}320508MA1MMMD92`);
      expect(checkUscc(code).problem).toBeNull();
      expect(usccSubjectKind(code)).toBe(kind);
    }
    // Every row of the table is a valid prefix, and none is an enterprise unless it is 9-1.
    for (const authority of USCC_AUTHORITIES) {
      for (const category of authority.categories) {
        const code = completeUscc(`${authority.code}${category.code}320508MA1MMMD92`);
        expect(checkUscc(code).problem).toBeNull();
        if (`${authority.code}${category.code}` !== '91')
          expect(usccSubjectKind(code)).not.toBe(SubjectKind.ENTERPRISE);
      }
    }
  });
});

import { completeResidentId, maskResidentId, residentIdProblem } from '../../shared/identifiers/resident-id';
import { checkUscc, completeUscc, usccCheckCharacter } from '../../shared/identifiers/uscc';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published codes', () => {
    // Codes printed on public business licences (Alibaba, Tencent, Huawei, Xiaomi).
    for (const code of ['91330100716105852F', '9144030071526726XG', '914403001922038216', '91110108551385082Q']) {
      expect(checkUscc(code)).toEqual({ normalized: code, problem: null, reason: null });
    }
  });

  it('computes the check character with weights 3^i mod 31, 31 → 0', () => {
    expect(usccCheckCharacter('91330100716105852')).toBe('F');
    expect(usccCheckCharacter('91440300192203821')).toBe('6');
  });

  it('accepts codes of the A, N and Y registration authorities', () => {
    for (const prefix of ['A1', 'N2', 'Y1']) {
      const code = completeUscc(`${prefix}320508MA1MMMD92`);
      expect(checkUscc(code).problem).toBeNull();
    }
  });

  it('names what is wrong', () => {
    expect(checkUscc('9132050').problem).toBe('LENGTH');
    expect(checkUscc('91330100716105852I').problem).toBe('CHARSET');
    expect(checkUscc('9133010071610585SF').problem).toBe('CHARSET');
    expect(checkUscc('91330100716105852G').problem).toBe('CHECKSUM');
    expect(checkUscc('91330100716105852G').reason).toContain('校验位');
  });

  it('normalizes case and whitespace', () => {
    expect(checkUscc(' 9144030071526726xg ')).toMatchObject({ normalized: '9144030071526726XG', problem: null });
  });
});

describe('居民身份证号 (GB 11643)', () => {
  it('accepts a valid number, X check included', () => {
    expect(residentIdProblem('11010519491231002X')).toBeNull();
    expect(residentIdProblem(completeResidentId('32050819800101123'))).toBeNull();
  });

  it('rejects a wrong check character, a bad birth date and a bad shape', () => {
    expect(residentIdProblem('110105194912310021')).toContain('校验位');
    expect(residentIdProblem(completeResidentId('32050819800231123'))).toContain('出生日期');
    expect(residentIdProblem('3205081980010112')).toContain('17位数字');
  });

  it('masks all but the division code and the last four', () => {
    expect(maskResidentId('320502198001011234')).toBe('320502********1234');
  });
});

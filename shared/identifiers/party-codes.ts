/**
 * 行政相对人代码_2 … _6: the codes an organisation had before (or besides) its
 * 统一社会信用代码, as the 双公示 data standard carries them. Sources and readings in
 * docs/rules/identifiers-and-fields.md.
 */

/** 组织机构代码 (GB 11714-1997): 8 body characters (digits, capitals) + a check character (0–9 or X). */
const ORG_CODE_SHAPE = /^[0-9A-Z]{8}[0-9X]$/;
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCharValue(c: string): number {
  return /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55; // A = 10 … Z = 35
}

/** The GB 11714 check character of an 8-character body: 11 − (Σ wᵢcᵢ mod 11), 10 → X, 11 → 0. */
export function orgCodeCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += orgCharValue(body[i]) * ORG_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export interface CodeProblem {
  /** The report problem code it becomes. */
  kind: 'INVALID_FORMAT' | 'INVALID_CHECKSUM';
  message: string;
}

function invalid(kind: CodeProblem['kind'], message: string): CodeProblem {
  return { kind, message };
}

/** The code as compared and stored: no spaces or hyphens (组织机构代码 is often written 12345678-9), upper case. */
export function normalizePartyCode(text: string): string {
  return text.replace(/[\s\-－]/g, '').toUpperCase();
}

export function orgCodeProblem(code: string): CodeProblem | null {
  if (!ORG_CODE_SHAPE.test(code))
    return invalid('INVALID_FORMAT', '组织机构代码应为8位数字或大写字母加1位校验码（数字或X）');
  if (orgCodeCheckCharacter(code.slice(0, 8)) !== code[8]) return invalid('INVALID_CHECKSUM', '组织机构代码校验位错误');
  return null;
}

/**
 * 工商注册号: 15 digits — 6 of the first registering authority's division, 8 of sequence, 1 check
 * (《工商行政管理市场主体注册号编制规则》, in use since 2007). The check digit is not enforced:
 * like pilot-era USCCs, real numbers fail it.
 */
export function registrationNoProblem(code: string): CodeProblem | null {
  return /^\d{15}$/.test(code) ? null : invalid('INVALID_FORMAT', '工商注册号应为15位数字');
}

/** 税务登记号: 15 (division + 组织机构代码), 18 (统一社会信用代码 or 身份证号) or 20 characters (身份证号 + 2). */
export function taxRegistrationNoProblem(code: string): CodeProblem | null {
  return /^[0-9A-Z]{15}$|^[0-9A-Z]{18}$|^[0-9A-Z]{20}$/.test(code)
    ? null
    : invalid('INVALID_FORMAT', '税务登记号应为15、18或20位数字或大写字母');
}

/** 事业单位证书号 and 社会组织登记证号: issued in local formats (事证第…号, 苏民证字第…号): any text without line breaks. */
export function certificateNoProblem(code: string): CodeProblem | null {
  return /^[^\r\n]{2,}$/.test(code) ? null : invalid('INVALID_FORMAT', '证书号应为不少于2个字符的单行文本');
}

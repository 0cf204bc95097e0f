/**
 * 居民身份证号 (GB 11643-1999): 17 digits + a check character (0-9 or X).
 * The masked form keeps the 6-digit division and the last 4 characters.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECKS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECKS[sum % 11];
}

/** null when valid, otherwise the reason. Checks shape, birth date and check character. */
export function residentIdProblem(input: string): string | null {
  const id = input.trim().toUpperCase();
  if (!SHAPE.test(id)) return '居民身份证号应为17位数字加1位校验码（数字或X）';
  const birth = id.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replace(/-/g, '') !== birth) {
    return '居民身份证号中的出生日期无效';
  }
  if (residentIdCheckCharacter(id.slice(0, 17)) !== id[17]) return '居民身份证号校验位错误';
  return null;
}

export function completeResidentId(first17: string): string {
  return first17 + residentIdCheckCharacter(first17);
}

/** 320502********1234: division code and last four only. */
export function maskResidentId(id: string): string {
  return `${id.slice(0, 6)}${'*'.repeat(Math.max(0, id.length - 10))}${id.slice(-4)}`;
}

import { checkUscc, mayLookUp } from '../../shared/identifiers/uscc';

/**
 * What the clerk typed, pasted or scanned into the lookup field. A USB scanner types the payload
 * of the business licence's QR code and presses Enter: that payload is often a URL (e.g. the
 * 国家企业信用信息公示系统 address) with the 18-character code inside, so the first valid code in it
 * is taken. Everything else is a search by name.
 */
export type LookupInput =
  | { kind: 'uscc'; uscc: string; warning: string | null }
  | { kind: 'name'; search: string }
  | { kind: 'invalid'; reason: string };

/** Inputs longer than this are not a code, a name or a licence QR payload: refused before any work. */
export const MAX_LOOKUP_INPUT = 500;

/** A code inside a longer text: 18 characters of the USCC alphabet, not part of a longer word. */
const EMBEDDED = /(?<![0-9A-Za-z])[0-9A-HJ-NP-RTUW-Y]{18}(?![0-9A-Za-z])/g;

/** Looks like an attempt at a code (only letters and digits, about the right length) rather than a name. */
const CODE_LIKE = /^[0-9A-Za-z]{15,20}$/;

export function parseLookupInput(raw: string): LookupInput {
  const text = raw.trim();
  if (text.length === 0) return { kind: 'invalid', reason: '请输入统一社会信用代码或主体名称' };
  if (text.length > MAX_LOOKUP_INPUT) return { kind: 'invalid', reason: `输入过长（至多 ${MAX_LOOKUP_INPUT} 个字符）` };
  const whole = checkUscc(text);
  // A code that fails only its check character is still looked up (real pilot-era codes do), with the reason beside it.
  if (mayLookUp(whole)) return { kind: 'uscc', uscc: whole.normalized, warning: whole.reason };
  for (const match of text.matchAll(EMBEDDED)) {
    if (checkUscc(match[0]).problem === null) return { kind: 'uscc', uscc: match[0], warning: null };
  }
  if (CODE_LIKE.test(text)) return { kind: 'invalid', reason: whole.reason ?? '统一社会信用代码不合规' };
  if (/^[a-z]+:\/\//i.test(text)) return { kind: 'invalid', reason: '扫描内容中未找到有效的统一社会信用代码' };
  return { kind: 'name', search: text };
}

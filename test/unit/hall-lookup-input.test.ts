import { MAX_LOOKUP_INPUT, parseLookupInput } from '../../hall/browser/lookup-input';
import { completeUscc } from '../../shared/identifiers/uscc';

/** What the hall's lookup field makes of typed, pasted and scanned text (hall/browser/lookup-input.ts). */
const CODE = completeUscc('91320508MA1PQRNT0');
const OTHER = completeUscc('91320508MA1WXY123');

describe('parseLookupInput', () => {
  it('takes a typed or pasted code, trimmed and upper-cased', () => {
    expect(parseLookupInput(`  ${CODE.toLowerCase()} `)).toEqual({ kind: 'uscc', uscc: CODE, warning: null });
  });

  it('looks up a code that fails only its check character, with the reason beside it', () => {
    const wrong = `${CODE.slice(0, 17)}${CODE[17] === '0' ? '1' : '0'}`;
    const parsed = parseLookupInput(wrong);
    expect(parsed).toMatchObject({ kind: 'uscc', uscc: wrong });
    expect(parsed.kind === 'uscc' && parsed.warning).toMatch(/校验位/);
  });

  it('finds the first valid code inside a scanned business-licence QR payload', () => {
    expect(parseLookupInput(`https://www.gsxt.gov.cn/index?uniscid=${CODE}&other=${OTHER}`)).toEqual({
      kind: 'uscc',
      uscc: CODE,
      warning: null,
    });
    expect(parseLookupInput(`统一社会信用代码：${OTHER}；名称：苏州某某有限公司`)).toEqual({
      kind: 'uscc',
      uscc: OTHER,
      warning: null,
    });
  });

  it('skips 18 characters that are only part of a longer word, or fail the checksum, inside a payload', () => {
    const broken = `${CODE.slice(0, 17)}${CODE[17] === '0' ? '1' : '0'}`;
    expect(parseLookupInput(`https://x.example/?a=${broken}&b=${OTHER}`)).toEqual({
      kind: 'uscc',
      uscc: OTHER,
      warning: null,
    });
    expect(parseLookupInput(`https://x.example/${CODE}X`)).toEqual({
      kind: 'invalid',
      reason: '扫描内容中未找到有效的统一社会信用代码',
    });
  });

  it('says what is wrong with something that looks like a code', () => {
    expect(parseLookupInput('91320508MA1PQRN')).toEqual({ kind: 'invalid', reason: expect.stringMatching(/18位/) });
  });

  it('searches by name otherwise', () => {
    expect(parseLookupInput(' 瑞丰 ')).toEqual({ kind: 'name', search: '瑞丰' });
  });

  it('refuses empty and over-long input before any work', () => {
    expect(parseLookupInput('   ').kind).toBe('invalid');
    expect(parseLookupInput('名'.repeat(MAX_LOOKUP_INPUT + 1)).kind).toBe('invalid');
  });
});

import {
  attemptVerdict,
  displayQueryCode,
  generateCaseNumber,
  generateQueryCode,
  hashQueryCode,
  locksAfter,
  LOOKUP_POLICY,
  QUERY_CODE_ALPHABET,
  QUERY_CODE_LENGTH,
  queryCodeMatches,
  readCaseNumber,
  readQueryCode,
} from '../../subgraphs/repairs/rules/query-code';

const CASE_ID = '3f0c2a52-7a7e-4b55-9f0a-2d5f3c1b9e11';

describe('the 查询码 of a repair case', () => {
  it('is 8 symbols of an alphabet without the look-alikes 0/O and 1/I/L', () => {
    expect(QUERY_CODE_ALPHABET).toHaveLength(31);
    for (const confusable of ['0', 'O', '1', 'I', 'L']) expect(QUERY_CODE_ALPHABET).not.toContain(confusable);
    for (let i = 0; i < 200; i += 1) {
      const code = generateQueryCode();
      expect(code).toHaveLength(QUERY_CODE_LENGTH);
      expect([...code].every((c) => QUERY_CODE_ALPHABET.includes(c))).toBe(true);
    }
  });

  it('draws every symbol from the random source it is given', () => {
    const draws: number[] = [];
    const code = generateQueryCode((n) => {
      draws.push(n);
      return draws.length - 1;
    });
    expect(draws).toEqual(Array(QUERY_CODE_LENGTH).fill(QUERY_CODE_ALPHABET.length));
    expect(code).toBe(QUERY_CODE_ALPHABET.slice(0, QUERY_CODE_LENGTH));
  });

  it('reads a code as typed — lower case, spaces, the printed hyphen — and nothing that cannot be one', () => {
    expect(readQueryCode(' 7k3q-m9xd ')).toBe('7K3QM9XD');
    expect(displayQueryCode('7K3QM9XD')).toBe('7K3Q-M9XD');
    expect(readQueryCode('7K3QM9X')).toBeNull();
    expect(readQueryCode('7K3QM9XD2')).toBeNull();
    expect(readQueryCode('7K3QM9X0')).toBeNull();
    expect(readQueryCode('7K3Q M9XI')).toBeNull();
  });

  it('is kept as a hash bound to its case, compared whole', () => {
    const hash = hashQueryCode(CASE_ID, '7K3QM9XD');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('7K3QM9XD');
    expect(queryCodeMatches(hash, CASE_ID, '7K3QM9XD')).toBe(true);
    expect(queryCodeMatches(hash, CASE_ID, '7K3QM9XE')).toBe(false);
    // The same code on another case is another hash: a table of hashes tells nothing across cases.
    expect(queryCodeMatches(hash, '3f0c2a52-7a7e-4b55-9f0a-2d5f3c1b9e12', '7K3QM9XD')).toBe(false);
    expect(queryCodeMatches('', CASE_ID, '7K3QM9XD')).toBe(false);
  });
});

describe('the 受理编号 of a repair case', () => {
  it('is the year and 8 random digits, read back with or without hyphens', () => {
    const number = generateCaseNumber('2026');
    expect(number).toMatch(/^GSXF-2026-\d{8}$/);
    expect(readCaseNumber(number)).toBe(number);
    expect(readCaseNumber(' gsxf 2026 04718263')).toBe('GSXF-2026-04718263');
    expect(readCaseNumber('GSXF202604718263')).toBe('GSXF-2026-04718263');
    expect(readCaseNumber('GSXF-2026-0471826')).toBeNull();
    expect(readCaseNumber('GSXY-2026-04718263')).toBeNull();
  });

  it('of an objection is GSYY, and neither kind reads as the other', () => {
    const number = generateCaseNumber('2026', undefined, 'OBJECTION');
    expect(number).toMatch(/^GSYY-2026-\d{8}$/);
    expect(readCaseNumber(number, 'OBJECTION')).toBe(number);
    expect(readCaseNumber('gsyy202604718263', 'OBJECTION')).toBe('GSYY-2026-04718263');
    expect(readCaseNumber(number)).toBeNull();
    expect(readCaseNumber('GSXF-2026-04718263', 'OBJECTION')).toBeNull();
  });
});

describe('guessing codes', () => {
  it('compares at most maxFailures codes, then locks: an attempt counted past the limit is refused unseen', () => {
    const compared = [1, 2, 3, 4, 5, 6, 7].filter((n) => attemptVerdict(n) === 'COMPARE');
    expect(compared).toEqual([1, 2, 3, 4, 5]);
    expect(LOOKUP_POLICY.maxFailures).toBe(5);
    expect([1, 2, 3, 4, 5].map(locksAfter)).toEqual([false, false, false, false, true]);
  });
});

import { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import pino from 'pino';
import { ForwardingDataSource } from '../../gateway/auth/forwarding-data-source';
import { InternalTokenSigner } from '../../gateway/auth/token-signer';
import type { GatewayContext } from '../../gateway/guarded-gateway';
import { SubgraphFetcher } from '../../gateway/transport/subgraph-fetcher';
import { CALLER_AUTHORIZATION_HEADER } from '../../shared/auth/caller-authorization';
import { generateInternalKeyPair, internalPrivateKey } from '../../shared/auth/internal-token';
import { PUBLIC_PRINCIPAL } from '../../shared/auth/principal';
import { CreditGrade, Verdict } from '../../shared/domain/vocabulary';
import { completeUscc } from '../../shared/identifiers/uscc';
import { loadReportsConfig } from '../../subgraphs/reports/config';
import { loadSigningIdentity } from '../../subgraphs/reports/documents/signing-identity';
import { issueArguments } from '../../subgraphs/reports/rules/report-arguments';
import { CreditReportKind, shownToSubject } from '../../subgraphs/reports/rules/report-kind';
import {
  formatReportNumber,
  MAX_SEQUENCE_PER_YEAR,
  normalizeReportNumber,
} from '../../subgraphs/reports/rules/report-number';
import { isStillValid, validUntilDate } from '../../subgraphs/reports/rules/validity';
import { VERDICT_LABELS, verdictLabel } from '../../subgraphs/reports/rules/verdict-labels';
import {
  checkSymbol,
  CODE_ALPHABET,
  CODE_LENGTH,
  displayVerificationCode,
  generateVerificationCode,
  readVerificationCode,
} from '../../subgraphs/reports/rules/verification-code';
import { evaluationSection, inPublicity } from '../../subgraphs/reports/services/compose-content';
import { refusalOf } from '../../subgraphs/reports/services/gather-sections';
import type { PenaltyValue } from '../../subgraphs/reports/services/sections';

describe('report numbers (GSXY-年份-顺序号)', () => {
  it('formats the year and a six-digit sequence, and reads back what it formats', () => {
    expect(formatReportNumber(2026, 123)).toBe('GSXY-2026-000123');
    expect(formatReportNumber(2027, MAX_SEQUENCE_PER_YEAR)).toBe('GSXY-2027-999999');
    expect(normalizeReportNumber(' gsxy-2026-000123 ')).toBe('GSXY-2026-000123');
  });

  it('refuses sequences outside 1–999999 and anything that is not a number', () => {
    expect(() => formatReportNumber(2026, 0)).toThrow(RangeError);
    expect(() => formatReportNumber(2026, MAX_SEQUENCE_PER_YEAR + 1)).toThrow(RangeError);
    for (const bad of [
      'GSXY-2026-000000',
      'GSXY-2026-12345',
      'GSXY-26-000123',
      'XXXX-2026-000123',
      'GSXY-2026-0001234',
      '',
    ])
      expect(normalizeReportNumber(bad)).toBeNull();
  });
});

describe('verification codes (核验码)', () => {
  it('are twelve symbols of the unambiguous alphabet, the last a check symbol, with at least 40 random bits', () => {
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
    expect(Math.log2(CODE_ALPHABET.length) * (CODE_LENGTH - 1)).toBeGreaterThanOrEqual(40);
    const codes = new Set(Array.from({ length: 500 }, () => generateVerificationCode()));
    expect(codes.size).toBe(500);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
      expect(readVerificationCode(code)).toEqual({ ok: true, code });
    }
  });

  it('are read as people type them: any case, hyphens and spaces, O for 0 and I or L for 1', () => {
    const code = generateVerificationCode(() => 0);
    expect(code).toBe(`00000000000${checkSymbol('00000000000')}`);
    expect(displayVerificationCode('7K3QM9XD2HTW')).toBe('7K3Q-M9XD-2HTW');
    const body = '1O0AB2CD3EF';
    const canonical = `100AB2CD3EF${checkSymbol('100AB2CD3EF')}`;
    expect(
      readVerificationCode(`${body.toLowerCase().slice(0, 4)}-${body.slice(4, 8)} ${body.slice(8)}${canonical[11]}`),
    ).toEqual({ ok: true, code: canonical });
    expect(readVerificationCode(`${body.replace('1', 'l')}${canonical[11]}`)).toEqual({ ok: true, code: canonical });
  });

  it('catch every single mistyped symbol and every swap of two different neighbours', () => {
    const code = generateVerificationCode();
    for (let i = 0; i < CODE_LENGTH; i += 1) {
      for (const other of CODE_ALPHABET) {
        if (other === code[i]) continue;
        expect(readVerificationCode(code.slice(0, i) + other + code.slice(i + 1)).ok).toBe(false);
      }
    }
    for (let i = 0; i < CODE_LENGTH - 1; i += 1) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      // Luhn mod N misses only the swap of two symbols whose doubled values wrap the same way (as Luhn misses 09↔90).
      const values = [CODE_ALPHABET.indexOf(code[i]), CODE_ALPHABET.indexOf(code[i + 1])];
      if (values.every((v) => v === 0 || v === CODE_ALPHABET.length - 1)) continue;
      expect([swapped, readVerificationCode(swapped).ok]).toEqual([swapped, false]);
    }
  });

  it('say why a code cannot be one', () => {
    expect(readVerificationCode('ABC')).toMatchObject({ ok: false, reason: expect.stringContaining('12 symbols') });
    expect(readVerificationCode('ABCDEFGHJKM!')).toMatchObject({ ok: false, reason: expect.stringContaining("'!'") });
  });
});

describe('validity (有效期)', () => {
  it('runs the given calendar days from the issue date, through the last one', () => {
    expect(validUntilDate('2026-12-02', 30)).toBe('2026-12-31');
    expect(validUntilDate('2026-12-15', 30)).toBe('2027-01-13');
    expect(validUntilDate('2028-02-01', 29)).toBe('2028-02-29');
    expect(validUntilDate('2026-12-02', 1)).toBe('2026-12-02');
    expect(() => validUntilDate('2026-12-02', 0)).toThrow(RangeError);
  });

  it('is valid on its last day and not the day after', () => {
    expect(isStillValid('2026-12-31', '2026-12-31')).toBe(true);
    expect(isStillValid('2026-12-31', '2027-01-01')).toBe(false);
  });
});

describe('verdict labels', () => {
  it('print each verdict as one short Chinese word', () => {
    expect(Object.keys(VERDICT_LABELS).sort()).toEqual(Object.values(Verdict).sort());
    expect([Verdict.RESTRICT, Verdict.CAUTION, Verdict.INCENTIVE, Verdict.CLEAR].map(verdictLabel)).toEqual([
      '限制',
      '审慎',
      '激励',
      '无异常',
    ]);
  });
});

describe('what a report may be issued from', () => {
  const subject = { id: 's' };
  const screened = { screen: [{ screeningId: 'x', uscc: 'u', found: true, verdict: Verdict.CLEAR, measures: [] }] };

  it('is a complete answer with a verdict', () => {
    expect(refusalOf({ data: { subject: subject as never, ...screened } }, true)).toBeNull();
    expect(refusalOf({ data: { subject: subject as never } }, false)).toBeNull();
  });

  it('is never one whose screening could not run: SCREENING_UNAVAILABLE, not CLEAR', () => {
    const sanctionsDown = {
      data: { subject: { ...subject, listEntries: null } as never, screen: null },
      errors: [
        { message: 'down', path: ['screen'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } },
        { message: 'down', path: ['subject', 'listEntries'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } },
      ],
    };
    expect(refusalOf(sanctionsDown, true)?.extensions).toMatchObject({
      code: 'SCREENING_UNAVAILABLE',
      sections: ['screening', 'listEntries'],
      sources: ['sanctions'],
    });
    expect(
      refusalOf({ data: { subject: subject as never, screen: [{ ...screened.screen[0], verdict: null }] } }, true)
        ?.extensions?.code,
    ).toBe('SCREENING_UNAVAILABLE');
  });

  it('is never one with a section missing, nor one the caller may not read whole', () => {
    const repairsDown = {
      data: { subject: subject as never, ...screened },
      errors: [{ message: 'down', path: ['subject', 'repairCases'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
    };
    expect(refusalOf(repairsDown, true)?.extensions).toMatchObject({
      code: 'SECTION_UNAVAILABLE',
      sections: ['repairCases'],
      sources: ['repairs'],
    });
    const unauthorized = {
      data: { subject: subject as never, screen: null },
      errors: [{ message: 'no', path: ['screen'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } }],
    };
    expect(refusalOf(unauthorized, true)?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is one without the evaluation when the evaluations subgraph is down (printed 暂不可用), but not one the caller may not read', () => {
    const evaluationsDown = {
      data: { subject: { ...subject, creditEvaluation: null } as never, ...screened },
      errors: [
        { message: 'down', path: ['subject', 'creditEvaluation'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } },
      ],
    };
    expect(refusalOf(evaluationsDown, true)).toBeNull();
    const unauthorized = {
      ...evaluationsDown,
      errors: [
        { message: 'no', path: ['subject', 'creditEvaluation'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } },
      ],
    };
    expect(refusalOf(unauthorized, true)?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the 公共信用综合评价 section', () => {
  const cutoff = new Date('2026-12-02T05:00:00Z');

  it('prints the grade with its label, the score to one decimal, the model and each explanation line', () => {
    const section = evaluationSection(
      {
        state: 'EVALUATED',
        value: {
          modelVersion: 'GUSU-2026.1',
          score: 68,
          grade: CreditGrade.C,
          gradeLabel: '中',
          evaluatedAt: '2026-12-02T04:00:00Z',
          explanation: [
            {
              indicator: 'PENALTY_GENERAL_IN_PUBLICITY',
              label: '一般行政处罚',
              count: 2,
              points: -12,
              text: '−12: 一般行政处罚 2 项, 公示期内',
              source: '姑苏区公共信用综合评价模型 GUSU-2026.1',
            },
          ],
        },
      },
      cutoff,
    );
    expect(section).toMatchObject({ title: '公共信用综合评价', cutoff });
    expect(section.items).toEqual([
      {
        headline: '评价等级: C（中） · 评价得分: 68.0',
        lines: [
          '评价模型: GUSU-2026.1 · 评价时间: 2026年12月02日 12:00:00',
          '−12: 一般行政处罚 2 项, 公示期内（依据: 姑苏区公共信用综合评价模型 GUSU-2026.1）',
        ],
      },
    ]);
  });

  it('says 暂不可用, with no cutoff, when its source did not answer, and says so when the subject is not graded', () => {
    const down = evaluationSection({ state: 'UNAVAILABLE' }, cutoff);
    expect(down).toMatchObject({ cutoff: null, items: [] });
    expect(down.empty).toMatch(/^暂不可用/);
    const none = evaluationSection({ state: 'NOT_EVALUATED' }, cutoff);
    expect(none).toMatchObject({ cutoff, items: [] });
    expect(none.empty).toContain('暂无公共信用综合评价结果');
  });
});

describe('what each kind of report shows', () => {
  it('shows the subject only the list entries it was told of that still stand', () => {
    expect(['DESIGNATED', 'NOTIFIED', 'OBJECTED', 'PUBLISHED', 'REMOVED', 'EXPIRED'].filter(shownToSubject)).toEqual([
      'NOTIFIED',
      'OBJECTED',
      'PUBLISHED',
    ]);
  });

  it('prints penalties within their publicity period only', () => {
    const penalty: PenaltyValue = {
      id: 'p',
      decisionNo: 'n',
      decidedAt: '2026-01-01',
      authority: null,
      severity: 'GENERAL',
      content: 'c',
      legalBasis: 'b',
      published: true,
      publicityEndsAt: '2026-12-31',
      repairedAt: null,
      revokedAt: null,
    };
    expect(inPublicity(penalty, '2026-12-31')).toBe(true);
    expect(inPublicity(penalty, '2027-01-01')).toBe(false);
    expect(inPublicity({ ...penalty, published: false }, '2026-06-01')).toBe(false);
    expect(inPublicity({ ...penalty, repairedAt: '2026-05-01T00:00:00Z' }, '2026-06-01')).toBe(false);
    expect(inPublicity({ ...penalty, revokedAt: '2026-05-01T00:00:00Z' }, '2026-06-01')).toBe(false);
  });
});

describe('issueCreditReport arguments', () => {
  const code = completeUscc('91320508MA1P0Q0R0');

  it('bounds every argument and names the one at fault', () => {
    const base = {
      uscc: code,
      kind: CreditReportKind.REVIEW,
      scenario: 'BIDDING' as never,
      matter: '  招标投标资格审查 ',
      purpose: null,
    };
    expect(issueArguments(base)).toEqual({
      uscc: code,
      kind: CreditReportKind.REVIEW,
      scenario: 'BIDDING',
      matter: '招标投标资格审查',
      purpose: null,
    });
    const fault = (overrides: Record<string, unknown>) => {
      try {
        issueArguments({ ...base, ...overrides });
        return null;
      } catch (error) {
        return (error as { extensions: { code: string; argument: string } }).extensions;
      }
    };
    expect(fault({ matter: '事'.repeat(101) })).toEqual({ code: 'BAD_USER_INPUT', argument: 'matter' });
    expect(fault({ matter: '事'.repeat(100) })).toBeNull();
    expect(fault({ matter: 'a\u0007b' })).toEqual({ code: 'BAD_USER_INPUT', argument: 'matter' });
    expect(fault({ purpose: '用'.repeat(201) })).toEqual({ code: 'BAD_USER_INPUT', argument: 'purpose' });
    expect(fault({ uscc: 'NOT-A-CODE' })).toEqual({ code: 'BAD_USER_INPUT', argument: 'uscc' });
    expect(fault({ scenario: null })).toEqual({ code: 'BAD_USER_INPUT', argument: 'scenario' });
    // A subject's own report needs no scenario, and stores none.
    expect(issueArguments({ ...base, kind: CreditReportKind.OWN_RECORD }).scenario).toBeNull();
  });
});

describe('the reports configuration', () => {
  it('refuses to start in production without the platform signing key', () => {
    expect(() => loadReportsConfig({ NODE_ENV: 'production' })).toThrow(
      /REPORT_SIGNING_P12_FILE and REPORT_SIGNING_P12_PASSWORD are required in production/,
    );
    expect(() =>
      loadReportsConfig({
        NODE_ENV: 'production',
        REPORT_SIGNING_P12_FILE: '/x.p12',
        REPORT_SIGNING_P12_PASSWORD: 'p',
      }),
    ).toThrow(/PUBLIC_URL is required in production/);
    expect(loadReportsConfig({}).signing).toEqual({ kind: 'development' });
    expect(() => loadReportsConfig({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL/);
    expect(loadReportsConfig({ PUBLIC_URL: 'https://credit.gusu.example/' }).publicBaseUrl).toBe(
      'https://credit.gusu.example',
    );
  });
});

describe('the signing identity', () => {
  const logger = pino({ level: 'silent' });

  it('makes a self-signed development certificate, and opens a configured PKCS#12 only with its password', () => {
    const development = loadSigningIdentity({ kind: 'development' }, logger);
    expect(development).toMatchObject({ development: true, subject: expect.stringContaining('DEVELOPMENT') });
    const configured = loadSigningIdentity(
      { kind: 'p12', p12: development.p12, password: development.password, file: 'platform.p12' },
      logger,
    );
    expect(configured).toMatchObject({ development: false, subject: development.subject });
    expect(() =>
      loadSigningIdentity({ kind: 'p12', p12: development.p12, password: 'wrong', file: 'platform.p12' }, logger),
    ).toThrow(/could not be opened/);
  });
});

describe("the caller's credentials", () => {
  const signer = new InternalTokenSigner(internalPrivateKey(generateInternalKeyPair().privateKey));
  const context: GatewayContext = {
    principal: PUBLIC_PRINCIPAL,
    requestId: 'req-1',
    purpose: null,
    authorization: 'Bearer caller',
  };

  async function headersSentTo(subgraph: string): Promise<Headers> {
    const source = new ForwardingDataSource(
      'http://127.0.0.1:1/graphql',
      subgraph,
      signer,
      new SubgraphFetcher(),
      pino({ level: 'silent' }),
    );
    const headers = new Headers();
    await source.willSendRequest({
      request: { http: { headers, method: 'POST', url: '' } },
      context,
    } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
    return headers;
  }

  it('reach the reports subgraph only, with the request id', async () => {
    const reports = await headersSentTo('reports');
    expect(reports.get(CALLER_AUTHORIZATION_HEADER)).toBe('Bearer caller');
    expect(reports.get('x-request-id')).toBe('req-1');
    for (const other of ['subjects', 'sanctions', 'commitments', 'repairs'])
      expect((await headersSentTo(other)).get(CALLER_AUTHORIZATION_HEADER)).toBeNull();
  });
});

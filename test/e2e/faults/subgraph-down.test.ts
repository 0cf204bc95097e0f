import { signDevToken } from '../../../gateway/auth/dev-token';
import { randomKey } from '../../../scripts/dev-secrets';
import type { RunningSystem } from '../../../scripts/system';
import type { SubgraphName } from '../../../shared/config/services';
import { clientOperations } from '../../support/operations';
import { OwnSystem, startOwnSystem } from '../../support/own-system';

/**
 * Fault injection on a system of this file's own (the shared one keeps
 * serving the other tests): each subgraph in turn is killed with SIGKILL and
 * the hall terminal's HallProfile document is sent. What its owner fills is
 * null with one SUBGRAPH_UNAVAILABLE error at that path; everything else
 * survives; no internal address or stack reaches the client.
 */
jest.setTimeout(240_000);

const HALL_PROFILE = clientOperations().find((op) => op.file === 'hall-profile.graphql')!.source;
const PUBLIC_LISTS = clientOperations().find((op) => op.file === 'public-lists.graphql')!.source;
const SECTIONS = ['listEntries', 'creditStatus', 'penalties', 'licenses', 'commitments', 'repairCases'] as const;

interface Answer {
  status: number;
  data?: { subject: Record<string, unknown> | null; screen: { verdict: string }[] | null } | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

let own: OwnSystem | undefined;
let system: RunningSystem;
let secret: string;
let uscc: string;

async function post(query: string, variables: Record<string, unknown>, token?: string): Promise<Answer> {
  const response = await fetch(`${system.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

const hallToken = () =>
  signDevToken(secret, { sub: 'fault-hall', name: '大厅窗口', org: 'gusu.xzspj', roles: ['hall'], ttl: '10m' });
const hallProfile = async () => post(HALL_PROFILE, { uscc, scenario: 'BIDDING' }, await hallToken());

/** Which sections of the profile came back (null = missing), and the errors, path by path. */
function survival(answer: Answer): { subject: boolean; sections: string[]; screen: boolean; errors: string[] } {
  const subject = answer.data?.subject ?? null;
  return {
    subject: subject !== null,
    sections: subject ? SECTIONS.filter((field) => subject[field] !== null && subject[field] !== undefined) : [],
    screen: Array.isArray(answer.data?.screen),
    errors: (answer.errors ?? [])
      .map((e) => `${(e.path ?? []).join('.')} ${String(e.extensions?.code)} ${String(e.extensions?.subgraph)}`)
      .sort(),
  };
}

/** No address or stack in any message; an unavailable section's error carries no stack even in development. */
function expectNoLeak(answer: Answer): void {
  for (const error of answer.errors ?? []) {
    expect(error.message).not.toMatch(/https?:\/\/|127\.0\.0\.1|localhost|ECONNREFUSED|\bat \S+ \(/);
    if (error.extensions?.code !== 'SUBGRAPH_UNAVAILABLE') continue;
    expect(Object.keys(error.extensions).sort()).toEqual(['code', 'subgraph']);
    expect(error.path).toBeDefined();
  }
}

beforeAll(async () => {
  secret = randomKey();
  own = await startOwnSystem('subgraph-down', { jwtSecret: secret });
  system = own.system;
  const lists = await post(PUBLIC_LISTS, { list: 'BLACK', first: 1 });
  uscc = (lists.data as unknown as { publishedList: { nodes: { subject: { uscc: string } }[] } }).publishedList.nodes[0]
    .subject.uscc;
});

afterAll(async () => {
  await own?.stop();
});

/** Kills `service`, asks for the profile, and starts it again whatever the assertions found. */
async function withDown(service: SubgraphName, check: (answer: Answer) => void): Promise<void> {
  await system.kill(service);
  try {
    const started = performance.now();
    const answer = await hallProfile();
    const ms = Math.round(performance.now() - started);
    process.stdout.write(`${service} down: HTTP ${answer.status} in ${ms} ms ${JSON.stringify(survival(answer))}\n`);
    check(answer);
  } finally {
    await system.restart(service);
  }
}

describe('HallProfile with one subgraph down (部分数据源不可用)', () => {
  it('answers whole while every subgraph is up', async () => {
    const answer = await hallProfile();
    expect(answer.errors).toBeUndefined();
    expect(survival(answer)).toEqual({ subject: true, sections: [...SECTIONS], screen: true, errors: [] });
  });

  it('sanctions down: lists, credit status and screening are missing with an error each, never CLEAR', async () => {
    await withDown('sanctions', (answer) => {
      expect(survival(answer)).toEqual({
        subject: true,
        sections: ['penalties', 'licenses', 'commitments', 'repairCases'],
        screen: false,
        errors: [
          'screen SUBGRAPH_UNAVAILABLE sanctions',
          'subject.creditStatus SUBGRAPH_UNAVAILABLE sanctions',
          'subject.listEntries SUBGRAPH_UNAVAILABLE sanctions',
        ],
      });
      expect(answer.data?.screen).toBeNull();
      expectNoLeak(answer);
    });
  });

  it('commitments down: only the commitments are missing', async () => {
    await withDown('commitments', (answer) => {
      expect(survival(answer)).toEqual({
        subject: true,
        sections: ['listEntries', 'creditStatus', 'penalties', 'licenses', 'repairCases'],
        screen: true,
        errors: ['subject.commitments SUBGRAPH_UNAVAILABLE commitments'],
      });
      expectNoLeak(answer);
    });
  });

  it('repairs down: only the repair cases are missing', async () => {
    await withDown('repairs', (answer) => {
      expect(survival(answer)).toEqual({
        subject: true,
        sections: ['listEntries', 'creditStatus', 'penalties', 'licenses', 'commitments'],
        screen: true,
        errors: ['subject.repairCases SUBGRAPH_UNAVAILABLE repairs'],
      });
      expectNoLeak(answer);
    });
  });

  it('subjects down: nothing is answered unaudited (the audit log lives there); nothing leaks', async () => {
    await withDown('subjects', (answer) => {
      expect(answer.data?.subject ?? null).toBeNull();
      expect(answer.data?.screen ?? null).toBeNull();
      expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
      // A fault of ours a retry can get past (faults/status-codes.test.ts checks the Retry-After).
      expect(answer.status).toBe(503);
      expectNoLeak(answer);
    });
  });

  it('subjects down: a public list keeps its entries; each names the missing subject and department', async () => {
    await system.kill('subjects');
    try {
      const answer = await post(PUBLIC_LISTS, { list: 'BLACK', first: 3 });
      const nodes = (
        answer.data as unknown as { publishedList: { nodes: { id: string; decidedBy: unknown; subject: unknown }[] } }
      ).publishedList.nodes;
      process.stdout.write(
        `subjects down, PublishedList: HTTP ${answer.status}, ${nodes.length} entries, ${answer.errors?.length ?? 0} errors\n`,
      );
      expect(nodes).toHaveLength(3);
      for (const node of nodes) {
        expect(node.id).toEqual(expect.any(String));
        expect(node.decidedBy).toBeNull();
        expect(node.subject).toBeNull();
      }
      const paths = (answer.errors ?? [])
        .map((e) => `${(e.path ?? []).join('.')} ${String(e.extensions?.code)} ${String(e.extensions?.subgraph)}`)
        .sort();
      expect(paths).toEqual(
        [0, 1, 2]
          .flatMap((i) => [
            `publishedList.nodes.${i}.decidedBy.name`,
            `publishedList.nodes.${i}.subject.name`,
            `publishedList.nodes.${i}.subject.uscc`,
          ])
          .map((path) => `${path} SUBGRAPH_UNAVAILABLE subjects`)
          .sort(),
      );
      expectNoLeak(answer);
    } finally {
      await system.restart('subjects');
    }
  });

  it('answers whole again once every subgraph is back', async () => {
    const answer = await hallProfile();
    expect(answer.errors).toBeUndefined();
    expect(survival(answer).sections).toEqual([...SECTIONS]);
  });
});

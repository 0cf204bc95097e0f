import type { ExchangeReceiver } from './exchange-receiver';
import { expectData } from './expect-data';
import { graphql } from './gateway';

/**
 * Registering a test receiver through the gateway as the credit office: registerReceiver with its push
 * and reconcile URLs, then a new version of the sharing catalogue — the current lines (publishing
 * replaces the whole catalogue) and one line per kind for it. Another test file may publish meanwhile
 * from an older copy: ensureCatalogued publishes again until the lines are in the current version.
 */
interface LineRules {
  includeIdNumber?: boolean;
  includeMinor?: boolean;
  lists?: string[];
  authorityKinds?: string[];
}

interface Line {
  receiverCode: string;
  kind: string;
  fields: string[] | null;
  rules: LineRules;
}

async function currentLines(office: Record<string, string>): Promise<Line[]> {
  const result = await graphql<{ sharingCatalogue: { lines: Line[] } | null }>(
    '{ sharingCatalogue { lines { receiverCode kind fields rules } } }',
    {},
    office,
  );
  return expectData(result).sharingCatalogue?.lines ?? [];
}

function lineInput(line: Line): Record<string, unknown> {
  return {
    receiverCode: line.receiverCode,
    kind: line.kind,
    fields: line.fields,
    includeIdNumber: line.rules.includeIdNumber ?? null,
    includeMinor: line.rules.includeMinor ?? null,
    lists: line.rules.lists ?? null,
    authorityKinds: line.rules.authorityKinds ?? null,
  };
}

/** Publishes the current catalogue plus `wanted` (by receiver and kind) unless it holds them already. */
export async function ensureCatalogued(office: Record<string, string>, wanted: Line[]): Promise<void> {
  let refusal = '';
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const lines = await currentLines(office);
    const has = (w: Line) => lines.some((l) => l.receiverCode === w.receiverCode && l.kind === w.kind);
    if (wanted.every(has)) return;
    const result = await graphql(
      'mutation($l: [CatalogueLineInput!]!, $n: String!) { publishSharingCatalogue(lines: $l, note: $n) { version } }',
      { l: [...lines, ...wanted.filter((w) => !has(w))].map(lineInput), n: 'e2e: test receivers' },
      office,
    );
    // Two files publishing at once: one of them is refused or loses, and looks again.
    refusal = JSON.stringify(result.errors ?? []);
  }
  throw new Error(
    `the catalogue would not take the lines of ${wanted.map((w) => w.receiverCode).join(', ')}: ${refusal}`,
  );
}

/** Registers `receiver` as a PLATFORM receiver `code` pushing to it, with catalogue lines for `kinds`. */
export async function registerTestReceiver(
  office: Record<string, string>,
  code: string,
  receiver: ExchangeReceiver,
  kinds: string[] = ['PENALTY'],
): Promise<void> {
  expectData(
    await graphql(
      'mutation($i: RegisterReceiverInput!) { registerReceiver(input: $i) { code } }',
      {
        i: {
          code,
          name: `测试接收方 ${code}`,
          kind: 'PLATFORM',
          clientId: code,
          pushUrl: receiver.pushUrl,
          pushSecret: receiver.secret,
          reconcileUrl: receiver.reconcileUrl,
        },
      },
      office,
    ),
  );
  await ensureCatalogued(
    office,
    kinds.map((kind) => ({ receiverCode: code, kind, fields: null, rules: { includeIdNumber: false } })),
  );
}

export interface DeliveryStatusView {
  deliveredSeq: string;
  lastSeq: string;
  backlog: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  deadLetters: number;
}

export async function deliveryStatusOf(office: Record<string, string>, code: string): Promise<DeliveryStatusView> {
  const result = await graphql<{ deliveryStatus: DeliveryStatusView }>(
    'query($r: String!) { deliveryStatus(receiver: $r) { deliveredSeq lastSeq backlog attempts nextAttemptAt lastError deadLetters } }',
    { r: code },
    office,
  );
  return expectData(result).deliveryStatus;
}

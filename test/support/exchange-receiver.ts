import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, verifyBatch } from '../../shared/exchange/signature';
import { setDigest } from '../../subgraphs/exchange/rules/digest';

/**
 * A receiving platform of the tests (issue 17 item 7): a real HTTP server on 127.0.0.1, port 0. It does
 * what docs/EXCHANGE.md, "How a receiver integrates", asks of a receiver: verify the signature before
 * parsing, apply each entry once by entryId, keep the highest version per (kind, key) — a WITHDRAW of
 * the same version removes it — and answer the reconcile endpoint. It can be made down, slow, failing,
 * or lose its state, and it records every batch it was sent, in order of arrival.
 */
export interface ReceivedEntry {
  seq: string;
  entryId: string;
  topic: string;
  kind: string | null;
  key: string;
  version: string;
  operation: 'UPSERT' | 'WITHDRAW' | 'SCREENING';
  record: Record<string, unknown> | null;
  screening: Record<string, unknown> | null;
  createdAt: string;
}

export interface ReceivedBatch {
  batchId: string;
  idempotencyKey: string | undefined;
  entries: ReceivedEntry[];
  /** When the body had been read (Date.now()). */
  arrivedAt: number;
}

export interface HeldRecord {
  version: number;
  state: 'ACTIVE' | 'WITHDRAWN';
  record: Record<string, unknown> | null;
}

export type ReceiverMode = 'UP' | 'FAILING' | 'DOWN';

export interface ExchangeReceiver {
  /** The push URL to register (…/batches) and the reconcile URL (…/reconcile). */
  pushUrl: string;
  reconcileUrl: string;
  secret: string;
  /** Batches accepted (signature valid, applied), in order of arrival. */
  accepted: ReceivedBatch[];
  /** Requests refused for their signature, with the reason verifyBatch gave. */
  refused: { reason: string }[];
  /** Entries applied (first arrival of each entryId). */
  appliedEntryIds: Set<string>;
  /** Entries that arrived again after being applied (redeliveries the receiver ignored). */
  duplicates: number;
  /** The store: `${kind}:${key}` → the highest version held. */
  store: Map<string, HeldRecord>;
  /** UP answers; FAILING answers 503; DOWN closes the listening socket (connection refused). */
  setMode(mode: ReceiverMode): Promise<void>;
  /** Each push request waits this long before it is answered (a slow receiver). */
  setDelayMs(ms: number): void;
  /** Forgets everything it held and applied (a receiver that lost its state). */
  loseState(): void;
  /** Removes one record from the store, as if it had been dropped on the receiver's side. */
  drop(kind: string, key: string): boolean;
  /** The ACTIVE records of a kind: key → version. */
  active(kind: string): Map<string, number>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startExchangeReceiver(secret: string): Promise<ExchangeReceiver> {
  let mode: ReceiverMode = 'UP';
  let delayMs = 0;
  let server: Server;
  let port = 0;
  const listen = (at: number) =>
    new Promise<number>((resolve, reject) => {
      server = createServer(onRequest);
      server.once('error', reject);
      server.listen(at, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  const receiver: ExchangeReceiver = {
    pushUrl: '',
    reconcileUrl: '',
    secret,
    accepted: [],
    refused: [],
    appliedEntryIds: new Set(),
    duplicates: 0,
    store: new Map(),
    setMode: async (next) => {
      if (next === mode) return;
      // Up again on the same port: the registered push URL stays right.
      if (mode === 'DOWN') await listen(port);
      else if (next === 'DOWN') await stopListening();
      mode = next;
    },
    setDelayMs: (ms) => (delayMs = ms),
    loseState: () => {
      receiver.store.clear();
      receiver.appliedEntryIds.clear();
    },
    drop: (kind, key) => receiver.store.delete(`${kind}:${key}`),
    active: (kind) => {
      const found = new Map<string, number>();
      for (const [id, held] of receiver.store)
        if (held.state === 'ACTIVE' && id.startsWith(`${kind}:`)) found.set(id.slice(kind.length + 1), held.version);
      return found;
    },
    close: async () => {
      if (mode !== 'DOWN') await stopListening();
    },
  };

  function apply(entry: ReceivedEntry): void {
    if (receiver.appliedEntryIds.has(entry.entryId)) {
      receiver.duplicates += 1;
      return;
    }
    receiver.appliedEntryIds.add(entry.entryId);
    if (entry.operation === 'SCREENING' || entry.kind === null) return;
    const id = `${entry.kind}:${entry.key}`;
    const version = Number(entry.version);
    const held = receiver.store.get(id);
    const newer = !held || version > held.version || (version === held.version && entry.operation === 'WITHDRAW');
    if (newer)
      receiver.store.set(id, {
        version,
        state: entry.operation === 'WITHDRAW' ? 'WITHDRAWN' : 'ACTIVE',
        record: entry.record,
      });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/reconcile') {
      const kind = url.searchParams.get('kind') ?? '';
      const keys = [...receiver.active(kind)].map(([key, version]) => ({ key, version }));
      send(res, 200, { count: keys.length, digest: setDigest(keys), keys });
      return;
    }
    if (req.method !== 'POST' || url.pathname !== '/batches') {
      send(res, 404, { error: 'not found' });
      return;
    }
    const body = await readBody(req);
    if (delayMs > 0) await new Promise((settled) => setTimeout(settled, delayMs));
    if (mode === 'FAILING') {
      send(res, 503, { error: 'unavailable' });
      return;
    }
    const header = req.headers[SIGNATURE_HEADER];
    const check = verifyBatch(secret, body, Array.isArray(header) ? header[0] : header);
    if (!check.valid) {
      receiver.refused.push({ reason: check.reason });
      send(res, 401, { error: 'bad signature', reason: check.reason });
      return;
    }
    const batch = JSON.parse(body) as { batchId: string; entries: ReceivedEntry[] };
    const idempotencyKey = req.headers['idempotency-key'];
    for (const entry of batch.entries) apply(entry);
    receiver.accepted.push({
      batchId: batch.batchId,
      idempotencyKey: Array.isArray(idempotencyKey) ? idempotencyKey[0] : idempotencyKey,
      entries: batch.entries,
      arrivedAt: Date.now(),
    });
    send(res, 200, { applied: batch.entries.length });
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    void handle(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
  }

  port = await listen(0);
  receiver.pushUrl = `http://127.0.0.1:${port}/batches`;
  receiver.reconcileUrl = `http://127.0.0.1:${port}/reconcile`;
  return receiver;
}

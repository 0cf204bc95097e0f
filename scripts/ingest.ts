/**
 * npm run ingest -- --kind penalties --file penalties.xlsx [--token <jwt>] [--url http://127.0.0.1:4000] [--json]
 * Streams a CSV or XLSX file to POST /ingest/<kind> and prints what was
 * applied and every rejected row (row, column, reason). The token may come
 * from GUSU_TOKEN. Exits 1 when the file was refused or the ingest stopped
 * part-way, 0 otherwise: rejected rows are the department's to correct, not a failure.
 */
import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { XLSX_MEDIA_TYPE } from '../ingest/files/file-format';
import type { IngestCounts, IngestFailure, RowRejection } from '../ingest/upload/answer-stream';
import { REPORT_KINDS } from '../shared/reporting/fields';

interface Answer {
  kind: string;
  rejections: RowRejection[];
  counts: IngestCounts;
  error: IngestFailure | null;
}

interface Refusal {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

class UsageError extends Error {}

const CONTENT_TYPES: Record<string, string> = { '.xlsx': XLSX_MEDIA_TYPE, '.csv': 'text/csv', '.txt': 'text/csv' };

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function printAnswer(answer: Answer): void {
  const c = answer.counts;
  out(`${answer.kind}: ${c.received} rows received in ${c.batches} batch(es)`);
  out(
    `  accepted ${c.accepted} (created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}), rejected ${c.rejected}`,
  );
  if (answer.rejections.length > 0) {
    out();
    out(`rejected rows (${answer.rejections.length}):`);
    for (const rejection of answer.rejections) {
      out(`  row ${rejection.rowNumber ?? '?'}${rejection.documentNo ? `  ${rejection.documentNo}` : ''}`);
      for (const reason of rejection.reasons)
        out(`    ${reason.column ?? reason.field} (${reason.field}) ${reason.code}: ${reason.message}`);
    }
  }
  if (answer.error) {
    out();
    out(`STOPPED: ${answer.error.code}: ${answer.error.message}`);
    out(
      `  ${answer.error.rowsApplied} rows were applied${answer.error.lastRowApplied ? `, up to row ${answer.error.lastRowApplied}` : ''}; sending the same file again is safe.`,
    );
  }
}

function printRefusal(status: number, body: Refusal | null, text: string): void {
  out(`refused (HTTP ${status}):`);
  if (!body?.errors) return out(`  ${text.slice(0, 2000)}`);
  for (const error of body.errors) {
    const { code, ...details } = error.extensions ?? {};
    out(`  ${code ?? 'ERROR'}: ${error.message}`);
    for (const [key, value] of Object.entries(details))
      if (Array.isArray(value) && value.length > 0) out(`    ${key}: ${value.join(', ')}`);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      kind: { type: 'string' },
      file: { type: 'string' },
      token: { type: 'string' },
      url: { type: 'string', default: process.env.GUSU_URL ?? 'http://127.0.0.1:4000' },
      json: { type: 'boolean', default: false },
    },
  });
  const kind = values.kind ?? '';
  if (!(REPORT_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`--kind is one of ${REPORT_KINDS.join(', ')}`);
  if (!values.file) throw new UsageError('--file <path of a .csv or .xlsx file> is required');
  const token = values.token ?? process.env.GUSU_TOKEN;
  if (!token)
    throw new UsageError(
      'a token is required: --token <jwt> or GUSU_TOKEN (npm run token -- --role department --org <code>)',
    );

  const size = statSync(values.file).size;
  const response = await fetch(new URL(`/ingest/${kind}`, values.url), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': CONTENT_TYPES[extname(values.file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(size),
    },
    body: Readable.toWeb(createReadStream(values.file)) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // an answer cut short, or not from the gateway
  }
  if (values.json) out(text.trimEnd());
  if (response.status !== 200) {
    if (!values.json) printRefusal(response.status, body as Refusal | null, text);
    return 1;
  }
  if (!body || typeof body !== 'object' || !('counts' in body)) {
    out(
      `the answer was cut short (${text.length} characters received); the rows of the batches that were applied stay applied, and sending the file again is safe`,
    );
    return 1;
  }
  if (!values.json) printAnswer(body as Answer);
  return (body as Answer).error ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`ingest: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);

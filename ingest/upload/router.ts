import { Request, Response, Router } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { INGEST_FORWARDING_HEADER } from '../../shared/auth/ingest-forwarding';
import { SCOPES } from '../../shared/auth/policy';
import { hasScope } from '../../shared/auth/principal';
import { RETRY_AFTER_SECONDS, RETRYABLE_CODES } from '../../shared/graphql/fault-status';
import { CLIENT_CODES } from '../../shared/graphql/format-error';
import { ShutdownSignal } from '../../shared/http/graceful-stop';
import type { Logger } from '../../shared/logging/logger';
import { matchTemplate } from '../files/columns';
import { csvRows } from '../files/csv-rows';
import { badInput, errorBody, IngestError, payloadTooLarge } from '../files/errors';
import { detectFormat, SNIFF_BYTES } from '../files/file-format';
import { headerCells, isBlankRow, ReportInput, SheetRow, toRecord } from '../files/records';
import type { XlsxLimits } from '../files/xlsx-limits';
import { xlsxRows } from '../files/xlsx-rows';
import type { Caller, SendOperation } from '../gateway-client';
import { addResult, AnswerStream, emptyCounts, IngestFailure } from './answer-stream';
import { batches, BatchLimits, wholeFile } from './batches';
import type { AppliedBatch, FileKind } from './file-kind';
import { FILE_KIND_NAMES, fileKind } from './file-kinds';
import type { Identify, Uploader } from './identify';
import { countIngestRows } from './ingest-rows';
import { BatchFailed } from './report-mutation';
import { RequestBody } from './request-body';
import { UploadSlotLimits, UploadSlots } from './upload-slots';

export interface IngestOptions {
  /** Largest file accepted (INGEST_MAX_BYTES). */
  maxBytes: number;
  /** Batches applied at once (INGEST_IN_FLIGHT): each its own transaction, answered in file order. */
  inFlight: number;
  batch: BatchLimits;
  /** What an XLSX file may unzip to and keep on temporary disk. */
  xlsx: XlsxLimits;
  /** Where an XLSX upload and its shared strings wait (INGEST_TEMP_DIR). */
  tempDir: string;
  /** Uploads applied at once, in all and per department. */
  slots: UploadSlotLimits;
  /** How long an upload may send nothing while it is read (INGEST_IDLE_SECONDS). */
  idleMs: number;
}

/** HTTP status of a batch refused before anything was applied, by its GraphQL code. */
const STATUS_OF_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  UNAUTHORIZED_FIELD_OR_TYPE: 403,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  PAYLOAD_TOO_LARGE: 413,
};

/**
 * Who may report by file, decided from the token alone, before the upload is
 * read: a token the gateway verified, with the kind's scope (records:write for
 * 双公示) and a department (org). Without a known kind, records:write.
 */
function mayReport({ principal }: Uploader, scope: string, withoutOrg: boolean): void {
  if (!principal.authenticated) throw new IngestError(401, 'UNAUTHENTICATED', 'reporting by file needs a token');
  if (!hasScope(principal, scope)) {
    throw new IngestError(403, 'FORBIDDEN', `reporting this file needs the scope ${scope}: 无报送权限`, {
      requiredScope: scope,
    });
  }
  if (!principal.org && !withoutOrg)
    throw new IngestError(
      403,
      'FORBIDDEN',
      '报送需要带有部门 (org) 的令牌: the reporting department is the token’s org',
      { claim: 'org' },
    );
}

/** The header row (the first row with anything in it) and the records after it. */
async function* recordsOf(kind: FileKind, rows: AsyncIterable<SheetRow>): AsyncGenerator<ReportInput> {
  let columns: ReturnType<typeof matchTemplate> | null = null;
  for await (const row of rows) {
    if (!columns) {
      if (!isBlankRow(row)) columns = matchTemplate(kind, headerCells(row));
      continue;
    }
    const record = toRecord(row, columns);
    if (record) yield record;
  }
  if (!columns) throw badInput('the file has no rows: 文件为空');
}

/**
 * POST /ingest/{licenses|penalties|actions|evaluation-results} — a department reports 双公示 and
 * other administrative records, or evaluation results (?source=<code>), as a file (CSV or XLSX, the
 * templates' columns; ./file-kinds.ts). The file is read as it arrives and sent in batches to the
 * kind's mutation, posted to the gateway's /graphql as the caller (`send`): the
 * same access rules, limits, planning and audit as a client's mutation; each
 * batch is one transaction. Refusals before anything is applied are plain HTTP errors;
 * after that the answer streams (see README, "Reporting by file").
 */
export function ingestRouter(
  identify: Identify,
  send: SendOperation,
  options: IngestOptions,
  logger: Logger,
  shutdown = new ShutdownSignal(),
): Router {
  const router = Router();
  const slots = new UploadSlots(options.slots);
  router.post('/ingest/:kind', (req, res) =>
    ingest(req, res).catch((error: unknown) => logger.error({ err: error }, 'ingest failed unexpectedly')),
  );

  async function ingest(req: Request, res: Response): Promise<void> {
    const body = new RequestBody(req, options.maxBytes, options.idleMs);
    // Whatever of the upload was not read when the answer is complete is taken off the wire (up to the limit);
    // an upload refused before its first byte was read is not read at all.
    res.once('finish', () => body.discardRest());
    // Until the gateway has checked the client's (or made one), a refusal is answered under the client's own.
    let requestId = req.header('x-request-id') ?? '';
    const name = String(req.params.kind);
    let answer: AnswerStream | null = null;
    // The kind's counts, once it is known (an answer starts only then).
    let counts: Record<string, number> = {};
    let lastRowApplied: number | null = null;
    let pending: AsyncGenerator<ReportInput[]> | null = null;
    let release: (() => void) | null = null;
    try {
      // The audit log must be able to store the request id: a bad one is refused before the upload is read, like a bad token.
      const uploader = await identify(req.header('authorization'), req.header('x-request-id'));
      requestId = uploader.requestId;
      res.setHeader('x-request-id', requestId);
      const kind = fileKind(name);
      mayReport(uploader, kind?.scope ?? SCOPES.recordsWrite, kind?.withoutOrg === true);
      // Written by the gateway as it forwarded the upload (a client's own is dropped there): passed back, unread.
      const uploadProof = req.header(INGEST_FORWARDING_HEADER);
      const caller: Caller = {
        authorization: req.header('authorization') ?? null,
        requestId,
        purpose: `file ingest ${name}`,
        ...(uploadProof ? { uploadProof } : {}),
      };
      if (!kind)
        throw new IngestError(404, 'NOT_FOUND', `no such report kind '${name}'; one of ${FILE_KIND_NAMES.join(', ')}`);
      const applyBatch = kind.applier(req.query);
      counts = emptyCounts(kind.counts);
      const declared = Number(req.header('content-length') ?? 0);
      if (declared > options.maxBytes) throw payloadTooLarge(options.maxBytes);
      // mayReport() has made sure the principal names its department, unless the kind takes service tokens.
      release = slots.take(uploader.principal.org ?? `sub:${uploader.principal.sub}`);
      if (!release) {
        res.setHeader('retry-after', '30');
        throw new IngestError(
          429,
          'TOO_MANY_UPLOADS',
          `at most ${options.slots.perOrg} uploads of one department and ${options.slots.total} in all at once: 请稍后再试`,
          { ...options.slots },
        );
      }

      const format = detectFormat(await body.head(SNIFF_BYTES), req.header('content-type'));
      const rows =
        format.kind === 'xlsx'
          ? xlsxRows(body.chunks(), { limits: options.xlsx, tempDir: options.tempDir })
          : csvRows(body.chunks(), format.encoding);
      pending = kind.wholeFile
        ? wholeFile(recordsOf(kind, rows), kind.wholeFile)
        : batches(recordsOf(kind, rows), options.batch);
      const stream = (answer = new AnswerStream(res, kind.name));
      // lastRowApplied ends the file's applied prefix: after a failure, batches that were already in flight
      // are counted but do not move it (the rows between were not applied).
      let failed = false;
      const record = (batch: ReportInput[], result: AppliedBatch): void => {
        if (!stream.hasStarted) stream.start();
        addResult(counts, result);
        countIngestRows(result.counts, kind.outcomes);
        if (!failed) lastRowApplied = batch[batch.length - 1].rowNumber;
        for (const rejection of result.rejections) stream.rejection(rejection);
        if (result.batch) stream.batch(result.batch);
      };
      // A batch's outcome, settled: applied (with its result), or failed (with what it applied, if anything).
      type Outcome = { batch: ReportInput[]; result: AppliedBatch } | { batch: ReportInput[]; error: unknown };
      const apply = (batch: ReportInput[]): Promise<Outcome> =>
        applyBatch(send, batch, caller).then(
          (result) => ({ batch, result }),
          (error: unknown) => ({ batch, error }),
        );
      const settle = (outcome: Outcome): unknown => {
        if ('result' in outcome) record(outcome.batch, outcome.result);
        else if (outcome.error instanceof BatchFailed && outcome.error.applied)
          record(outcome.batch, outcome.error.applied);
        return 'error' in outcome ? outcome.error : null;
      };

      // Up to `inFlight` batches are applied at once, each in its own transaction (the writes lock rows in key
      // order, so they never deadlock), while the next one is read; the upload waits meanwhile. Results are
      // answered in file order; after a failure the batches already sent are waited for and counted.
      const inFlight: Promise<Outcome>[] = [];
      const batchesRead = pending;
      const read = async (): Promise<IteratorResult<ReportInput[]>> => {
        try {
          return await batchesRead.next();
        } catch (error) {
          // A file that breaks part-way: what was already sent still counts.
          for (const later of inFlight.splice(0)) settle(await later);
          failed = true;
          throw error;
        }
      };
      let next = await read();
      while (!next.done || inFlight.length > 0) {
        if (shutdown.isStopping && !next.done) {
          // The ingest service is stopping: the batches already sent finish, the rest of the file is not applied.
          let first: unknown = null;
          for (const later of inFlight.splice(0)) {
            const error = settle(await later);
            if (error !== null && first === null) first = error;
            if (error !== null) failed = true;
          }
          if (!res.headersSent) res.setHeader('retry-after', '30');
          throw (
            first ??
            new IngestError(
              503,
              'SHUTTING_DOWN',
              'the ingest service is stopping: send the file again (rows already applied stay applied): 报送服务正在停止，请重新报送该文件',
            )
          );
        }
        while (!next.done && inFlight.length < options.inFlight) {
          inFlight.push(apply(next.value));
          next = await read();
        }
        const error = settle(await (inFlight.shift() as Promise<Outcome>));
        if (error !== null) {
          failed = true;
          for (const later of inFlight.splice(0)) settle(await later);
          throw error;
        }
      }
      if (!stream.hasStarted) throw badInput('the file has no rows: 表头之后没有数据');
      stream.finish(counts, null);
    } catch (error) {
      if (answer?.hasStarted) {
        answer.finish(counts, failure(error, counts, lastRowApplied, requestId));
        return;
      }
      if (error instanceof BatchFailed) {
        const retryable = RETRYABLE_CODES.has(error.code);
        if (retryable) res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
        res
          .status(STATUS_OF_CODE[error.code] ?? (retryable ? 503 : 500))
          .json({ errors: error.errors.map((e) => answerable(e, requestId)) });
        return;
      }
      const refusal = error instanceof IngestError ? error : internal(error, requestId);
      // Refused for its size: no point in reading the rest of the upload. (One refused before it was read is
      // closed by discardRest, after a linger, so that a client still sending reads the answer, not a reset.)
      if (refusal.status === 413 && body.started) res.setHeader('connection', 'close');
      res.status(refusal.status).json(errorBody(refusal));
    } finally {
      release?.();
      // Closes the readers (a refusal or failure leaves them mid-file), once a read ahead has come back.
      void pending?.return(undefined).catch(() => {});
    }
  }

  function internal(error: unknown, requestId: string): IngestError {
    logger.error({ err: error, requestId }, 'ingest failed');
    return new IngestError(500, 'INTERNAL_SERVER_ERROR', `internal error (request ${requestId}); see the ingest log`);
  }

  /** A batch's error as a client may read it: a fault of ours only by its code and request id, never its text (SQL, addresses) or stack. */
  function answerable(error: GraphQLFormattedError, requestId: string): GraphQLFormattedError {
    const code = String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (!CLIENT_CODES.has(code)) {
      logger.error({ requestId, code, message: error.message }, 'ingest batch failed');
      return {
        message: `internal error (request ${requestId}); see the ingest log`,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    const { stacktrace: _stack, ...extensions } = error.extensions ?? {};
    return { message: error.message, ...(error.path ? { path: error.path } : {}), extensions };
  }

  function failure(
    error: unknown,
    counts: Readonly<Record<string, number>>,
    lastRowApplied: number | null,
    requestId: string,
  ): IngestFailure {
    const batch =
      error instanceof BatchFailed ? answerable(error.errors[0] ?? { message: error.message }, requestId) : null;
    const known = batch
      ? { message: batch.message, code: String(batch.extensions?.code) }
      : error instanceof IngestError
        ? error
        : internal(error, requestId);
    logger.warn(
      { requestId, code: known.code, rowsApplied: counts.received, message: known.message },
      'ingest stopped after its answer had started',
    );
    return { message: known.message, code: known.code, rowsApplied: counts.received, lastRowApplied };
  }

  return router;
}

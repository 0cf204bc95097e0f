import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ATTACKS, CraftedPart, headerRow, workbook, zipOf } from '../../../bench/support/crafted-xlsx';
import { XLSX_MEDIA_TYPE } from '../../../ingest/files/file-format';
import { MAX_CELL_CHARS, MAX_XML_DEPTH } from '../../../ingest/files/xlsx-limits';
import { testDepartment } from '../../support/directory';
import { gatewayUrl } from '../../support/gateway';
import { InProcessIngest, startInProcessIngest } from '../../support/in-process-ingest';
import { tokenFor } from '../../support/tokens';

/**
 * Part 6 of issue 11 — uploads refused before they are read, against the real
 * gateway (which forwards them to the ingest process): one test per attack class. A second ingest service in
 * this process, with a temporary folder of its own (INGEST_TEMP_DIR) and size limits opened wide,
 * shows the limits inside the file one by one and that nothing is left on
 * disk or held open afterwards.
 */
interface Refusal {
  status: number;
  errors: { message: string; extensions: Record<string, unknown> }[];
  ms: number;
}

const SHEET =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

function* once(text: string): Iterable<string> {
  yield text;
}

async function upload(base: string, body: Buffer, token: string): Promise<Refusal> {
  const started = performance.now();
  const response = await fetch(`${base}/ingest/penalties`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': XLSX_MEDIA_TYPE },
    body: new Uint8Array(body),
  });
  const answer = (await response.json()) as { errors: Refusal['errors'] };
  return { status: response.status, errors: answer.errors, ms: performance.now() - started };
}

/**
 * An upload that sends its first bytes and then nothing more, never ending:
 * when the answer comes, the body cannot have been read to its end. Resolves
 * with the answer and how long until the gateway closed the connection.
 */
function neverEndingUpload(
  token: string,
  first: Buffer,
): Promise<{ status: number; body: Refusal['errors'][number]; answeredMs: number; closedMs: number }> {
  const url = new URL(`${gatewayUrl()}/ingest/penalties`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' },
      },
      (res) => {
        const answeredMs = performance.now() - started;
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          // Keep sending, as an attacker would: the gateway closes the connection anyway.
          const more = setInterval(() => (req.destroyed ? clearInterval(more) : req.write(first)), 50);
          req.socket?.once('close', () => {
            clearInterval(more);
            resolve({
              status: res.statusCode ?? 0,
              body: JSON.parse(text).errors[0],
              answeredMs,
              closedMs: performance.now() - started,
            });
          });
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error),
    );
    // The body is never ended (no last chunk): a gateway that read it to the end would never answer.
    req.write(first);
  });
}

describe('uploads: who may upload is decided before the body is read', () => {
  const garbage = Buffer.from('%PDF-1.7\n' + 'x'.repeat(60_000));

  it('an analyst (no records:write) is refused 403 FORBIDDEN while its upload is still open, and the connection is closed', async () => {
    const answer = await neverEndingUpload(await tokenFor('analyst'), garbage);
    // A body that is read would be 415 (a PDF); this one was never parsed.
    expect(answer.status).toBe(403);
    expect(answer.body.extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'records:write' });
    expect(answer.answeredMs).toBeLessThan(2000);
    // Closed after the linger (2 s), not after draining the upload.
    expect(answer.closedMs).toBeLessThan(6000);
  });

  it('a department token without org, and a bad token, are refused the same way (403 FORBIDDEN naming org; 401 UNAUTHENTICATED)', async () => {
    const orgless = await neverEndingUpload(await tokenFor('department', { org: '' }), garbage);
    expect(orgless.status).toBe(403);
    expect(orgless.body.extensions).toMatchObject({ code: 'FORBIDDEN', claim: 'org' });
    const bad = await neverEndingUpload('not-a-token', garbage);
    expect(bad.status).toBe(401);
    expect(bad.body.extensions.code).toBe('UNAUTHENTICATED');
    expect(bad.answeredMs).toBeLessThan(2000);
  });
});

describe('uploads: XLSX limits', () => {
  let department: string;
  let wide: InProcessIngest;
  let tight: InProcessIngest;
  let temp: string;

  /** Files in the temporary folder, and descriptors this process (the second ingest) holds into it. */
  function leftInTemp(): string[] {
    const open = readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        const target = readlinkSync(`/proc/self/fd/${fd}`);
        return target.startsWith(temp) ? [target] : [];
      } catch {
        return [];
      }
    });
    return [...readdirSync(temp), ...open];
  }

  beforeAll(async () => {
    // A department of the directory (the gateway refuses any other org before reading anything).
    department = await tokenFor('department', { org: (await testDepartment('test.adversarial.uploads')).code });
    temp = mkdtempSync(join(tmpdir(), 'gusu-uploads-test-'));
    // Size limits opened wide, so that the limits inside the file are met first.
    wide = await startInProcessIngest({
      INGEST_TEMP_DIR: temp,
      INGEST_XLSX_MAX_RATIO: '1000000',
      INGEST_XLSX_MAX_UNZIPPED_BYTES: String(1024 * 1024 * 1024),
    });
    tight = await startInProcessIngest({ INGEST_TEMP_DIR: temp, INGEST_XLSX_MAX_TEMP_BYTES: String(256 * 1024) });
  });

  afterAll(async () => {
    await wide.stop();
    await tight.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  afterEach(async () => {
    // Every upload, whatever its end, leaves nothing on disk and nothing open.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(leftInTemp()).toEqual([]);
  });

  it('a zip bomb (≈ 200 MB of rows in ≈ 600 KB) is 413 PAYLOAD_TOO_LARGE from its directory, before anything is unzipped', async () => {
    const bomb = await zipOf(ATTACKS.zipBomb(0.2));
    const refused = await upload(gatewayUrl(), bomb, department);
    expect(refused.status).toBe(413);
    expect(refused.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: 'unzippedRatio', max: 100 });
    expect(refused.ms).toBeLessThan(2000);
    // The absolute cap, where the ratio allows more.
    const capped = await startInProcessIngest({
      INGEST_TEMP_DIR: temp,
      INGEST_XLSX_MAX_RATIO: '1000000',
      INGEST_XLSX_MAX_UNZIPPED_BYTES: String(64 * 1024 * 1024),
    });
    try {
      expect((await upload(capped.url, bomb, department)).errors[0].extensions).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        limit: 'unzippedBytes',
        max: 64 * 1024 * 1024,
      });
    } finally {
      await capped.stop();
    }
  });

  it('a bomb whose directory lies about its size is stopped at the size it declared', async () => {
    const refused = await upload(wide.url, await zipOf(ATTACKS.lyingSize(0.01)), department);
    expect(refused.status).toBe(400);
    expect(refused.errors[0]).toMatchObject({
      message: expect.stringMatching(/too many bytes/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('a cell over 32,767 characters is 400 BAD_USER_INPUT naming the limit and the row', async () => {
    const long = 'a'.repeat(MAX_CELL_CHARS + 1);
    const file = await zipOf(
      workbook(() =>
        once(
          `${SHEET}${headerRow()}<row r="2"><c r="A2" t="inlineStr"><is><t>${long}</t></is></c></row></sheetData></worksheet>`,
        ),
      ),
    );
    const refused = await upload(wide.url, file, department);
    expect(refused.status).toBe(400);
    expect(refused.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'cellChars',
      max: MAX_CELL_CHARS,
      rowNumber: 2,
    });
    // The same in the shared strings.
    const shared = await zipOf(
      workbook(
        () => once(`${SHEET}${headerRow()}<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>`),
        {
          sharedStrings: () =>
            once(
              `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${long}</t></si></sst>`,
            ),
        },
      ),
    );
    expect((await upload(wide.url, shared, department)).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'cellChars',
      part: 'xl/sharedStrings.xml',
    });
  });

  it('one text of 100 MB (shared string or cell) is refused once the parser has held 1,000,000 characters of it', async () => {
    for (const attack of [ATTACKS.hugeCell(), ATTACKS.hugeSharedString()] as CraftedPart[][]) {
      const refused = await upload(wide.url, await zipOf(attack), department);
      expect(refused.status).toBe(400);
      expect(refused.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        limit: 'markupChars',
        max: 1_000_000,
      });
    }
  });

  it('elements nested a million deep are refused at the depth limit', async () => {
    const refused = await upload(wide.url, await zipOf(ATTACKS.deepNesting()), department);
    expect(refused.status).toBe(400);
    expect(refused.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'xmlDepth',
      max: MAX_XML_DEPTH,
    });
  });

  it('millions of empty cells in a row are refused past column XFD, values past AMJ; a styles.xml of millions of formats past 65,536', async () => {
    const cells = await upload(wide.url, await zipOf(ATTACKS.emptyCells()), department);
    expect(cells.status).toBe(400);
    expect(cells.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'columns',
      max: 16_384,
      rowNumber: 2,
    });
    const right = await upload(wide.url, await zipOf(ATTACKS.lastColumn(0.1)), department);
    expect(right.status).toBe(400);
    expect(right.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'valueColumns',
      max: 1024,
      rowNumber: 2,
    });
    const styles = await upload(wide.url, await zipOf(ATTACKS.bigStyles(0.1)), department);
    expect(styles.status).toBe(400);
    expect(styles.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'cellFormats', max: 65_536 });
  });

  it('a workbook of 5,000 sheets reads only the first (its header row: 400 "no data rows", not 5,000 sheets unzipped)', async () => {
    const refused = await upload(wide.url, await zipOf(ATTACKS.manySheets()), department);
    expect(refused.status).toBe(400);
    expect(refused.errors[0].message).toMatch(/no rows/);
    expect(refused.ms).toBeLessThan(5000);
  });

  it('temporary disk is capped (INGEST_XLSX_MAX_TEMP_BYTES): 413 naming tempBytes', async () => {
    const bulky = await zipOf(
      workbook(() => once(`${SHEET}${headerRow()}</sheetData></worksheet>`), {
        // Shared strings that do not compress: 300 KB on disk as the upload, more as the table.
        sharedStrings: () =>
          once(
            `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${Array.from({ length: 6000 }, (_, i) => `<si><t>${Math.random().toString(36).repeat(3)}${i}</t></si>`).join('')}</sst>`,
          ),
      }),
    );
    const refused = await upload(tight.url, bulky, department);
    expect(refused.status).toBe(413);
    expect(refused.errors[0].extensions).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      limit: 'tempBytes',
      max: 256 * 1024,
    });
  });

  it('an upload cut off by its client leaves no temporary file behind', async () => {
    const file = await zipOf(ATTACKS.lastColumn(0.2));
    const spooling = await new Promise<string[]>((resolve) => {
      const req = httpRequest(new URL(`${wide.url}/ingest/penalties`), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${department}`,
          'content-type': XLSX_MEDIA_TYPE,
          'content-length': String(file.length),
        },
      });
      req.on('error', () => {});
      req.write(file.subarray(0, file.length >> 1), () => {
        // Half of it is on disk by now (an unlinked file, held open); then the client goes away.
        setTimeout(() => {
          const held = leftInTemp();
          req.destroy();
          resolve(held);
        }, 300);
      });
    });
    expect(spooling).toEqual([expect.stringMatching(/gusu-xlsx-.*upload\.xlsx \(deleted\)$/)]);
  });
});

/**
 * A child of npm run bench:uploads: reads one XLSX file with the reader module
 * named (this tree's, or another build's for comparison) and prints the
 * outcome as JSON. Its memory and temporary disk are watched from outside.
 */
import { createReadStream } from 'node:fs';

interface Reader {
  xlsxRows(chunks: AsyncIterable<Buffer>): AsyncIterable<{ rowNumber: number }>;
}

async function main(): Promise<void> {
  const [modulePath, file] = process.argv.slice(2);
  const reader = (await import(modulePath)) as Reader;
  let rows = 0;
  try {
    for await (const row of reader.xlsxRows(createReadStream(file))) if (row.rowNumber > 0) rows += 1;
    process.stdout.write(JSON.stringify({ outcome: 'read', rows }));
  } catch (error) {
    const { status, code, extensions } = error as {
      status?: number;
      code?: string;
      extensions?: Record<string, unknown>;
    };
    process.stdout.write(
      JSON.stringify({
        outcome:
          `${status ?? ''} ${code ?? ''} ${String(extensions?.limit ?? '')} ${(error as Error).message.slice(0, 80)}`.trim(),
        rows,
      }),
    );
  }
}

void main();

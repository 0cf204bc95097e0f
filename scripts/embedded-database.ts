/**
 * Runs the embedded database (PGlite over the wire protocol) on its own and
 * prints its URL, for tools and tests that need a PostgreSQL without a server:
 *
 *   node dist/scripts/embedded-database.js [--data-dir .data/pglite] [--port 0]
 *
 * The first line on stdout is the connection URL; SIGTERM or SIGINT stops it.
 */
import { startEmbeddedDatabase } from '../shared/db/embedded';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const database = await startEmbeddedDatabase({ dataDir: option('--data-dir'), port: Number(option('--port') ?? 0) });
  process.stdout.write(`${database.url}\n`);
  const stop = async () => {
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

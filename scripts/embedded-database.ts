/**
 * Runs the embedded database (PGlite over the wire protocol) on its own and
 * prints its URL, for tools and tests that need a PostgreSQL without a server:
 *
 *   node dist/scripts/embedded-database.js [--data-dir .data/pglite] [--port 0]
 *
 * The first line on stdout is the connection URL; SIGTERM or SIGINT stops it.
 */
import { startEmbeddedDatabase } from '../shared/db/embedded';
import { runUntilSignal } from './run-until-signal';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

runUntilSignal(async () => {
  const database = await startEmbeddedDatabase({ dataDir: option('--data-dir'), port: Number(option('--port') ?? 0) });
  process.stdout.write(`${database.url}\n`);
  return () => database.stop();
});

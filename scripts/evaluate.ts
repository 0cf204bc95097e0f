/**
 * npm run evaluate — regrades the whole district on the evaluation model in force (after a new
 * version is published, docs/EVALUATION.md), sends evaluation.changed for each score or grade that
 * moved, and prints the speed and the grade distribution. On DATABASE_URL, or else on the embedded
 * PostgreSQL that `npm start` keeps in DATA_DIR (default .data/postgres; stop `npm start` first, or
 * give DATABASE_URL: one server owns that folder).
 *
 *   npm run evaluate [-- --batch 2000]
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { optionalEnv } from '../shared/config/env';
import { EmbeddedDatabase, startEmbeddedDatabase } from '../shared/db/embedded';
import { openDatabase } from '../shared/db/orm';
import { startEventBus, stopEventBus } from '../shared/events/bus';
import { createLogger } from '../shared/logging/logger';
import { gradeDistribution } from '../subgraphs/evaluations/repositories/distribution';
import { DistributionDimension } from '../subgraphs/evaluations/rules/distribution';
import { database } from '../subgraphs/evaluations/server';
import { recomputeAll } from '../subgraphs/evaluations/services/recompute';

function batchSize(): number {
  const at = process.argv.indexOf('--batch');
  const value = at >= 0 ? Number(process.argv[at + 1]) : 2_000;
  if (!Number.isInteger(value) || value < 1 || value > 50_000) throw new Error('--batch: an integer 1–50000');
  return value;
}

async function main(): Promise<void> {
  const logger = createLogger('evaluate');
  const batch = batchSize();
  let embedded: EmbeddedDatabase | null = null;
  const url =
    process.env.DATABASE_URL ||
    (embedded = await startEmbeddedDatabase({
      dataDir: resolve(optionalEnv('DATA_DIR', '.data/postgres')),
      distDir: resolve(__dirname, '..'),
    })).url;
  const orm = await openDatabase(database, url, logger);
  try {
    await startEventBus(url, logger);
    const started = performance.now();
    let reported = 0;
    const result = await recomputeAll(orm.em.fork(), {
      batchSize: batch,
      onProgress: (done, changed) => {
        if (done - reported < 10_000) return;
        reported = done;
        const seconds = (performance.now() - started) / 1000;
        process.stderr.write(`  ${done} subjects, ${changed} changed, ${Math.round(done / seconds)} subjects/s\n`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const grades = await gradeDistribution(orm.em.fork(), [DistributionDimension.GRADE], {
      industry: null,
      street: null,
    });
    process.stdout.write(
      `${JSON.stringify(
        {
          database: process.env.DATABASE_URL ? 'postgresql' : 'embedded PostgreSQL',
          subjectsGraded: result.evaluated,
          changed: result.changed,
          seconds: Math.round(seconds * 10) / 10,
          subjectsPerSecond: seconds > 0 ? Math.round(result.evaluated / seconds) : null,
          batchSize: batch,
          grades: Object.fromEntries(grades.map((g) => [g.grade, g.subjects])),
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await stopEventBus();
    await orm.close();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

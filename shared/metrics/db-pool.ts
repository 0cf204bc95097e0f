import { Gauge } from 'prom-client';
import type { MikroORM } from '../db/orm';
import { metricsRegistry } from './registry';

/** The part of knex's tarn pool read here (MikroORM 6: orm.em.getConnection().getKnex().client.pool). */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

const pools = new Map<string, MikroORM>();

/** Read at each scrape: pending > 0 for long means requests wait for a connection (DB_POOL_MAX, slow statements). */
new Gauge({
  name: 'gusu_db_pool_connections',
  help: 'Connections of a database pool: used (checked out), free (idle), pending (requests waiting for one).',
  labelNames: ['pool', 'state'] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    for (const [pool, orm] of pools) {
      const tarn = (orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool;
      // No pool yet (nothing connected) or already destroyed (stopping): nothing to report.
      if (!tarn) continue;
      this.set({ pool, state: 'used' }, tarn.numUsed());
      this.set({ pool, state: 'free' }, tarn.numFree());
      this.set({ pool, state: 'pending' }, tarn.numPendingAcquires());
    }
  },
});

/** `name`: requests (the ORM the API uses) or events (the consumers' own). */
export function watchDatabasePool(name: string, orm: MikroORM): void {
  pools.set(name, orm);
}

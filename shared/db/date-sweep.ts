import { chinaToday } from '../domain/today';
import type { Logger } from '../logging/logger';
import { boundQuery } from './bound-query';
import type { EntityManager } from './orm';

/** Validity and publicity end at midnight (China time); an hourly pass announces them within the hour after. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Records whose shared state changes by the date alone (a list entry's validity over, a penalty's
 * publicity period over): nothing writes them then, so a pass announces those whose date fell in
 * (`through`, today] — `through` being the day of the last pass, kept in `<schema>.date_sweep` under
 * the row's lock, so two instances never announce the same day twice and a pass after a pause catches
 * up every day missed. `announce` runs in the pass's transaction and returns how many it announced.
 */
export async function sweepDates(
  em: EntityManager,
  schema: string,
  name: string,
  announce: (tx: EntityManager, through: string, today: string) => Promise<number>,
  today = chinaToday(),
): Promise<number> {
  return em.fork().transactional(async (tx) => {
    const [row] = await boundQuery<{ through: string }>(
      tx,
      `select to_char(through, 'YYYY-MM-DD') as through from ${schema}.date_sweep where name = ? for update`,
      [name],
    );
    if (!row || row.through >= today) return 0;
    const announced = await announce(tx, row.through, today);
    await boundQuery(tx, `update ${schema}.date_sweep set through = ? where name = ?`, [today, name]);
    return announced;
  });
}

/** A pass now, then one every hour while the process runs (the timer never holds it open); a failed pass is logged and retried. */
export async function startDateSweep(
  em: EntityManager,
  logger: Logger,
  what: string,
  pass: (em: EntityManager) => Promise<number>,
): Promise<void> {
  const run = async () => {
    try {
      const announced = await pass(em);
      if (announced > 0) logger.info({ announced, what }, 'records changed by date announced');
    } catch (error: unknown) {
      logger.error({ err: error, what }, 'date sweep failed: retried at the next pass');
    }
  };
  setInterval(() => void run(), SWEEP_INTERVAL_MS).unref();
  await run();
}

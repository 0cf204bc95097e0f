import { boundQuery } from '../../../shared/db/bound-query';
import { loadWorkingDayCalendar, noticeWindow } from '../../../shared/db/calendar';
import { recomputeCaseDeadlines, RunSql } from '../rules/recompute-deadlines';
import { consumer, EventConsumer } from '../../../shared/events/consume';
import { SCHEMA } from '../config';
import { commitmentChanged } from './commitment-consumer';

/** Keeps the facts current: an update replaces them, a revocation marks them; a late, older event changes nothing. */
const penaltiesChanged = consumer('repairs.penalties-changed', 'penalties.changed', async (em, event) => {
  await boundQuery(
    em,
    `insert into ${SCHEMA}.penalty_fact as t (id, subject_id, severity, decided_at, authority_code, data_source_code, revoked, changed_at)
     select r."penaltyId", r."subjectId", r.severity, r."decidedAt", r."authorityCode", r."dataSourceCode", r.revoked, ?
       from jsonb_to_recordset(?::jsonb) as r("penaltyId" uuid, "subjectId" uuid, severity text, "decidedAt" date, "authorityCode" text, "dataSourceCode" text, revoked boolean)
      order by r."penaltyId"
     on conflict (id) do update set subject_id = excluded.subject_id, severity = excluded.severity, decided_at = excluded.decided_at,
       authority_code = excluded.authority_code, data_source_code = excluded.data_source_code, revoked = excluded.revoked, changed_at = excluded.changed_at
     where t.changed_at <= excluded.changed_at`,
    [event.occurredAt, JSON.stringify(event.payload.penalties)],
  );
});

const listEntryChanged = consumer('repairs.list-entry-changed', 'list-entry.changed', async (em, event) => {
  const entry = event.payload;
  await boundQuery(
    em,
    `insert into ${SCHEMA}.list_entry_fact as t (id, subject_id, list, status, decided_by_code, valid_until, changed_at) values (?, ?, ?, ?, ?, ?, ?)
     on conflict (id) do update set status = excluded.status, valid_until = excluded.valid_until, changed_at = excluded.changed_at
     where t.changed_at <= excluded.changed_at`,
    [entry.entryId, entry.subjectId, entry.list, entry.status, entry.decidedByCode, entry.validUntil, event.occurredAt],
  );
});

/** A loaded holiday notice: limits stored as provisional (or counted over its dates) are counted again. */
const holidayCalendarChanged = consumer('repairs.holiday-calendar-changed', 'holiday-calendar.changed', async (em, event, logger) => {
  const calendar = await loadWorkingDayCalendar(em);
  const run: RunSql = (sql, params) => boundQuery(em, sql, params);
  const recomputed = await recomputeCaseDeadlines(run, SCHEMA, calendar, noticeWindow(event.payload.year));
  logger.info({ year: event.payload.year, changeId: event.payload.changeId, recomputed }, 'repair time limits recomputed');
});

export const repairsConsumers: EventConsumer[] = [penaltiesChanged, listEntryChanged, commitmentChanged, holidayCalendarChanged];

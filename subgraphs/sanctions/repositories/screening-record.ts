import { boundQuery } from '../../../shared/db/bound-query';
import { Scenario } from '../../../shared/domain/vocabulary';
import { SCHEMA } from '../config';
import type { SanctionsContext } from '../loaders';
import type { Verdict } from '../rules/verdict';

interface Outcome {
  uscc: string;
  verdict: Verdict | null;
  subject: { id: string } | null;
  measures: { code: string }[];
}

/**
 * Every screening is recorded (§16): who asked, the scenario, the reference and
 * each code's outcome. One statement whatever the number of codes, atomic without a transaction of its own
 * (the screening's row in a data-modifying WITH; BEGIN, two inserts and COMMIT were four round trips for a
 * HallProfile's one code): the outcomes travel as one JSON parameter and are unpacked by PostgreSQL.
 */
export async function recordScreening(
  ctx: SanctionsContext,
  screening: { id: string; scenario: Scenario; reference: string | null },
  outcomes: Outcome[],
): Promise<void> {
  const rows = outcomes.map((o, position) => ({
    position,
    uscc: o.uscc.slice(0, 64),
    verdict: o.verdict,
    subject_id: o.subject?.id ?? null,
    measure_codes: o.measures.map((m) => m.code),
  }));
  await boundQuery(
    ctx.em,
    `with screening as (
       insert into ${SCHEMA}.screening (id, occurred_at, principal_sub, org, scenario, reference, codes)
       values (?, now(), ?, ?, ?, ?, ?) returning id
     )
     insert into ${SCHEMA}.screening_result (screening_id, position, uscc, verdict, subject_id, measure_codes)
     select screening.id, r.position, r.uscc, r.verdict, r.subject_id, array(select jsonb_array_elements_text(r.measure_codes))
       from screening, jsonb_to_recordset(?::jsonb) as r(position int, uscc text, verdict text, subject_id uuid, measure_codes jsonb)`,
    [
      screening.id,
      ctx.principal.sub,
      ctx.principal.org,
      screening.scenario,
      screening.reference,
      outcomes.length,
      JSON.stringify(rows),
    ],
  );
}

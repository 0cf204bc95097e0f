/**
 * Brings repair cases recorded before the case workflow up to it: REJECTED
 * becomes DENIED, the handling department and the regime come from the
 * facts and rules, and each case gets the history its timestamps tell
 * (a withdrawal's time was not kept: it follows the last known step). Every
 * statement changes only what is missing, so running them again changes nothing.
 * The migration runs them on existing data, the demo seed on what it loads.
 * The regime came from repairs.repair_rule when that migration ran; that table
 * is gone, so the seed takes it from the facts subjects sends (`regimeFrom`).
 */
export function legacyCaseSql(schema: string, regimeFrom: 'repair_rule' | 'penalty_fact' = 'repair_rule'): string[] {
  const regime =
    regimeFrom === 'penalty_fact'
      ? `f."regime"`
      : `(select r."regime" from "${schema}"."repair_rule" r where r."in_force_from" <= f."decided_at" order by r."in_force_from" desc limit 1)`;
  const note = '迁移: 办理历史建立前的案件，按其时间记录补记';
  return [
    `update "${schema}"."repair_case" set "status" = 'DENIED' where "status" = 'REJECTED';`,
    `update "${schema}"."repair_case" c set "handled_by_code" = f."data_source_code" from "${schema}"."penalty_fact" f
      where c."target" = 'PENALTY' and f."id" = c."target_id" and c."handled_by_code" is null;`,
    `update "${schema}"."repair_case" c set "handled_by_code" = f."decided_by_code" from "${schema}"."list_entry_fact" f
      where c."target" = 'LIST_ENTRY' and f."id" = c."target_id" and c."handled_by_code" is null;`,
    `update "${schema}"."repair_case" c set "regime" = ${regime}
      from "${schema}"."penalty_fact" f where c."target" = 'PENALTY' and f."id" = c."target_id" and c."regime" is null;`,
    `insert into "${schema}"."repair_case_event" ("id", "case_id", "occurred_at", "action", "from_status", "to_status", "actor_sub", "actor_org", "note")
      select gen_random_uuid(), s."case_id", s."occurred_at", s."action", s."from_status", s."to_status", 'legacy', s."actor_org", '${note}'
      from (
        select c."id" as "case_id", c."submitted_at" as "occurred_at", 'SUBMIT' as "action", null as "from_status", 'SUBMITTED' as "to_status", c."handled_by_code" as "actor_org"
          from "${schema}"."repair_case" c
        union all
        select c."id", c."accepted_at", 'ACCEPT', 'SUBMITTED', 'ACCEPTED', c."handled_by_code"
          from "${schema}"."repair_case" c where c."accepted_at" is not null
        union all
        select c."id", coalesce(c."decided_at", coalesce(c."accepted_at", c."submitted_at") + interval '1 second'),
            case c."status" when 'APPROVED' then 'APPROVE' when 'DENIED' then 'DENY' when 'REJECTED_AT_INTAKE' then 'REJECT_AT_INTAKE' else 'WITHDRAW' end,
            case when c."accepted_at" is null then 'SUBMITTED' else 'ACCEPTED' end, c."status", coalesce(c."decided_by_code", c."handled_by_code")
          from "${schema}"."repair_case" c where c."status" not in ('SUBMITTED', 'ACCEPTED')
      ) s
      where not exists (select 1 from "${schema}"."repair_case_event" e where e."case_id" = s."case_id");`,
  ];
}

import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import type { Logger } from '../../../shared/logging/logger';
import { SCHEMA } from '../config';
import { StreetGazetteer } from '../entities/street-gazetteer';
import type { WrittenSubject } from '../repositories/subjects';
import { streetOf } from '../rules/street';
import { announceSubjects } from './subject-facts';

const CHUNK = 1000;
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

type Candidate = Omit<WrittenSubject, 'street'> & { registered_address: string };

/**
 * Gives every subject with an address and no 街道 yet the one its address has under the gazetteer
 * (subjects from before issue 16, or an address written by a path that did not derive it), a chunk
 * per transaction in id order, and announces those that got one on 'subjects.registered' (their
 * street changed). A subject the gazetteer cannot place stays null and is read again at the next
 * start, when a new gazetteer row may place it; rows a request holds are left for then too.
 */
export async function deriveMissingStreets(em: EntityManager, logger: Logger): Promise<void> {
  const gazetteer = await em.find(StreetGazetteer, {});
  let after = FIRST_ID;
  let derived = 0;
  for (;;) {
    const read = await em.transactional(async (tx) => {
      const rows = await boundQuery<Candidate>(
        tx,
        `select id, uscc, name, kind, industry, registered_address from ${SCHEMA}.subject
          where street is null and registered_address is not null and id > ?
          order by id limit ? for update skip locked`,
        [after, CHUNK],
      );
      if (rows.length === 0) return 0;
      after = rows[rows.length - 1].id;
      const placed = rows.flatMap(({ registered_address: address, ...subject }): WrittenSubject[] => {
        const street = streetOf(address, gazetteer);
        return street === null ? [] : [{ ...subject, street }];
      });
      if (placed.length > 0) {
        await boundQuery(
          tx,
          `update ${SCHEMA}.subject s set street = r.street
             from jsonb_to_recordset(?::jsonb) as r(id uuid, street text) where s.id = r.id`,
          [JSON.stringify(placed.map(({ id, street }) => ({ id, street })))],
        );
        await announceSubjects(tx, placed);
      }
      derived += placed.length;
      return rows.length;
    });
    if (read === 0) break;
  }
  if (derived > 0) logger.info({ subjects: derived }, 'streets derived from registered addresses');
}

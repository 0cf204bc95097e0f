import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../shared/db/orm';
import { completeResidentId } from '../../shared/identifiers/resident-id';
import { completeUscc } from '../../shared/identifiers/uscc';
import { database } from '../../subgraphs/subjects/server';
import { ownDatabase } from '../support/own-database';

/**
 * The issue-13 migration of subjects (Migration20261202011845) on data written
 * before it: every row is kept; subjects classed ENTERPRISE only because their
 * registration authority was not 1, 5 or 9 get their GB 32100 kind; ID numbers
 * are labelled 身份证; licences read 有效. Runs on a database of its own.
 */
const BEFORE = 'Migration20261201222144';

describe('subjects migration of issue 13 keeps existing data', () => {
  let orm: MikroORM;
  let stop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    const own = await ownDatabase('gusu_migration13');
    stop = own.drop;
    const url = own.url;
    orm = await MikroORM.init(ormOptions(database, url));
    const connection = orm.em.getConnection();
    await connection.execute('create extension if not exists pg_trgm with schema public');
    await connection.execute(`create schema if not exists "${database.schema}"`);
    await orm.getMigrator().up({ to: BEFORE });
  });

  afterAll(async () => {
    await orm?.close();
    await stop();
  });

  it('reclassifies, labels and keeps every row', async () => {
    const connection = orm.em.getConnection();
    const rows = {
      rural: { id: randomUUID(), uscc: completeUscc('N2320508MF1234567') },
      military: { id: randomUUID(), uscc: completeUscc('A1320508MF1234567') },
      union: { id: randomUUID(), uscc: completeUscc('81320508MF1234567') },
      enterprise: { id: randomUUID(), uscc: completeUscc('91320508MF1234567') },
      agency: { id: randomUUID(), uscc: completeUscc('11320508MF1234567') },
      person: { id: randomUUID(), idNumber: completeResidentId('32050819800101123') },
    };
    const insert = `insert into subjects.subject (id, uscc, id_number, name, kind, status, division_code, legal_rep_name, legal_rep_id_number) values (?, ?, ?, ?, ?, 'ACTIVE', '320508', ?, ?)`;
    await connection.execute(insert, [
      rows.rural.id,
      rows.rural.uscc,
      null,
      '某村股份经济合作社',
      'ENTERPRISE',
      null,
      null,
    ]);
    await connection.execute(insert, [
      rows.military.id,
      rows.military.uscc,
      null,
      '某军队事业单位',
      'ENTERPRISE',
      null,
      null,
    ]);
    await connection.execute(insert, [rows.union.id, rows.union.uscc, null, '某基层工会', 'ENTERPRISE', null, null]);
    await connection.execute(insert, [
      rows.enterprise.id,
      rows.enterprise.uscc,
      null,
      '苏州某有限公司',
      'ENTERPRISE',
      '张三',
      completeResidentId('32050819700101123'),
    ]);
    await connection.execute(insert, [rows.agency.id, rows.agency.uscc, null, '某局', 'GOVERNMENT_AGENCY', null, null]);
    await connection.execute(insert, [
      rows.person.id,
      null,
      rows.person.idNumber,
      '李四',
      'NATURAL_PERSON',
      null,
      null,
    ]);
    const licenseId = randomUUID();
    await connection.execute(
      `insert into subjects.administrative_license (id, subject_id, document_name, license_no, title, certificate_no, category, content, decided_at, valid_from, valid_until, authority_code, data_source_code, reported_at)
       values (?, ?, '食品经营许可决定书', 'X-1', '食品经营许可证', 'JY1', 'GENERAL', '食品销售', '2026-01-05', '2026-01-05', null, 'gusu.scjgj', 'gusu.scjgj', now())`,
      [licenseId, rows.enterprise.id],
    );

    await orm.getMigrator().up();

    const subjects = await connection.execute<
      {
        id: string;
        kind: string;
        id_type: string | null;
        legal_rep_id_type: string | null;
        legal_rep_id_number: string | null;
      }[]
    >('select id, kind, id_type, legal_rep_id_type, legal_rep_id_number from subjects.subject');
    const byId = new Map(subjects.map((s) => [s.id, s]));
    expect(subjects).toHaveLength(6);
    expect(byId.get(rows.rural.id)?.kind).toBe('RURAL_COLLECTIVE');
    expect(byId.get(rows.military.id)?.kind).toBe('PUBLIC_INSTITUTION');
    expect(byId.get(rows.union.id)?.kind).toBe('OTHER_ORGANIZATION');
    expect(byId.get(rows.enterprise.id)).toMatchObject({
      kind: 'ENTERPRISE',
      legal_rep_id_type: '身份证',
      legal_rep_id_number: completeResidentId('32050819700101123'),
    });
    expect(byId.get(rows.agency.id)?.kind).toBe('GOVERNMENT_AGENCY');
    expect(byId.get(rows.person.id)).toMatchObject({ kind: 'NATURAL_PERSON', id_type: '身份证' });
    const [license] = await connection.execute<{ status: string; invalidated_at: Date | null; content: string }[]>(
      'select status, invalidated_at, content from subjects.administrative_license where id = ?',
      [licenseId],
    );
    expect(license).toEqual({ status: 'VALID', invalidated_at: null, content: '食品销售' });
  });
});

import { randomUUID } from 'node:crypto';
import type { Principal } from '../../../shared/auth/principal';
import { boundQuery } from '../../../shared/db/bound-query';
import type { EntityManager } from '../../../shared/db/orm';
import { badUserInput } from '../../../shared/graphql/errors';
import { CatalogueLine } from '../entities/catalogue-line';
import { CatalogueVersion } from '../entities/catalogue-version';
import { ExchangeAction, RecordKind } from '../entities/enums';
import { Receiver } from '../entities/receiver';
import type { CatalogueLineInput } from '../inputs/catalogue.input';
import type { LineRules, LineSpec } from '../rules/catalogue';
import { catalogueProblem } from '../rules/validate-catalogue';
import { recordChange } from './audit';

/** A line as given, its rules without the options left out. */
export function lineSpec(input: CatalogueLineInput): LineSpec {
  const rules: LineRules = {};
  if (input.includeIdNumber != null) rules.includeIdNumber = input.includeIdNumber;
  if (input.includeMinor != null) rules.includeMinor = input.includeMinor;
  if (input.lists != null) rules.lists = input.lists;
  if (input.authorityKinds != null) rules.authorityKinds = input.authorityKinds;
  return { receiverCode: input.receiverCode, kind: input.kind, fields: input.fields ?? null, rules };
}

/** The version in force: the highest. */
export async function currentVersion(em: EntityManager): Promise<CatalogueVersion | null> {
  const [latest] = await em.find(CatalogueVersion, {}, { orderBy: { version: 'desc' }, limit: 1 });
  return latest ?? null;
}

/**
 * Publishes the whole catalogue as the next version, checked whole, with its audit row, in one transaction
 * (the version number is taken under a lock of the version table, so two publications never share one).
 * The new lines apply to every change fed from then on.
 */
export async function publishCatalogue(
  em: EntityManager,
  principal: Principal,
  lines: readonly LineSpec[],
  note: string,
): Promise<CatalogueVersion> {
  return em.transactional(async (tx) => {
    await boundQuery(tx, 'lock table exchange.catalogue_version in exclusive mode', []);
    const receivers = new Set((await tx.find(Receiver, {}, { fields: ['code'] })).map((r) => r.code));
    const problem = catalogueProblem(lines, receivers);
    if (problem) throw badUserInput(problem.field, problem.message);
    const latest = await currentVersion(tx);
    const version = tx.create(CatalogueVersion, {
      id: randomUUID(),
      version: (latest?.version ?? 0) + 1,
      note,
      publishedBy: principal.sub,
      publishedAt: new Date(),
    });
    // The lines refer to the version (a foreign key the entities do not model): it goes first.
    await tx.persist(version).flush();
    for (const line of lines)
      tx.persist(
        tx.create(CatalogueLine, {
          id: randomUUID(),
          versionId: version.id,
          receiverCode: line.receiverCode,
          kind: line.kind as RecordKind,
          fields: line.fields ? [...line.fields] : null,
          rules: line.rules,
        }),
      );
    recordChange(
      tx,
      principal,
      ExchangeAction.CATALOGUE_PUBLISHED,
      { catalogueVersion: version.version },
      { note, lines },
    );
    return version;
  });
}

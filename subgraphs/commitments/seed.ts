import { randomUUID } from 'node:crypto';
import { insertInChunks } from '../../shared/db/bulk';
import type { EntityManager } from '../../shared/db/orm';
import { demoDataset, demoOptions } from '../../shared/demo/dataset';
import { INDUSTRY, TEMPLATES } from '../../shared/demo/names';
import type { DemoCommitment, DemoCommitmentTemplate } from '../../shared/demo/types';
import type { Logger } from '../../shared/logging/logger';
import { Commitment } from './entities/commitment';
import { CommitmentTemplate } from './entities/commitment-template';
import { CommitmentTemplateVersion } from './entities/commitment-template-version';

/** A demo template's industry: the first GB/T 4754 section it is written for; null = every industry. */
function industryOf(code: string): string | null {
  const section = TEMPLATES.find((t) => t.code === code)?.sections?.[0];
  return section ? INDUSTRY[section] : null;
}

/** Version 1 of each template, effective from the first day a commitment was signed on it. */
function firstVersions(
  templates: DemoCommitmentTemplate[],
  commitments: DemoCommitment[],
  today: string,
): CommitmentTemplateVersion[] {
  const firstSigned = new Map<string, string>();
  for (const c of commitments) {
    const known = firstSigned.get(c.templateId);
    if (known === undefined || c.signedAt < known) firstSigned.set(c.templateId, c.signedAt);
  }
  return templates.map((t) => ({
    id: randomUUID(),
    templateId: t.id,
    version: 1,
    text: t.text,
    effectiveFrom: firstSigned.get(t.id) ?? today,
    publishedAt: null,
    publishedByOrg: null,
  }));
}

/** Loads this subgraph's slice of the demo dataset, once: a populated schema is left alone. */
export async function seedDemoData(em: EntityManager, logger: Logger): Promise<void> {
  if ((await em.count(CommitmentTemplate, {})) > 0) return;
  const started = Date.now();
  const data = demoDataset();
  const versions = firstVersions(data.commitmentTemplates, data.commitments, demoOptions().today);
  const versionOf = new Map(versions.map((v) => [v.templateId, v.id]));
  const versionIdOf = (templateId: string): string => {
    const id = versionOf.get(templateId);
    if (id === undefined) throw new Error(`demo commitment on unknown template ${templateId}`);
    return id;
  };
  await em.transactional(async (tx) => {
    await insertInChunks(
      tx,
      CommitmentTemplate,
      data.commitmentTemplates.map(({ text: _text, ...t }) => ({ ...t, industry: industryOf(t.code) })),
    );
    await insertInChunks(tx, CommitmentTemplateVersion, versions);
    await insertInChunks(
      tx,
      Commitment,
      data.commitments.map((c) => ({
        ...c,
        templateVersionId: versionIdOf(c.templateId),
        reference: null,
        obligations: null,
        breachConsequence: null,
        termEndsOn: null,
        breachedOn: null,
      })),
    );
  });
  logger.info({ commitments: data.commitments.length, ms: Date.now() - started }, 'demo data loaded');
}

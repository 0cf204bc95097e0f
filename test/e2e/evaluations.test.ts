import { demoDataset } from '../../shared/demo/dataset';
import { SubjectKind } from '../../shared/domain/vocabulary';
import { expectData } from '../support/expect-data';
import { graphql } from '../support/gateway';
import { as } from '../support/tokens';

/**
 * 公共信用综合评价 (issue 16): every 市场主体 of the demo data is graded on the model in force, with
 * its explanation; a natural person is not graded.
 */
const EVALUATION = `query E($id: ID!) { subject(id: $id) { id creditEvaluation {
  modelVersion score grade gradeLabel evaluatedAt explanation { indicator label count points text source } } } }`;

interface Evaluation {
  modelVersion: string;
  score: number;
  grade: string;
  gradeLabel: string;
  explanation: { indicator: string; label: string; count: number; points: number; text: string; source: string }[];
}

async function evaluationOf(id: string): Promise<Evaluation | null> {
  const answer = await graphql<{ subject: { creditEvaluation: Evaluation | null } | null }>(
    EVALUATION,
    { id },
    await as('credit_office'),
  );
  expect(answer.errors).toBeUndefined();
  return expectData(answer).subject?.creditEvaluation ?? null;
}

const data = demoDataset();

describe('public credit evaluation', () => {
  it('grades a demo enterprise on the model in force and leaves a natural person ungraded', async () => {
    const enterprise = data.subjects.find((s) => s.kind === SubjectKind.ENTERPRISE);
    const person = data.subjects.find((s) => s.kind === SubjectKind.NATURAL_PERSON);
    if (!enterprise || !person) throw new Error('the demo data has enterprises and natural persons');
    const graded = await evaluationOf(enterprise.id);
    expect(graded).toMatchObject({ modelVersion: 'GUSU-2026.1' });
    expect(['A', 'B', 'C', 'D']).toContain(graded?.grade);
    expect(await evaluationOf(person.id)).toBeNull();
  });
});

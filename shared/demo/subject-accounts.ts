import type { SubjectCodes } from '../auth/self';
import { SubjectKind } from '../domain/vocabulary';
import type { DemoDataset } from './types';

/** A demo subject that signs in as itself (信用主体本人): who it is in the demo dataset. */
export interface DemoSubjectAccount {
  /** The login's own id (never the ID number: `sub` reaches the logs). */
  sub: string;
  name: string;
  self: SubjectCodes;
  /** What the login page calls it (企业用户, 个人用户). */
  title: string;
}

/**
 * The development identity provider's subject logins, taken from the demo dataset every subgraph seeds
 * (the same DEMO_SEED, DEMO_SUBJECTS and DEMO_TODAY), so they name subjects that exist: the first
 * enterprise with a penalty and a licence, and the first natural person.
 */
export function demoSubjectAccounts(data: DemoDataset): DemoSubjectAccount[] {
  const penalized = new Set(data.penalties.map((p) => p.subjectId));
  const licensed = new Set(data.licenses.map((l) => l.subjectId));
  const enterprise = data.subjects.find(
    (s) => s.kind === SubjectKind.ENTERPRISE && s.uscc !== null && penalized.has(s.id) && licensed.has(s.id),
  );
  const person = data.subjects.find((s) => s.kind === SubjectKind.NATURAL_PERSON && s.idNumber !== null);
  return [
    ...(enterprise
      ? [
          {
            sub: 'dev-subject-enterprise',
            name: enterprise.name,
            self: { uscc: enterprise.uscc, idNumber: null },
            title: '企业用户',
          },
        ]
      : []),
    ...(person
      ? [
          {
            sub: 'dev-subject-person',
            name: person.name,
            self: { uscc: null, idNumber: person.idNumber },
            title: '个人用户',
          },
        ]
      : []),
  ];
}

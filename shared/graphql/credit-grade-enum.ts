import { registerEnumType } from 'type-graphql';
import { CreditGrade } from '../domain/vocabulary';

/**
 * 信用等级 as a GraphQL enum, for every subgraph that speaks it (evaluations grades, sanctions screens by
 * the grade): one registration, so composition never sees two descriptions of one enum. Importing this
 * module registers it.
 */
registerEnumType(CreditGrade, {
  name: 'CreditGrade',
  description: '信用等级: A 优 / B 良 / C 中 / D 差',
  valuesConfig: {
    A: { description: '优' },
    B: { description: '良' },
    C: { description: '中' },
    D: { description: '差' },
  },
});

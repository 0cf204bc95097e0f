import { OperationDefinitionNode, parse, print } from 'graphql';
import { accessRulesOf } from '../../gateway/auth/supergraph-rules';
import { walkOperation } from '../../gateway/operation/operation-walk';
import { ROLE_SCOPES } from '../../shared/auth/policy';
import { Principal, PUBLIC_PRINCIPAL } from '../../shared/auth/principal';
import { apiSchema, supergraphSdl } from '../support/operations';

/** The one walk on the real supergraph: the cost model reads list sizes from @sizedBy, and removal and audit share the pass. */
const schema = apiSchema();
const rules = accessRulesOf(parse(supergraphSdl()));
const department: Principal = {
  sub: 'd',
  name: 'd',
  org: null,
  roles: ['department'],
  scopes: [...ROLE_SCOPES.department],
  authenticated: true,
};
const operation = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;
const walk = (source: string, principal: Principal = PUBLIC_PRINCIPAL, variables: Record<string, unknown> = {}) =>
  walkOperation(schema, operation(source), {
    variables,
    rules,
    authorizeFor: principal,
    auditFor: principal.authenticated ? principal : null,
  });

describe('operation walk', () => {
  it('reads every sized field from the supergraph', () => {
    expect([...rules.listSizes.keys()].sort()).toEqual(
      [
        'Query.auditEvents',
        'Query.changes',
        'Query.directoryChanges',
        'Query.eventDeadLetters',
        'Query.exchangeChanges',
        'Query.overdueRepairCases',
        'Query.publicCommitments',
        'Query.publishedList',
        'Query.reportSubmissions',
        'Query.screen',
        'Query.sharingCatalogueVersions',
        'Query.spotCheckDraws',
        'Query.subjects',
        'Query.watches',
        'Subject.actions',
        'Subject.licenses',
        'Subject.penalties',
      ].sort(),
    );
  });

  it('weighs a selection by the size its argument asks for, a list by five, a null page by its default', () => {
    expect(walk('{ subjects(first: 10) { nodes { id } } }').measured.cost).toBe(1 + (1 + 5) * 10);
    expect(
      walk('query($n: Int) { subjects(first: $n) { nodes { id } } }', PUBLIC_PRINCIPAL, { n: 3 }).measured.cost,
    ).toBe(1 + (1 + 5) * 3);
    expect(walk('{ subjects(first: null) { nodes { id } } }').measured.cost).toBe(1 + (1 + 5) * 20);
    expect(walk('{ subjects { nodes { id } } }').measured.cost).toBe(1 + (1 + 5));
    expect(walk('{ screen(usccs: ["a", "b", "c"], scenario: BIDDING) { uscc } }').measured.cost).toBe(1 + 3);
    expect(walk('{ departments { code } }').measured).toEqual({ depth: 2, aliases: 0, cost: 1 + 5 });
  });

  it('measures removed fields too, and finds reserved aliases and introspection anywhere', () => {
    const walked = walk(
      '{ screen(usccs: ["a"], scenario: BIDDING) { uscc } departments { gusuAuditX: code } __schema { types { gusuAuditY: name } } }',
    );
    expect(walked.denied.map((d) => d.segments.map((s) => s.key))).toEqual([['screen']]);
    expect(walked.measured.cost).toBe(1 + 1 + (1 + 5) + 1);
    expect(walked.reservedAlias).toBe('gusuAuditY');
    expect(walked.usesIntrospection).toBe(true);
  });

  it('leaves an operation it does not change the same object, and removes and audits in the same pass', () => {
    const unchanged = operation('{ departments { code } }');
    expect(
      walkOperation(schema, unchanged, { variables: {}, rules, authorizeFor: department, auditFor: department })
        .operation,
    ).toBe(unchanged);
    const walked = walk('{ subject(uscc: "x") { uscc repairCases { id } legalRepresentative { name } } }', {
      ...department,
      scopes: [],
    });
    expect(walked.denied.map((d) => d.segments.map((s) => s.key).join('.')).sort()).toEqual([
      'subject.legalRepresentative',
      'subject.repairCases',
    ]);
    expect(print(walked.operation ?? operation('{ __typename }'))).not.toContain('repairCases');
    expect(walk('{ subject(uscc: "x") { repairCases { id } } }', department).operation).not.toBeNull();
  });
});

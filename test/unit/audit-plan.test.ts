import { OperationDefinitionNode, parse, print } from 'graphql';
import { auditedReads, stripAuditKeys, withholdAudited } from '../../gateway/audit/audit-plan';
import { accessRulesOf } from '../../gateway/auth/supergraph-rules';
import { walkOperation } from '../../gateway/operation/operation-walk';
import { ROLE_SCOPES } from '../../shared/auth/policy';
import type { Principal } from '../../shared/auth/principal';
import { apiSchema, supergraphSdl } from '../support/operations';

/** The audit plan on the real supergraph: what a read must leave in the log, derived from the rules. */
const schema = apiSchema();
const rules = accessRulesOf(parse(supergraphSdl()));
const caller = (role: 'hall' | 'department' | 'credit_office' | 'analyst'): Principal => ({
  sub: role,
  name: role,
  org: null,
  roles: [role],
  scopes: [...ROLE_SCOPES[role]],
  authenticated: true,
});
const operation = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;
/** The walk's audit plan alone: nothing removed, so each case reads only what auditing adds. */
const plan = (source: string, principal: Principal) => {
  const walked = walkOperation(schema, operation(source), {
    variables: {},
    rules,
    authorizeFor: null,
    auditFor: principal,
  });
  if (!walked.operation || !walked.audit) throw new Error('the walk planned no audit');
  return { ...walked.audit, operation: walked.operation };
};

describe('audit plan', () => {
  it('leaves an operation of public fields alone', () => {
    const source = '{ publishedList(list: BLACK, first: 2) { nodes { id list subject { uscc } } } }';
    const planned = plan(source, caller('hall'));
    expect(print(planned.operation)).toBe(print(operation(source)));
    expect(
      auditedReads(planned, { publishedList: { nodes: [{ id: 'e', list: 'BLACK', subject: { uscc: 'x' } }] } }),
    ).toEqual([]);
  });

  it('audits a protected field under its subject, and a type-protected one (repair cases) too', () => {
    const planned = plan('{ subject(uscc: "x") { uscc repairCases { id } } }', caller('department'));
    expect(print(planned.operation)).toContain('gusuAuditId: id');
    const data = { subject: { uscc: 'x', repairCases: [{ id: 'r' }], gusuAuditId: 's1' } };
    expect(auditedReads(planned, data)).toEqual([
      { fieldsClass: 'PROFILE', subjectId: 's1', uscc: null, reference: null },
    ]);
    stripAuditKeys(planned, data);
    expect(data.subject).toEqual({ uscc: 'x', repairCases: [{ id: 'r' }] });
  });

  it('audits a data-dependent reveal only for the caller it reveals more to', () => {
    const source = '{ subject(uscc: "x") { legalRepresentative { idNumber } } }';
    const data = () => ({ subject: { legalRepresentative: { idNumber: '3205…' }, gusuAuditId: 's1' } });
    expect(auditedReads(plan(source, caller('department')), data()).map((r) => r.fieldsClass)).toEqual(['PROFILE']);
    expect(
      auditedReads(plan(source, caller('credit_office')), data())
        .map((r) => r.fieldsClass)
        .sort(),
    ).toEqual(['PII', 'PROFILE']);
    // A public field (the name) is audited for callers who see it unmasked, not for others.
    expect(plan('{ subject(uscc: "x") { name } }', caller('analyst')).root.children).toEqual([]);
    expect(plan('{ subject(uscc: "x") { name } }', caller('hall')).root.children).toHaveLength(1);
  });

  it('names the subject of a type that has one, and records nothing for a value that is null', () => {
    const planned = plan('{ publicCommitments(first: 2) { nodes { history { action } } } }', caller('hall'));
    expect(print(planned.operation)).toContain('gusuAuditSubject: subject');
    const data = {
      publicCommitments: {
        nodes: [
          { history: [], gusuAuditSubject: { id: 's1' } },
          { history: null, gusuAuditSubject: { id: 's2' } },
        ],
      },
    };
    expect(auditedReads(planned, data).map((r) => r.subjectId)).toEqual(['s1']);
  });

  it('withholds a mutation’s audited values: the field when it may be null, else the nearest nullable one above', () => {
    const planned = plan(
      'mutation { proposeListEntry(input: { uscc: "x", list: WATCH, reason: "r", basis: "b", decisionNo: "n", decidedAt: "2026-01-01" }) { id history { action } subject { name registeredAddress } } }',
      caller('department'),
    );
    const data = {
      proposeListEntry: {
        id: 'e',
        history: [{ action: 'PROPOSE' }],
        subject: { name: '张三', registeredAddress: '姑苏区' },
      },
    };
    // Subject.name is String!: the nearest nullable field above it is ListEntry.subject (nullable since its owner can be down).
    expect(withholdAudited(planned, data)).toEqual({
      paths: [
        ['proposeListEntry', 'history'],
        ['proposeListEntry', 'subject'],
      ],
      whole: false,
    });
    expect(data).toEqual({ proposeListEntry: { id: 'e', history: null, subject: null } });
    const nullable = plan(
      'mutation { proposeListEntry(input: { uscc: "x", list: WATCH, reason: "r", basis: "b", decisionNo: "n", decidedAt: "2026-01-01" }) { id subject { registeredAddress } } }',
      caller('department'),
    );
    const kept = { proposeListEntry: { id: 'e', subject: { registeredAddress: '姑苏区' } } };
    expect(withholdAudited(nullable, kept).paths).toEqual([['proposeListEntry', 'subject', 'registeredAddress']]);
    expect(kept).toEqual({ proposeListEntry: { id: 'e', subject: { registeredAddress: null } } });
  });

  it('records a protected object reached from the root under its own subject', () => {
    const planned = plan('{ repairCase(id: "r") { reason } }', caller('department'));
    expect(print(planned.operation)).toContain('gusuAuditSubject: subject');
    expect(auditedReads(planned, { repairCase: { reason: 'x', gusuAuditSubject: { id: 's9' } } })).toEqual([
      { fieldsClass: 'PROFILE', subjectId: 's9', uscc: null, reference: null },
    ]);
    expect(auditedReads(planned, { repairCase: null })).toEqual([]);
  });

  it('audits what a mutation answers when its type is protected, and withholds it when the audit fails', () => {
    const planned = plan('mutation { acceptRepairCase(id: "r") { reason } }', caller('department'));
    const data = { acceptRepairCase: { reason: 'x', gusuAuditSubject: { id: 's9' } } };
    expect(auditedReads(planned, data).map((r) => r.subjectId)).toEqual(['s9']);
    stripAuditKeys(planned, data);
    expect(withholdAudited(planned, data).paths).toEqual([['acceptRepairCase']]);
    expect(data).toEqual({ acceptRepairCase: null });
  });

  it('records every screened code once, with the screening reference', () => {
    const planned = plan(
      '{ screen(usccs: ["a", "b"], scenario: BIDDING, reference: "ZB-1") { verdict } }',
      caller('department'),
    );
    const data = {
      screen: [
        { verdict: 'CLEAR', gusuAuditUscc: 'a' },
        { verdict: 'CLEAR', gusuAuditUscc: 'b' },
      ],
    };
    expect(auditedReads(planned, data)).toEqual([
      { fieldsClass: 'SCREENING', subjectId: null, uscc: 'a', reference: 'ZB-1' },
      { fieldsClass: 'SCREENING', subjectId: null, uscc: 'b', reference: 'ZB-1' },
    ]);
  });
});

import { contractTermProblems } from '../../subgraphs/commitments/rules/contract-terms';

const today = '2026-11-29';

describe('contract terms (信用承诺+契约)', () => {
  const none = { obligations: null, breachConsequence: null, termEndsOn: null };
  const contract = { obligations: '按期完成整改', breachConsequence: '列入重点关注名单', termEndsOn: '2027-11-29' };

  it('accepts a plain commitment and a complete contract', () => {
    expect(contractTermProblems(none, today)).toEqual([]);
    expect(contractTermProblems(contract, today)).toEqual([]);
    expect(contractTermProblems({ ...contract, termEndsOn: null }, today)).toEqual([]);
    expect(contractTermProblems({ ...contract, termEndsOn: today }, today)).toEqual([]);
  });

  it('needs both the obligations and the agreed consequence of a breach', () => {
    expect(contractTermProblems({ ...none, termEndsOn: '2027-01-01' }, today).map((p) => p.field)).toEqual([
      'obligations',
      'breachConsequence',
    ]);
    expect(contractTermProblems({ ...contract, breachConsequence: null }, today).map((p) => p.field)).toEqual([
      'breachConsequence',
    ]);
    expect(contractTermProblems({ ...contract, obligations: null }, today).map((p) => p.field)).toEqual([
      'obligations',
    ]);
  });

  it('does not let the term end before the signing day', () => {
    expect(contractTermProblems({ ...contract, termEndsOn: '2026-11-28' }, today).map((p) => p.field)).toEqual([
      'termEndsOn',
    ]);
  });
});

/** “信用承诺+契约” (§8): what the signatory undertakes and what a breach costs, agreed at signing. */
export interface ContractTerms {
  obligations: string | null;
  breachConsequence: string | null;
  termEndsOn: string | null;
}

export interface TermProblem {
  field: keyof ContractTerms;
  message: string;
}

/**
 * The terms of a contract, checked against the signing day. Without any term
 * the commitment is a plain one; a contract names both the obligations and the
 * agreed consequence of a breach, and its term cannot end before it is signed.
 */
export function contractTermProblems(terms: ContractTerms, signedOn: string): TermProblem[] {
  const problems: TermProblem[] = [];
  const any = terms.obligations !== null || terms.breachConsequence !== null || terms.termEndsOn !== null;
  if (!any) return problems;
  if (terms.obligations === null)
    problems.push({
      field: 'obligations',
      message: 'a contract (承诺+契约) names the obligations it binds the signatory to',
    });
  if (terms.breachConsequence === null) {
    problems.push({
      field: 'breachConsequence',
      message: 'a contract (承诺+契约) names the consequence agreed for a breach',
    });
  }
  if (terms.termEndsOn !== null && terms.termEndsOn < signedOn) {
    problems.push({
      field: 'termEndsOn',
      message: `the contract term cannot end (${terms.termEndsOn}) before the signing day (${signedOn})`,
    });
  }
  return problems;
}

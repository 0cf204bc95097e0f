import { directRepairRefusal } from '../../subgraphs/sanctions/rules/direct-repair';
import { DEFAULT_LIST_KINDS, LIST_KIND } from '../../subgraphs/sanctions/rules/list-kinds';

const kind = (code: string) => DEFAULT_LIST_KINDS.find((k) => k.code === code)!;

/**
 * Review 2026-12-02: removeListEntry(repaired: true) let the credit office (lists:decide) remove any
 * department's entry as 信用修复, and a court's 失信被执行人 entry too, without a repair case: the way
 * around the repairs subgraph's 谁认定、谁修复 rule.
 */
describe('a direct repair (removeListEntry repaired: true)', () => {
  it("is refused to the credit office on a department's entry: that department decides, through a repair case", () => {
    const refusal = directRepairRefusal(
      { decidedByCode: 'gusu.scjgj', listKind: LIST_KIND.localSerious },
      kind(LIST_KIND.localSerious),
      'gusu.xyb',
    );
    expect(refusal).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal!.message).toContain('gusu.scjgj');
  });

  it('is refused on a kind not repaired here, whoever recorded it, naming where to turn', () => {
    for (const code of [LIST_KIND.courtDefaulter, LIST_KIND.upperJoint, LIST_KIND.majorTaxViolation]) {
      const refusal = directRepairRefusal({ decidedByCode: 'gusu.xyb', listKind: code }, kind(code), 'gusu.xyb');
      expect(refusal).toMatchObject({ code: 'NOT_REPAIRABLE', turnTo: kind(code).turnTo });
    }
    expect(directRepairRefusal({ decidedByCode: 'gusu.xyb', listKind: 'GONE' }, null, 'gusu.xyb')).toMatchObject({
      code: 'NOT_REPAIRABLE',
    });
  });

  it("is the designator's own act on a kind repaired here", () => {
    expect(
      directRepairRefusal(
        { decidedByCode: 'gusu.xyb', listKind: LIST_KIND.localSerious },
        kind(LIST_KIND.localSerious),
        'gusu.xyb',
      ),
    ).toBeNull();
    expect(
      directRepairRefusal(
        { decidedByCode: 'gusu.xyb', listKind: LIST_KIND.localSerious },
        kind(LIST_KIND.localSerious),
        null,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});

import type { Principal } from '../../../shared/auth/principal';
import { demoDataset } from '../../../shared/demo/dataset';
import { CreditList } from '../../../shared/domain/vocabulary';
import { isActiveEntry } from '../../../subgraphs/sanctions/rules/active';
import { chinaToday } from '../../support/dates';
import { expectData } from '../../support/expect-data';
import { graphql } from '../../support/gateway';
import { asSubgraph } from '../../support/subgraph';
import { as } from '../../support/tokens';

/**
 * Issue 11, part 8: screening shows watch-list entries by the same rule as
 * Subject.listEntries. Watch-list entries need credit:read wherever they
 * appear; a caller with credit:screen alone still gets the verdict (CAUTION)
 * and the measures to apply, not the entry (its reason, basis, document).
 * Tried at the sanctions subgraph itself, as the gateway would forward such a
 * principal (no role of the policy grants credit:screen without credit:read).
 */
const SCREEN =
  'query($u: [String!]!) { screen(usccs: $u, scenario: BIDDING) { uscc verdict hits { id list reason } measures { code } } }';
const ENTRIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Subject { listEntries { id list } } } }';

const today = chinaToday();
const active = demoDataset().listEntries.filter((e) => isActiveEntry({ ...e, validFrom: null }, today));
const watched = active.find(
  (e) => e.list === CreditList.WATCH && active.every((o) => o.subjectId !== e.subjectId || o.list === CreditList.WATCH),
);
const black = active.find((e) => e.list === CreditList.BLACK);

const principal = (scopes: string[]): Principal => ({
  sub: 'screen-terminal',
  name: '比对终端',
  org: 'gusu.zjw',
  roles: [],
  scopes,
  authenticated: true,
});
const screenOnly = principal(['credit:public', 'credit:screen']);
const reader = principal(['credit:public', 'credit:screen', 'credit:read']);

interface Screened {
  verdict: string;
  hits: { id: string; list: string; reason: string }[];
  measures: { code: string }[];
}

async function screen(who: Principal, uscc: string): Promise<Screened> {
  const result = await asSubgraph<{ screen: Screened[] }>('sanctions', who, SCREEN, { u: [uscc] });
  expect(result.errors).toBeUndefined();
  return expectData(result).screen[0];
}

async function listEntries(who: Principal, subjectId: string): Promise<{ id: string; list: string }[]> {
  const result = await asSubgraph<{ _entities: { listEntries: { id: string; list: string }[] }[] }>(
    'sanctions',
    who,
    ENTRIES,
    { r: [{ __typename: 'Subject', id: subjectId }] },
  );
  expect(result.errors).toBeUndefined();
  return expectData(result)._entities[0].listEntries;
}

describe('screening shows watch-list entries by the listEntries rule (adversarial)', () => {
  it('credit:screen alone: verdict CAUTION and its measures, no watch-list entry; with credit:read the entry', async () => {
    if (!watched) throw new Error('the demo dataset has no subject on the watch list alone');
    const hidden = await screen(screenOnly, watched.subjectUscc);
    expect(hidden.verdict).toBe('CAUTION');
    expect(hidden.hits).toEqual([]);
    const shown = await screen(reader, watched.subjectUscc);
    expect(shown.verdict).toBe('CAUTION');
    expect(shown.hits.map((h) => h.id)).toContain(watched.id);
    // The measures do not depend on who asks: the department applies them either way.
    expect(hidden.measures).toEqual(shown.measures);
    // One rule: what screening shows is what Subject.listEntries shows the same caller.
    expect((await listEntries(screenOnly, watched.subjectId)).map((e) => e.id)).not.toContain(watched.id);
    expect((await listEntries(reader, watched.subjectId)).map((e) => e.id)).toContain(watched.id);
  });

  it('published black-list entries stay visible to credit:screen alone', async () => {
    if (!black) throw new Error('the demo dataset has no active black-list entry');
    const result = await screen(screenOnly, black.subjectUscc);
    expect(result.verdict).toBe('RESTRICT');
    expect(result.hits.map((h) => h.id)).toContain(black.id);
  });

  it('a department screening through the gateway (credit:read) still sees the watch-list entry', async () => {
    if (!watched) throw new Error('the demo dataset has no subject on the watch list alone');
    const result = await graphql<{ screen: Screened[] }>(SCREEN, { u: [watched.subjectUscc] }, await as('department'));
    expect(expectData(result).screen[0].hits.map((h) => h.id)).toContain(watched.id);
  });
});

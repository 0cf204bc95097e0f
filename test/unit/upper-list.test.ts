import { Readable } from 'node:stream';
import type { ReportInput } from '../../ingest/files/records';
import { wholeFile } from '../../ingest/upload/batches';
import { upperListEntry } from '../../ingest/upload/upper-list-import';
import { ListEntryStatus } from '../../shared/domain/vocabulary';
import { completeUscc } from '../../shared/identifiers/uscc';
import { directRepairRefusal } from '../../subgraphs/sanctions/rules/direct-repair';
import { DEFAULT_LIST_KINDS, LIST_KIND } from '../../subgraphs/sanctions/rules/list-kinds';
import {
  CheckedRow,
  checkUpperListRows,
  diffUpperList,
  ImportedEntry,
  importRefusal,
  UpperListMode,
  UpperListRow,
} from '../../subgraphs/sanctions/rules/upper-list';

const TODAY = '2026-12-03';
const kind = (code: string) => DEFAULT_LIST_KINDS.find((k) => k.code === code)!;
const uscc = (n: number) => completeUscc(`91320508MA${String(n).padStart(7, '0')}`);

function row(n: number, overrides: Partial<UpperListRow> = {}): UpperListRow {
  return {
    sourceKey: `(2026)苏05执${n}号`,
    uscc: uscc(n),
    name: `苏州测试${n}有限公司`,
    decidedOn: '2026-06-01',
    documentNumber: `(2026)苏05执${n}号`,
    authority: '苏州市中级人民法院',
    reason: '有履行能力而拒不履行生效法律文书确定义务',
    ...overrides,
  };
}

function stored(checked: CheckedRow, status = ListEntryStatus.PUBLISHED): ImportedEntry {
  return {
    id: `id-${checked.sourceKey}`,
    sourceKey: checked.sourceKey,
    subjectUscc: checked.uscc,
    subjectName: checked.name,
    decidedAt: checked.decidedOn,
    decisionNo: checked.documentNumber,
    designatingAuthority: checked.authority,
    reason: checked.reason,
    validUntil: checked.validUntil,
    status,
  };
}

const checkedOf = (rows: UpperListRow[]) => checkUpperListRows(rows, TODAY).rows;
const everyoneKnown = () => true;

describe('which kinds are imported (rules/upper-list.ts importRefusal)', () => {
  it('takes the black lists of upper-level authorities', () => {
    for (const code of [LIST_KIND.courtDefaulter, LIST_KIND.majorTaxViolation, LIST_KIND.upperJoint])
      expect(importRefusal(kind(code))).toBeNull();
  });

  it('refuses a district kind and a red list', () => {
    expect(importRefusal(kind(LIST_KIND.wageArrears))).toMatch(/LOCAL_DEPARTMENT.*proposeListEntry/);
    expect(importRefusal(kind(LIST_KIND.localSerious))).toMatch(/not an upper-level authority/);
    expect(importRefusal(kind(LIST_KIND.taxA))).toMatch(/RED list/);
  });
});

describe('row validation (checkUpperListRows): every row, by index and field, before any write', () => {
  it('accepts good rows, trimming texts and normalising the code', () => {
    const { rows, rejections } = checkUpperListRows(
      [row(1, { name: '  苏州测试1有限公司 ', uscc: uscc(1).toLowerCase() })],
      TODAY,
    );
    expect(rejections).toEqual([]);
    expect(rows[0]).toMatchObject({
      index: 0,
      name: '苏州测试1有限公司',
      uscc: uscc(1),
      validUntil: null,
      removed: false,
    });
  });

  it('names each problem with the row index and field', () => {
    const bad = uscc(3);
    const { rows, rejections } = checkUpperListRows(
      [
        row(1),
        row(2, { uscc: `${bad.slice(0, 17)}${bad[17] === '0' ? '1' : '0'}` }),
        row(3, { decidedOn: '2027-01-01' }),
        row(4, { reason: '  ', validUntil: '2026-01-01' }),
        row(5, { name: 'x'.repeat(201) }),
        row(1, { uscc: uscc(9) }),
      ],
      TODAY,
    );
    expect(rows.map((r) => r.index)).toEqual([0]);
    expect(rejections.map((r) => [r.index, r.field, r.code])).toEqual([
      [1, 'uscc', 'INVALID_USCC'],
      [2, 'decidedOn', 'FUTURE_DATE'],
      [3, 'reason', 'REQUIRED'],
      [3, 'validUntil', 'BEFORE_DECISION'],
      [4, 'name', 'TOO_LONG'],
      [5, 'sourceKey', 'DUPLICATE'],
    ]);
    expect(rejections[1].sourceKey).toBe(row(3).sourceKey);
  });
});

describe('the diff of an import with the entries stored (diffUpperList)', () => {
  const [a, b, c] = checkedOf([row(1), row(2), row(3)]);

  it('adds what is new, changes what differs, leaves what is equal', () => {
    const changed = checkedOf([row(2, { reason: '新的事由' })])[0];
    const diff = diffUpperList([stored(b), stored(c)], [a, changed, c], UpperListMode.CHANGES, everyoneKnown);
    expect(diff.added.map((r) => r.sourceKey)).toEqual([a.sourceKey]);
    expect(diff.changed.map((x) => x.entry.id)).toEqual([`id-${b.sourceKey}`]);
    expect(diff.unchanged).toBe(1);
    expect(diff.removed).toEqual([]);
  });

  it('SNAPSHOT removes what the file leaves out; CHANGES keeps it', () => {
    const current = [stored(a), stored(b), stored(c)];
    expect(diffUpperList(current, [a], UpperListMode.SNAPSHOT, everyoneKnown).removed.map((e) => e.sourceKey)).toEqual([
      b.sourceKey,
      c.sourceKey,
    ]);
    expect(diffUpperList(current, [a], UpperListMode.CHANGES, everyoneKnown).removed).toEqual([]);
  });

  it('removes a row marked removed; an entry removed before and listed again comes back', () => {
    const removal = checkedOf([row(2, { removed: true })])[0];
    const diff = diffUpperList(
      [stored(a, ListEntryStatus.REMOVED), stored(b)],
      [a, removal],
      UpperListMode.CHANGES,
      everyoneKnown,
    );
    expect(diff.reinstated.map((x) => x.entry.id)).toEqual([`id-${a.sourceKey}`]);
    expect(diff.removed.map((e) => e.sourceKey)).toEqual([b.sourceKey]);
  });

  it('is idempotent: the same list again is all unchanged', () => {
    const current = [stored(a), stored(b), stored(c)];
    const diff = diffUpperList(current, [a, b, c], UpperListMode.SNAPSHOT, everyoneKnown);
    expect(diff).toEqual({ added: [], reinstated: [], changed: [], removed: [], unchanged: 3, skipped: [] });
  });

  it('skips a subject not in the register, removing what its key held', () => {
    const moved = checkedOf([row(2, { uscc: uscc(99) })])[0];
    const diff = diffUpperList([stored(b)], [a, moved], UpperListMode.CHANGES, (code) => code === a.uscc);
    expect(diff.added).toEqual([a]);
    expect(diff.skipped).toEqual([moved]);
    expect(diff.removed.map((e) => e.sourceKey)).toEqual([b.sourceKey]);
  });
});

describe('an imported entry is not repaired here (rules/direct-repair.ts)', () => {
  it('names its authority, where to turn, and that its source removes it', () => {
    const refusal = directRepairRefusal(
      {
        decidedByCode: 'gusu.xyb',
        listKind: LIST_KIND.courtDefaulter,
        designatingAuthority: '苏州市中级人民法院',
        sourcePlatform: 'credit-china',
      },
      kind(LIST_KIND.courtDefaulter),
      'gusu.xyb',
    );
    expect(refusal).toMatchObject({ code: 'NOT_REPAIRABLE', turnTo: kind(LIST_KIND.courtDefaulter).turnTo });
    expect(refusal!.message).toContain('苏州市中级人民法院');
    expect(refusal!.message).toContain('credit-china removes it');
  });
});

describe('an upper-level list file (ingest/upload/upper-list-import.ts)', () => {
  const record = (fields: Record<string, string>): ReportInput => {
    const { validUntil: _validUntil, removed: _removed, ...texts } = row(1);
    return { rowNumber: 2, ...texts, ...fields };
  };

  it('turns a row into an entry, 已移出 into removed', () => {
    expect(upperListEntry(record({ removed: '是', validUntil: '2029-06-01' }))).toMatchObject({
      sourceKey: row(1).sourceKey,
      removed: true,
      validUntil: '2029-06-01',
    });
    expect(upperListEntry(record({ removed: '否' }))).toMatchObject({ removed: false });
  });

  it('rejects what GraphQL would refuse, by field and column', () => {
    const reasons = upperListEntry(record({ decidedOn: '2026/06/01', removed: '也许' }));
    expect(reasons).toEqual([
      expect.objectContaining({ field: 'decidedOn', column: '认定日期', code: 'NOT_A_DATE' }),
      expect.objectContaining({ field: 'removed', column: '已移出', code: 'NOT_YES_OR_NO' }),
    ]);
  });

  it('sends the whole file as one batch, and refuses one row over the limit with 413', async () => {
    const records = (n: number) => Readable.from(Array.from({ length: n }, (_, i) => ({ rowNumber: i + 2, a: 'x' })));
    const batches: ReportInput[][] = [];
    for await (const batch of wholeFile(records(3), { rows: 3, bytes: 1000 })) batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([3]);
    await expect(async () => {
      for await (const _ of wholeFile(records(4), { rows: 3, bytes: 1000 })) void _;
    }).rejects.toMatchObject({ status: 413, code: 'TOO_MANY_ROWS' });
    await expect(async () => {
      for await (const _ of wholeFile(records(3), { rows: 3, bytes: 40 })) void _;
    }).rejects.toMatchObject({ status: 413, code: 'FILE_TOO_LARGE' });
  });
});

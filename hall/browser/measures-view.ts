import { h } from './dom';
import { label } from './labels';
import type { Measure } from './operations';

/** Records the window's answer for one measure; resolves to an error message, or null when recorded. */
export type RecordFeedback = (
  measure: Measure,
  outcome: 'APPLIED' | 'NOT_APPLIED',
  note: string,
) => Promise<string | null>;

/** Bounded before it is sent: the note is a remark, not a document. */
export const MAX_NOTE_LENGTH = 200;

const OUTCOME_TEXT = { APPLIED: '已实施', NOT_APPLIED: '未实施' } as const;

/**
 * The measures that apply for the matter, each with its legal basis and the window's 奖惩反馈:
 * two buttons (已实施 / 未实施) and an optional note, reachable with Tab, pressed with Enter or Space.
 * Recording again replaces the earlier answer (recordMeasureApplied).
 */
export function measuresView(measures: Measure[], record: RecordFeedback): HTMLElement {
  if (measures.length === 0)
    return h(
      'section',
      { class: 'measures', 'aria-labelledby': 'measures-title' },
      h('h2', { id: 'measures-title' }, '联合奖惩措施'),
      h('p', { class: 'none' }, '本事项无应实施的联合奖惩措施'),
    );
  return h(
    'section',
    { class: 'measures', 'aria-labelledby': 'measures-title' },
    h('h2', { id: 'measures-title' }, `联合奖惩措施（${measures.length} 项）`),
    h('ol', { class: 'measure-list' }, ...measures.map((measure, index) => measureItem(measure, index, record))),
  );
}

function measureItem(measure: Measure, index: number, record: RecordFeedback): HTMLElement {
  const id = `measure-${index}`;
  const note = h('input', {
    id: `${id}-note`,
    type: 'text',
    maxlength: String(MAX_NOTE_LENGTH),
    autocomplete: 'off',
    class: 'note',
  });
  const status = h('p', { class: 'feedback-status', role: 'status', id: `${id}-status` });
  const buttons = (['APPLIED', 'NOT_APPLIED'] as const).map((outcome) => {
    const button = h(
      'button',
      {
        type: 'button',
        class: `feedback ${outcome === 'APPLIED' ? 'applied' : 'not-applied'}`,
        'data-outcome': outcome,
        'aria-describedby': `${id}-title`,
      },
      OUTCOME_TEXT[outcome],
    );
    button.addEventListener('click', () => {
      buttons.forEach((b) => (b.disabled = true));
      status.textContent = '正在记录…';
      void record(measure, outcome, note.value.trim()).then((error) => {
        buttons.forEach((b) => {
          b.disabled = false;
          b.setAttribute('aria-pressed', String(error === null && b === button));
        });
        status.textContent = error === null ? `已记录：${OUTCOME_TEXT[outcome]}` : `未能记录：${error}`;
        status.classList.toggle('error', error !== null);
      });
    });
    return button;
  });
  return h(
    'li',
    { class: `measure ${measure.kind === 'PUNISHMENT' ? 'punishment' : 'incentive'}`, 'data-code': measure.code },
    h(
      'h3',
      { id: `${id}-title` },
      h('span', { class: 'measure-kind' }, label('MeasureKind', measure.kind)),
      measure.title,
    ),
    h(
      'p',
      { class: 'basis' },
      h(
        'span',
        { class: 'basis-label' },
        `依据${measure.basisKind ? `（${label('BasisKind', measure.basisKind)}）` : ''}：`,
      ),
      measure.legalBasis,
    ),
    h('p', { class: 'code' }, `措施编码 ${measure.code}`),
    h(
      'div',
      { class: 'feedback-controls', role: 'group', 'aria-label': `奖惩反馈：${measure.title}` },
      h('label', { for: note.id }, '反馈备注（可选）'),
      note,
      ...buttons,
    ),
    status,
  );
}

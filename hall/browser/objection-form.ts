import { h } from './dom';
import { graphql, HALL_ENDPOINT } from './graphql-client';
import { FILE_OBJECTION, ObjectionReceipt, ObjectionTargetRef } from './operations';

/** ObjectionInput's bounds (grounds 1–2000 characters; evidence optional). */
export const MAX_GROUNDS = 2000;
const MAX_EVIDENCE = 2000;

/**
 * 提出异议 for one record of any kind (a penalty, licence, action, list entry, or the evaluation by the
 * subject's id): grounds (required) and evidence (optional), sent as fileObjection through the hall's
 * proxy as the signed-in subject. `filed` gets the receipt; a refusal is shown under the form.
 */
export function objectionForm(target: ObjectionTargetRef, filed: (receipt: ObjectionReceipt) => void): HTMLElement {
  // The evaluation's id is the subject's: the kind keeps the ids apart on one page.
  const key = `${target.kind.toLowerCase()}-${target.id}`;
  const groundsId = `grounds-${key}`;
  const evidenceId = `evidence-${key}`;
  const grounds = h('textarea', { id: groundsId, name: 'grounds', maxlength: String(MAX_GROUNDS), required: true });
  const evidence = h('textarea', { id: evidenceId, name: 'evidence', maxlength: String(MAX_EVIDENCE) });
  const message = h('p', { class: 'form-message', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '提交异议');
  const form = h(
    'form',
    { class: 'objection-form', 'data-target-kind': target.kind, 'data-target': target.id, autocomplete: 'off' },
    h(
      'label',
      { for: groundsId },
      `异议理由（必填，至多 ${MAX_GROUNDS} 字：信息错误、遗漏、不应公示或超期公示的事实）`,
    ),
    grounds,
    h('label', { for: evidenceId }, '证明材料（选填：行政复议决定书、判决书、撤销决定等的文号或说明）'),
    evidence,
    submit,
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });

  async function send(): Promise<void> {
    const text = grounds.value.trim();
    if (text.length === 0 || text.length > MAX_GROUNDS) {
      message.className = 'form-message error';
      message.textContent = `请填写异议理由（1–${MAX_GROUNDS} 字）`;
      grounds.focus();
      return;
    }
    submit.disabled = true;
    message.className = 'form-message';
    message.textContent = '正在提交…';
    const answer = await graphql<{ fileObjection: ObjectionReceipt | null }>(HALL_ENDPOINT, FILE_OBJECTION, {
      input: {
        target: { kind: target.kind, id: target.id },
        grounds: text,
        evidence: evidence.value.trim() === '' ? null : evidence.value.trim(),
      },
    });
    submit.disabled = false;
    const receipt = answer.data?.fileObjection;
    if (receipt) {
      message.textContent = '';
      filed(receipt);
      return;
    }
    message.className = 'form-message error';
    message.setAttribute('role', 'alert');
    // The service that takes objections is down: nothing was filed, and the subject should know it may try again.
    message.textContent =
      answer.errors[0]?.extensions?.code === 'SUBGRAPH_UNAVAILABLE'
        ? '未能提交：异议受理服务暂时无法访问，本次异议未提交，请稍后重试。'
        : `未能提交：${answer.errors[0]?.message ?? `HTTP ${answer.status}`}`;
  }
  return h('details', { class: 'objection no-print' }, h('summary', {}, '提出异议'), form);
}

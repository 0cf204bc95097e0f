import { byId, h, replace } from './dom';
import { graphql, HALL_ENDPOINT } from './graphql-client';
import { RepairReceipt, TAKE_REPAIR_APPLICATION } from './operations';
import { keepReceipt } from './repair-receipt-store';

/**
 * The window's repair application (/hall/repair-intake): sent through the hall's proxy as the
 * signed-in clerk. A refusal lists every failed condition; a receipt goes to the printable page.
 */
const form = byId<HTMLFormElement>('intake-form');
const result = byId('intake-result');

const value = (id: string): string => byId<HTMLInputElement>(id).value.trim();
const optional = (id: string): string | null => (value(id) === '' ? null : value(id));

interface Failure {
  condition: string;
  message: string;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void submit();
});

async function submit(): Promise<void> {
  replace(result, h('p', { role: 'status' }, '正在判定申请条件…'));
  const input = {
    target: { kind: value('intake-kind'), id: value('intake-target') },
    reason: value('intake-reason'),
    repairCommitmentId: optional('intake-commitment'),
    fulfilmentEvidence: optional('intake-fulfilment'),
    identity: {
      capacity: value('intake-capacity'),
      name: value('intake-name'),
      documentType: value('intake-doc-type'),
      documentNumber: value('intake-doc-number'),
      powerOfAttorneyRef: optional('intake-poa'),
    },
  };
  const answer = await graphql<{ takeRepairApplication: RepairReceipt | null }>(
    HALL_ENDPOINT,
    TAKE_REPAIR_APPLICATION,
    { input },
  );
  const receipt = answer.data?.takeRepairApplication;
  if (receipt) {
    keepReceipt(receipt);
    window.location.assign('/hall/repair-receipt');
    return;
  }
  const error = answer.errors[0];
  const failures = ((error?.extensions as { failures?: Failure[] } | undefined)?.failures ?? []) as Failure[];
  replace(
    result,
    h(
      'div',
      { class: 'error', role: 'alert' },
      h(
        'p',
        {},
        failures.length > 0 ? '不予登记：以下条件不满足' : `未能受理：${error?.message ?? `HTTP ${answer.status}`}`,
      ),
      failures.length > 0
        ? h(
            'ul',
            { id: 'intake-failures' },
            ...failures.map((f) => h('li', { 'data-condition': f.condition }, f.message)),
          )
        : null,
    ),
  );
}

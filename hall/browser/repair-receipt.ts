import { byId, h, replace } from './dom';
import { REPAIR_STATUS_TEXT } from './operations';
import { receiptView } from './receipt-view';
import { takeReceipt } from './repair-receipt-store';

/** The printable 受理回执 (/hall/repair-receipt): what the intake page handed over, shown once. */
const receipt = takeReceipt();
const section = byId('receipt');
byId('receipt-print').addEventListener('click', () => window.print());

if (!receipt) {
  replace(
    section,
    h(
      'p',
      { class: 'error', role: 'alert' },
      '没有待打印的受理回执：查询码只在受理时显示一次，请从受理页面重新办理或查询进度。',
    ),
  );
} else {
  replace(section, ...receiptView('信用修复申请受理回执', receipt, REPAIR_STATUS_TEXT, '决定期限'));
}

import type { LineSpec } from './catalogue';

/**
 * Version 1 of the sharing catalogue (共享交换目录), inserted by the exchange schema's first migration.
 * Source: the district's 2020 work points §6 (docs/reference/gusu-credit-2020-work-points.txt):
 * “完善与市级信用平台对接，实现与市级信用信息的相互推送与共享，提高市、区两级信用信息数据的一致性和准确性”,
 * and its attachment: “根据市、区公共信用信息共享交换目录，按要求将信用信息归集至市信用信息共享平台”.
 * The rules follow the regulations the subgraphs already apply:
 * - PENALTY: no ID numbers (个人信息: only where the catalogue allows); 轻微 penalties only while published —
 *   《信用修复管理办法》(国家发展改革委令2025年第36号) 轻微失信信息原则上不予公示, 确有必要公示的最长不超过3个月
 *   (docs/rules/publicity-and-repair.md, row NDRC_ORDER_36_2026 MINOR); repaired, revoked and expired ones
 *   leave as withdrawals.
 * - LIST_ENTRY: RED and BLACK (WATCH, 重点关注, is not published); designated in the district only (by a district
 *   department or the credit office: 谁认定、谁共享, docs/rules/authority-and-lists.md) — court (失信被执行人) and
 *   tax (重大税收违法) lists are published by their own systems, and upper-level lists came from above.
 */
export const DEFAULT_CATALOGUE_SOURCE =
  '姑苏区2020年社会信用体系建设工作要点 §6 “完善与市级信用平台对接，实现与市级信用信息的相互推送与共享”; 附件: “根据市、区公共信用信息共享交换目录，按要求将信用信息归集至市信用信息共享平台”';

export const DEFAULT_RECEIVERS = [
  { code: 'suzhou-city', name: '苏州市公共信用信息平台' },
  { code: 'jiangsu-province', name: '江苏省公共信用信息平台' },
] as const;

const DISTRICT_AUTHORITY_KINDS = ['LOCAL_DEPARTMENT', 'CREDIT_OFFICE'];

export const DEFAULT_CATALOGUE_LINES: LineSpec[] = DEFAULT_RECEIVERS.flatMap(({ code }) => [
  { receiverCode: code, kind: 'PENALTY', fields: null, rules: { includeIdNumber: false, includeMinor: false } },
  { receiverCode: code, kind: 'LICENSE', fields: null, rules: { includeIdNumber: false } },
  {
    receiverCode: code,
    kind: 'LIST_ENTRY',
    fields: null,
    rules: { includeIdNumber: false, lists: ['RED', 'BLACK'], authorityKinds: DISTRICT_AUTHORITY_KINDS },
  },
]);

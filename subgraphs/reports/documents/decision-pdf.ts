import type { DecisionText } from '../rules/decision-content';
import {
  A4_WIDTH,
  chinaTime,
  CONTENT_WIDTH,
  footers,
  heading,
  MARGIN,
  MUTED,
  openDocument,
  pairs,
  paragraph,
  rule,
  TEXT,
} from './pdf-layout';
import { qrCodePng } from './qr-code';

const QR_SIZE = 84;

/** Everything a decision document prints, decided before the first line is drawn. */
export interface DecisionContent {
  text: DecisionText;
  number: string;
  verification: { code: string; url: string };
  issuedAt: Date;
  subject: { name: string; uscc: string | null };
  caseNumber: string | null;
  submittedAt: Date;
  acceptedAt: Date | null;
  decidedAt: Date;
  /** The deciding department (its name), or the handling one when the case names none. */
  department: string;
  signer: string;
}

/** Renders a decision document as an A4 PDF on the reports' page (unsigned: documents/sign-pdf.ts signs it). */
export async function renderDecision(content: DecisionContent): Promise<Buffer> {
  const qr = await qrCodePng(content.verification.url);
  const { doc, finish } = openDocument({
    title: `${content.text.title} ${content.number}`,
    author: content.department,
    subject: `${content.subject.name} (${content.subject.uscc ?? '—'}) · ${content.text.decision}`,
    keywords: `${content.text.title}; ${content.number}; ${content.caseNumber ?? ''}`,
    createdAt: content.issuedAt,
  });
  const top = doc.y;
  doc.image(qr, A4_WIDTH - MARGIN - QR_SIZE, top - 8, { width: QR_SIZE, height: QR_SIZE });
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(MUTED)
    .text('姑苏区公共信用信息平台', MARGIN, top, { width: CONTENT_WIDTH - QR_SIZE - 10 });
  doc.moveDown(0.4);
  doc
    .font('bold')
    .fontSize(24)
    .fillColor(TEXT)
    .text(content.text.title, MARGIN, doc.y, { width: CONTENT_WIDTH - QR_SIZE - 10, characterSpacing: 2 });
  doc.moveDown(0.3);
  doc
    .font('regular')
    .fontSize(11)
    .text(`决定书编号: ${content.number}`, MARGIN, doc.y, { width: CONTENT_WIDTH - QR_SIZE - 10 });
  doc.text(`核验码: ${content.verification.code}`, { width: CONTENT_WIDTH - QR_SIZE - 10 });
  doc.y = Math.max(doc.y, top + QR_SIZE + 10);
  rule(doc);

  pairs(doc, [
    ['主体名称', content.subject.name],
    ['统一社会信用代码', content.subject.uscc ?? '—'],
    ['受理编号', content.caseNumber ?? '—'],
    ['所涉信息', content.text.record],
    ['申请时间', chinaTime(content.submittedAt)],
    ['受理时间', content.acceptedAt ? chinaTime(content.acceptedAt) : '—'],
  ]);

  heading(doc, '决定', null);
  doc.font('bold').fontSize(14).fillColor(TEXT).text(content.text.decision, MARGIN, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.4);
  heading(doc, '理由', null);
  paragraph(doc, content.text.reasons);
  if (content.text.consequences.length > 0) {
    heading(doc, '决定的效力', null);
    for (const line of content.text.consequences) paragraph(doc, line);
  }

  doc.moveDown(1);
  pairs(doc, [
    ['作出决定部门', content.department],
    ['决定时间', chinaTime(content.decidedAt)],
    ['出具时间', chinaTime(content.issuedAt)],
  ]);

  if (doc.y > doc.page.height - MARGIN - 100) doc.addPage();
  rule(doc);
  doc.font('bold').fontSize(10.5).fillColor(TEXT).text('核验说明', MARGIN, doc.y, { width: CONTENT_WIDTH });
  doc
    .font('regular')
    .fontSize(9.5)
    .fillColor(TEXT)
    .text(
      `本决定书由平台数字签名 (${content.signer})。扫描右上角二维码，或以决定书编号 ${content.number} 与核验码 ${content.verification.code} 核验，` +
        `可核验本决定书是否由本平台出具、是否被篡改。核验地址: ${content.verification.url}`,
      { width: CONTENT_WIDTH },
    );
  footers(doc, content.text.title, content.number);
  return finish();
}

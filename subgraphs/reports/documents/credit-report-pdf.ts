import { Verdict } from '../../../shared/domain/vocabulary';
import {
  A4_WIDTH,
  chinaDate,
  chinaTime,
  chineseOrdinal,
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
import type { PrintedItem, ReportContent } from './report-content';

export { chinaDate, chinaTime } from './pdf-layout';

const QR_SIZE = 92;
/** Solid colours only (no transparency: PDF/A-friendly), dark enough to read in a grey-scale print. */
const VERDICT_COLOURS: Readonly<Record<Verdict, string>> = {
  [Verdict.RESTRICT]: '#a4161a',
  [Verdict.CAUTION]: '#9a5b00',
  [Verdict.INCENTIVE]: '#1b6b2f',
  [Verdict.CLEAR]: '#1f3f77',
};

/**
 * Renders a report as an A4 PDF (unsigned: documents/sign-pdf.ts signs it).
 * PDF/A-2b as far as pdfkit goes: fonts embedded as subsets, XMP metadata, an
 * sRGB output intent, no transparency in what is drawn.
 */
export async function renderCreditReport(content: ReportContent): Promise<Buffer> {
  const qr = await qrCodePng(content.verification.url);
  const { doc, finish } = openDocument({
    title: `${content.title} ${content.number}`,
    author: content.issuer.orgName,
    subject: `${content.subject.name} (${content.subject.identifier.value}) · ${content.matter}`,
    keywords: `${content.title}; ${content.number}; ${content.subject.identifier.value}`,
    createdAt: content.issuedAt,
  });

  header(doc, content, qr);
  facts(doc, content);
  subjectBlock(doc, content);
  if (content.verdict) verdictBlock(doc, content.verdict);
  content.sections.forEach((section, index) => {
    heading(
      doc,
      `${chineseOrdinal(index + (content.verdict ? 3 : 2))}、${section.title}`,
      `数据截止时间: ${section.cutoff ? chinaTime(section.cutoff) : '暂不可用'} · 来源: ${section.source}`,
    );
    if (section.items.length === 0) paragraph(doc, section.empty, MUTED);
    section.items.forEach((item, i) => printedItem(doc, item, i + 1));
    if (section.note) paragraph(doc, section.note, MUTED);
  });
  closing(doc, content);
  footers(doc, content.title, content.number);
  return finish();
}

function header(doc: PDFKit.PDFDocument, content: ReportContent, qr: Buffer): void {
  const top = doc.y;
  doc.image(qr, A4_WIDTH - MARGIN - QR_SIZE, top - 8, { width: QR_SIZE, height: QR_SIZE });
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(MUTED)
    .text('扫码核验', A4_WIDTH - MARGIN - QR_SIZE, top + QR_SIZE - 6, { width: QR_SIZE, align: 'center' });
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
    .text(content.title, MARGIN, doc.y, { width: CONTENT_WIDTH - QR_SIZE - 10, characterSpacing: 2 });
  doc.moveDown(0.3);
  doc
    .font('regular')
    .fontSize(11)
    .fillColor(TEXT)
    .text(`报告编号: ${content.number}`, MARGIN, doc.y, { width: CONTENT_WIDTH - QR_SIZE - 10 });
  doc.text(`核验码: ${content.verification.code}`, { width: CONTENT_WIDTH - QR_SIZE - 10 });
  doc.y = Math.max(doc.y, top + QR_SIZE + 10);
  rule(doc);
}

function facts(doc: PDFKit.PDFDocument, content: ReportContent): void {
  pairs(doc, [
    ['出具时间', chinaTime(content.issuedAt)],
    ['有效期至', `${chinaDate(content.validUntil)} (${content.validityNote})`],
    ...issuerPairs(content.issuer),
    ['办理事项', content.matter],
    ...(content.scenario ? ([['应用场景', content.scenario]] as [string, string][]) : []),
    ['用途', content.purpose ?? '—'],
  ]);
}

/** 出具单位 and 经办人; a report the subject asked for itself names the platform and, as 申请人, the subject's login. */
function issuerPairs(issuer: ReportContent['issuer']): [string, string][] {
  if (issuer.selfRequested)
    return [
      ['出具单位', `${issuer.orgName} (自助出具)`],
      ['申请人', `信用主体本人 · ${issuer.officerName} (${issuer.officerSub})`],
    ];
  return [
    ['出具单位', `${issuer.orgName} (${issuer.orgCode ?? '—'})`],
    ['经办人', `${issuer.officerName} (${issuer.officerSub})`],
  ];
}

function printedItem(doc: PDFKit.PDFDocument, item: PrintedItem, index: number): void {
  if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
  doc
    .font('bold')
    .fontSize(10)
    .fillColor(TEXT)
    .text(`${index}. ${item.headline}`, MARGIN, doc.y, { width: CONTENT_WIDTH });
  for (const line of item.lines)
    doc
      .font('regular')
      .fontSize(9.5)
      .fillColor(TEXT)
      .text(line, MARGIN + 14, doc.y, { width: CONTENT_WIDTH - 14 });
  doc.moveDown(0.35);
}

function subjectBlock(doc: PDFKit.PDFDocument, content: ReportContent): void {
  const s = content.subject;
  heading(doc, '一、主体基本信息', `数据截止时间: ${chinaTime(s.cutoff)} · 来源: 市场主体登记信息`);
  pairs(doc, [
    ['主体名称', s.name],
    [s.identifier.label, s.identifier.value],
    ['主体类别', s.kind],
    ['登记状态', s.status],
    ['法定代表人', s.legalRepresentative ?? '—'],
    ['住所', s.address ?? '—'],
  ]);
}

function verdictBlock(doc: PDFKit.PDFDocument, verdict: NonNullable<ReportContent['verdict']>): void {
  heading(doc, '二、联合奖惩比对结论', `比对时间: ${chinaTime(verdict.cutoff)} · 来源: 红黑名单及联合奖惩措施清单`);
  const top = doc.y;
  const colour = VERDICT_COLOURS[verdict.value];
  doc.lineWidth(2).strokeColor(colour).rect(MARGIN, top, CONTENT_WIDTH, 44).stroke();
  doc
    .font('bold')
    .fontSize(22)
    .fillColor(colour)
    .text(verdict.label, MARGIN + 14, top + 9, { width: 120 });
  doc
    .font('regular')
    .fontSize(10.5)
    .fillColor(TEXT)
    .text(verdict.meaning, MARGIN + 130, top + 15, { width: CONTENT_WIDTH - 144 });
  doc.y = top + 52;
  doc.x = MARGIN;
  if (verdict.measures.length === 0) paragraph(doc, '本场景下无应实施的联合奖惩措施。', MUTED);
  else {
    doc
      .font('bold')
      .fontSize(10.5)
      .fillColor(TEXT)
      .text('应实施的联合奖惩措施及依据:', MARGIN, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.2);
    verdict.measures.forEach((measure, i) => printedItem(doc, measure, i + 1));
  }
}

function closing(doc: PDFKit.PDFDocument, content: ReportContent): void {
  if (doc.y > doc.page.height - MARGIN - 120) doc.addPage();
  rule(doc);
  doc.font('bold').fontSize(10.5).fillColor(TEXT).text('核验说明', MARGIN, doc.y, { width: CONTENT_WIDTH });
  doc
    .font('regular')
    .fontSize(9.5)
    .fillColor(TEXT)
    .text(
      `本报告由平台数字签名 (${content.signer})。扫描右上角二维码，或访问核验页面并输入报告编号 ${content.number} 与核验码 ${content.verification.code}，` +
        '可核验报告是否由本平台出具、是否被篡改及是否在有效期内。核验地址: ' +
        content.verification.url,
      { width: CONTENT_WIDTH },
    );
  doc.moveDown(0.3);
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text('本报告所载信息为各部门依法归集的公共信用信息截至所列数据截止时间的情况，仅供所载办理事项及用途使用。', {
      width: CONTENT_WIDTH,
    });
}

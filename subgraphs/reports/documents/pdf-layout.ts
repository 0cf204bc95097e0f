import PDFDocument from 'pdfkit';
import { fontBytes } from './fonts';

/**
 * The page every document of the reports subgraph is set on (信用报告, 决定书): A4, Noto Sans SC
 * embedded as subsets, PDF/A-2b as far as pdfkit goes (XMP metadata, an sRGB output intent, no
 * transparency in what is drawn), and the small building blocks both lay out with.
 */
export const MARGIN = 56;
export const A4_WIDTH = 595.28;
export const CONTENT_WIDTH = A4_WIDTH - 2 * MARGIN;
/** Solid colours only (no transparency: PDF/A-friendly), dark enough to read in a grey-scale print. */
export const TEXT = '#111111';
export const MUTED = '#555555';

/** An instant as a Chinese reader expects it, in China time: 2026年12月02日 13:05:09. */
export function chinaTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 4)}年${shifted.slice(5, 7)}月${shifted.slice(8, 10)}日 ${shifted.slice(11, 19)}`;
}

export function chinaDate(date: string): string {
  return `${date.slice(0, 4)}年${date.slice(5, 7)}月${date.slice(8, 10)}日`;
}

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  createdAt: Date;
}

export interface OpenDocument {
  doc: PDFKit.PDFDocument;
  /** Ends the document and answers its bytes (unsigned: sign-pdf.ts signs them). */
  finish(): Promise<Buffer>;
}

export function openDocument(info: DocumentInfo): OpenDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: 'zh-CN',
    bufferPages: true,
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Keywords: info.keywords,
      Creator: '姑苏区公共信用数据共享网关',
      Producer: 'Gusu Credit Gateway (pdfkit)',
      CreationDate: info.createdAt,
      ModDate: info.createdAt,
    },
  });
  doc.registerFont('regular', fontBytes('regular'));
  doc.registerFont('bold', fontBytes('bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  return {
    doc,
    finish: async () => {
      doc.end();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}

export function chineseOrdinal(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return n <= 10 ? digits[n] : `十${digits[n - 10]}`;
}

export function rule(doc: PDFKit.PDFDocument): void {
  doc.moveDown(0.3);
  doc
    .lineWidth(0.8)
    .strokeColor('#333333')
    .moveTo(MARGIN, doc.y)
    .lineTo(A4_WIDTH - MARGIN, doc.y)
    .stroke();
  doc.moveDown(0.5);
}

/** Label and value rows (出具时间 …). */
export function pairs(doc: PDFKit.PDFDocument, rows: [string, string][]): void {
  const labelWidth = 92;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('regular').fontSize(10).fillColor(MUTED).text(label, MARGIN, y, { width: labelWidth });
    const afterLabel = doc.y;
    doc
      .font('regular')
      .fontSize(10)
      .fillColor(TEXT)
      .text(value, MARGIN + labelWidth, y, { width: CONTENT_WIDTH - labelWidth });
    doc.y = Math.max(doc.y, afterLabel) + 2;
  }
  doc.x = MARGIN;
}

export function heading(doc: PDFKit.PDFDocument, title: string, subtitle: string | null): void {
  // A heading keeps at least its first entry with it.
  if (doc.y > doc.page.height - MARGIN - 140) doc.addPage();
  doc.moveDown(0.6);
  doc.font('bold').fontSize(13).fillColor(TEXT).text(title, MARGIN, doc.y, { width: CONTENT_WIDTH });
  if (subtitle) doc.font('regular').fontSize(8.5).fillColor(MUTED).text(subtitle, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
}

export function paragraph(doc: PDFKit.PDFDocument, text: string, colour = TEXT): void {
  doc.font('regular').fontSize(10).fillColor(colour).text(text, MARGIN, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.2);
}

/** `<title> · <number> · 第 i 页 共 n 页` at the foot of every page. */
export function footers(doc: PDFKit.PDFDocument, title: string, number: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 6;
    // Below the bottom margin: without lifting it, pdfkit would start a new page for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${title} · ${number} · 第 ${i + 1} 页 共 ${range.count} 页`, MARGIN, y, {
        width: CONTENT_WIDTH,
        align: 'center',
      });
    doc.page.margins.bottom = bottom;
  }
}

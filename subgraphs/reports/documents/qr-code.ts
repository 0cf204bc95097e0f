import QRCode from 'qrcode';

/** The verification address as a PNG QR code (error correction M: survives a smudged print). */
export function qrCodePng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    scale: 6,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
}

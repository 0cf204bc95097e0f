import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import type { SigningIdentity } from './signing-identity';

/** Room for the PKCS#7 blob (certificate chain included); a production chain of three certificates fits. */
const SIGNATURE_LENGTH = 16_384;
const signer = new SignPdf();

/**
 * Embeds a PKCS#7 detached signature (adbe.pkcs7.detached) over the whole file,
 * as an incremental update: any PDF reader shows it, `pdfsig` checks it.
 */
export async function signPdf(
  pdf: Buffer,
  identity: SigningIdentity,
  meta: { reason: string; location: string; name: string; contactInfo: string },
): Promise<Buffer> {
  const prepared = plainAddPlaceholder({ pdfBuffer: pdf, ...meta, signatureLength: SIGNATURE_LENGTH });
  return signer.sign(prepared, new P12Signer(identity.p12, { passphrase: identity.password }));
}

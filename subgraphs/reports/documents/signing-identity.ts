import forge from 'node-forge';
import type { Logger } from '../../../shared/logging/logger';
import type { SigningSource } from '../config';

/** The platform's key and certificate as @signpdf's P12 signer takes them. */
export interface SigningIdentity {
  p12: Buffer;
  password: string;
  /** The certificate's subject, for the log and the report's footer. */
  subject: string;
  development: boolean;
}

const DEVELOPMENT_PASSWORD = 'development';
const DEVELOPMENT_SUBJECT = 'Gusu Credit Gateway DEVELOPMENT signing certificate (not for production)';

function subjectOf(certificate: forge.pki.Certificate): string {
  return certificate.subject.attributes.map((a) => `${a.shortName ?? a.name}=${String(a.value)}`).join(', ');
}

/** A self-signed RSA-2048 certificate, made at start: reports verify as signed, by nobody anyone trusts. */
function developmentIdentity(): SigningIdentity {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(8))}`;
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const name = [
    { name: 'commonName', value: DEVELOPMENT_SUBJECT },
    { name: 'organizationName', value: 'DEVELOPMENT' },
    { name: 'countryName', value: 'CN' },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  certificate.sign(keys.privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [certificate], DEVELOPMENT_PASSWORD, { algorithm: '3des' });
  return {
    p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'),
    password: DEVELOPMENT_PASSWORD,
    subject: subjectOf(certificate),
    development: true,
  };
}

/** The configured PKCS#12, opened once at start so a wrong password or an expired certificate stops the process, not a report. */
function configuredIdentity(p12: Buffer, password: string, file: string): SigningIdentity {
  let bags: forge.pkcs12.Bag[] | undefined;
  try {
    const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), password);
    bags = parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag];
  } catch (error) {
    throw new Error(
      `REPORT_SIGNING_P12_FILE ${file} could not be opened with REPORT_SIGNING_P12_PASSWORD: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const certificate = bags?.[0]?.cert;
  if (!certificate) throw new Error(`REPORT_SIGNING_P12_FILE ${file} holds no certificate`);
  if (certificate.validity.notAfter.getTime() < Date.now())
    throw new Error(`the signing certificate in ${file} expired on ${certificate.validity.notAfter.toISOString()}`);
  return { p12, password, subject: subjectOf(certificate), development: false };
}

let identity: SigningIdentity | null = null;

/** Loads (or, in development, makes) the signing identity; called once at start. */
export function loadSigningIdentity(source: SigningSource, logger: Logger): SigningIdentity {
  if (source.kind === 'p12') {
    identity = configuredIdentity(source.p12, source.password, source.file);
    logger.info({ subject: identity.subject }, 'credit reports are signed with the configured platform certificate');
  } else {
    identity = developmentIdentity();
    logger.warn(
      { subject: identity.subject },
      'DEVELOPMENT SIGNING CERTIFICATE: credit reports are signed with a self-signed key made at start; set REPORT_SIGNING_P12_FILE and REPORT_SIGNING_P12_PASSWORD for real reports',
    );
  }
  return identity;
}

export function signingIdentity(): SigningIdentity {
  if (!identity) throw new Error('the signing identity is loaded at start (loadSigningIdentity)');
  return identity;
}

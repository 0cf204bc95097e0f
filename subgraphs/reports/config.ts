import { readFileSync } from 'node:fs';
import { optionalEnv } from '../../shared/config/env';

/** The PostgreSQL schema this subgraph owns. */
export const SCHEMA = 'reports';

/** Where the platform's signing key comes from: a PKCS#12 file in production, a fresh self-signed one in development. */
export type SigningSource = { kind: 'p12'; p12: Buffer; password: string; file: string } | { kind: 'development' };

export interface ReportsConfig {
  signing: SigningSource;
  /** Prefix of the download and verification addresses in answers and QR codes ('' = relative to the public port; development only). */
  publicBaseUrl: string;
}

/**
 * REPORT_SIGNING_P12_FILE + REPORT_SIGNING_P12_PASSWORD: the platform's key and
 * certificate. In production both are required (no report signed with a key
 * nobody trusts); elsewhere, without them, a development certificate is made at start.
 */
export function loadReportsConfig(env: NodeJS.ProcessEnv = process.env): ReportsConfig {
  const file = env.REPORT_SIGNING_P12_FILE?.trim() ?? '';
  const password = env.REPORT_SIGNING_P12_PASSWORD ?? '';
  if (env.NODE_ENV === 'production' && (file === '' || password === '')) {
    throw new Error(
      'REPORT_SIGNING_P12_FILE and REPORT_SIGNING_P12_PASSWORD are required in production: credit reports are signed with the platform key',
    );
  }
  const publicBaseUrl = optionalEnv('PUBLIC_URL', '', env).trim().replace(/\/+$/, '');
  // The QR code on a printed report must open the verification page from any phone: a relative address will not do.
  if (env.NODE_ENV === 'production' && publicBaseUrl === '')
    throw new Error("PUBLIC_URL is required in production: it is the address printed in each report's QR code");
  if (publicBaseUrl !== '' && !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(publicBaseUrl))
    throw new Error(`PUBLIC_URL must be an http(s) address, got ${publicBaseUrl}`);
  if (file === '') return { signing: { kind: 'development' }, publicBaseUrl };
  if (password === '') throw new Error('REPORT_SIGNING_P12_FILE is set: REPORT_SIGNING_P12_PASSWORD is required too');
  return { signing: { kind: 'p12', p12: readFileSync(file), password, file }, publicBaseUrl };
}

let loaded: ReportsConfig | null = null;

/** This process's configuration, read once (index.ts reads it at start, so a bad one stops the process before it listens). */
export function reportsConfig(): ReportsConfig {
  loaded ??= loadReportsConfig();
  return loaded;
}

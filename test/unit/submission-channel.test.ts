import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import express from 'express';
import pino from 'pino';
import { credentialChannel, requestChannel } from '../../gateway/auth/submission-channel';
import { forwardedServices, serviceForwarding } from '../../gateway/transport/service-forwarding';
import {
  INGEST_FORWARDING_HEADER,
  INGEST_FORWARDING_TTL_SECONDS,
  signIngestForwarding,
  verifyIngestForwarding,
} from '../../shared/auth/ingest-forwarding';
import { SubmissionChannel } from '../../shared/domain/submission-channel';

const { INTERFACE, FILE, MANUAL } = SubmissionChannel;
const HALL = 'gusu-hall';
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const AUTHORIZATION = 'Bearer aaa.bbb.ccc';

/** The channel the gateway signs for a request, as gateway/server.ts puts the three steps together. */
function channelOf(request: {
  credential: ArrivalOf;
  header?: string;
  proof?: string;
  authorization?: string;
}): SubmissionChannel | undefined {
  const authorization = request.authorization ?? AUTHORIZATION;
  return requestChannel(
    request.credential,
    request.header,
    verifyIngestForwarding(request.proof, authorization, createPublicKey(privateKey)),
  );
}
type ArrivalOf = Parameters<typeof requestChannel>[0];

describe('the channel of a credential (gateway/auth/submission-channel.ts)', () => {
  it('is MANUAL for a provider token the hall client got for a user: a person signed in', () => {
    expect(credentialChannel({ sub: 'dev-department-officer', client_id: HALL }, 'provider', [HALL])).toBe(MANUAL);
  });

  it('is INTERFACE for every other token', () => {
    // The hall client's own client-credentials token (RFC 9068: sub is the client), another client's, none named.
    expect(credentialChannel({ sub: HALL, client_id: HALL }, 'provider', [HALL])).toBe(INTERFACE);
    expect(credentialChannel({ sub: 'svc-scjgj', client_id: 'scjgj-system' }, 'provider', [HALL])).toBe(INTERFACE);
    expect(credentialChannel({ sub: 'svc-scjgj' }, 'provider', [HALL])).toBe(INTERFACE);
    expect(credentialChannel({ sub: 'x', client_id: 7 }, 'provider', [HALL])).toBe(INTERFACE);
    // A development HS256 token (npm run token: scripts, terminals) is a system's whatever it claims.
    expect(credentialChannel({ sub: 'dev-department-officer', client_id: HALL }, 'development', [HALL])).toBe(
      INTERFACE,
    );
    // No sign-in clients configured: nobody is a person.
    expect(credentialChannel({ sub: 'dev-department-officer', client_id: HALL }, 'provider', [])).toBe(INTERFACE);
  });
});

describe('the channel of a request: the header only lowers INTERFACE to FILE, and only with the proof', () => {
  const proof = signIngestForwarding(AUTHORIZATION, privateKey);

  it('a service token: INTERFACE; forwarded by the ingest with `x-gusu-channel: file`: FILE', () => {
    expect(channelOf({ credential: INTERFACE })).toBe(INTERFACE);
    expect(channelOf({ credential: INTERFACE, header: 'file', proof })).toBe(FILE);
    expect(channelOf({ credential: INTERFACE, header: ' FILE ', proof })).toBe(FILE);
    // The proof alone (the ingest's evaluation import, say) declares nothing.
    expect(channelOf({ credential: INTERFACE, proof })).toBe(INTERFACE);
  });

  it('a person’s session stays MANUAL, with or without the header and the proof', () => {
    expect(channelOf({ credential: MANUAL })).toBe(MANUAL);
    expect(channelOf({ credential: MANUAL, header: 'file', proof })).toBe(MANUAL);
    expect(channelOf({ credential: MANUAL, header: 'interface', proof })).toBe(MANUAL);
  });

  it('ignores the header from a caller without the gateway’s proof for its own token', () => {
    expect(channelOf({ credential: INTERFACE, header: 'file' })).toBe(INTERFACE);
    expect(channelOf({ credential: MANUAL, header: 'file' })).toBe(MANUAL);
    // A proof lifted from another upload, with another token.
    expect(channelOf({ credential: INTERFACE, header: 'file', proof, authorization: 'Bearer other' })).toBe(INTERFACE);
    // A proof the caller made with a key of its own.
    const forged = signIngestForwarding(AUTHORIZATION, generateKeyPairSync('ed25519').privateKey);
    expect(channelOf({ credential: INTERFACE, header: 'file', proof: forged })).toBe(INTERFACE);
    // Any other value cannot raise anything.
    expect(channelOf({ credential: INTERFACE, header: 'interface', proof })).toBe(INTERFACE);
    expect(channelOf({ credential: INTERFACE, header: 'manual', proof })).toBe(INTERFACE);
  });

  it('gives the public no channel: it submits nothing', () => {
    expect(channelOf({ credential: undefined, header: 'file', proof })).toBeUndefined();
  });
});

describe('the upload proof (shared/auth/ingest-forwarding.ts)', () => {
  const now = Date.UTC(2026, 11, 3, 12);

  it('holds for its own Authorization header until it expires', () => {
    const proof = signIngestForwarding(AUTHORIZATION, privateKey, now);
    expect(verifyIngestForwarding(proof, AUTHORIZATION, publicKey, now)).toBe(true);
    expect(verifyIngestForwarding(proof, AUTHORIZATION, publicKey, now + 3_600_000)).toBe(true);
    expect(verifyIngestForwarding(proof, AUTHORIZATION, publicKey, now + INGEST_FORWARDING_TTL_SECONDS * 1000)).toBe(
      false,
    );
  });

  it('refuses a tampered, truncated, unsigned or missing one', () => {
    const proof = signIngestForwarding(AUTHORIZATION, privateKey, now);
    const [version, body, signature] = proof.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const longer = Buffer.from(JSON.stringify({ ...claims, exp: Number(claims.exp) + 86_400 })).toString('base64url');
    for (const bad of [
      `${version}.${longer}.${signature}`,
      `${version}.${body}`,
      `${version}.${body}.`,
      `v2.${body}.${signature}`,
      `${proof}.x`,
      'x'.repeat(2_000),
      '',
      undefined,
    ])
      expect([bad, verifyIngestForwarding(bad, AUTHORIZATION, publicKey, now)]).toEqual([bad, false]);
    expect(verifyIngestForwarding(proof, undefined, publicKey, now)).toBe(false);
  });
});

describe('the gateway’s forwarding writes the proof (gateway/transport/service-forwarding.ts)', () => {
  it('gives an upload its own proof for the caller’s token, and drops one the client sent to any service', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const ingest = express();
    ingest.use((req, res) => {
      seen.push(req.headers);
      res.status(204).end();
    });
    const ingestServer = ingest.listen(0, '127.0.0.1');
    await new Promise((resolve) => ingestServer.once('listening', resolve));
    const ingestUrl = `http://127.0.0.1:${(ingestServer.address() as { port: number }).port}`;
    const gateway = express();
    gateway.use(
      serviceForwarding(
        forwardedServices({ ingest: ingestUrl, hall: ingestUrl }, (authorization) =>
          signIngestForwarding(authorization, privateKey),
        ),
        pino({ level: 'silent' }),
      ),
    );
    const gatewayServer = gateway.listen(0, '127.0.0.1');
    await new Promise((resolve) => gatewayServer.once('listening', resolve));
    const base = `http://127.0.0.1:${(gatewayServer.address() as { port: number }).port}`;
    const forged = { [INGEST_FORWARDING_HEADER]: 'v1.forged.proof' };
    try {
      await fetch(`${base}/ingest/penalties`, {
        method: 'POST',
        headers: { authorization: AUTHORIZATION, ...forged },
        body: 'x',
      });
      await fetch(`${base}/ingest/penalties`, { method: 'POST', headers: forged, body: 'x' });
      await fetch(`${base}/reports/publicity-quality.csv`, { headers: { authorization: AUTHORIZATION, ...forged } });
      await fetch(`${base}/hall`, { headers: { authorization: AUTHORIZATION, ...forged } });
      const proofs = seen.map((headers) => headers[INGEST_FORWARDING_HEADER]);
      expect(proofs).toHaveLength(4);
      expect(verifyIngestForwarding(String(proofs[0]), AUTHORIZATION, publicKey)).toBe(true);
      expect(proofs.slice(1)).toEqual([undefined, undefined, undefined]);
    } finally {
      gatewayServer.close();
      ingestServer.close();
    }
  });
});

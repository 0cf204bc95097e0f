import express from 'express';
import pino from 'pino';
import {
  forwardedServices,
  isHallPath,
  isIngestPath,
  serviceForwarding,
} from '../../gateway/transport/service-forwarding';

/** The gateway's forwarding table: which paths leave the gateway, and for which service. */
describe('the forwarding table', () => {
  it('gives the pages to the hall and nothing that only begins like them', () => {
    for (const path of ['/', '/hall', '/hall/x', '/auth/login', '/verify', '/documents/R-1.pdf', '/assets/a.css'])
      expect([path, isHallPath(path)]).toEqual([path, true]);
    for (const path of ['/graphql', '/hallway', '/ingest/penalties', '/health/ready'])
      expect([path, isHallPath(path)]).toEqual([path, false]);
  });

  it('gives uploads and the CSV export to the ingest, by method', () => {
    expect(isIngestPath('POST', '/ingest/penalties')).toBe(true);
    expect(isIngestPath('GET', '/ingest/penalties')).toBe(false);
    expect(isIngestPath('POST', '/ingest')).toBe(false);
    expect(isIngestPath('GET', '/reports/publicity-quality.csv')).toBe(true);
    expect(isIngestPath('HEAD', '/reports/publicity-quality.csv')).toBe(true);
    expect(isIngestPath('POST', '/reports/publicity-quality.csv')).toBe(false);
    expect(isIngestPath('GET', '/reports/grade-distribution.csv')).toBe(true);
  });

  it('answers a service’s paths 503 when it has no URL, and passes the others on', async () => {
    const app = express();
    app.use(serviceForwarding(forwardedServices({}), pino({ level: 'silent' })));
    app.use((_req, res) => res.status(404).send('the gateway’s own'));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const upload = await fetch(`${base}/ingest/penalties`, { method: 'POST', body: 'x' });
      expect([upload.status, upload.headers.get('retry-after'), await upload.text()]).toEqual([
        503,
        '5',
        expect.stringContaining('报送服务暂不可用'),
      ]);
      expect((await fetch(`${base}/hall`)).status).toBe(503);
      expect((await fetch(`${base}/graphql`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});

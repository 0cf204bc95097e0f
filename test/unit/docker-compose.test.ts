import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SERVICE_NODE_FLAGS } from '../../shared/config/node-flags';
import {
  DEFAULT_GATEWAY_METRICS_PORT,
  DEFAULT_PORTS,
  portVariable,
  SUBGRAPH_NAMES,
  urlVariable,
} from '../../shared/config/services';

/** docker-compose.yml is not run here (no Docker engine): this checks it against what the code reads. */
interface ComposeService {
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  expose?: string[];
  depends_on?: unknown;
  healthcheck?: { test?: string[] };
}

const root = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}
const code = ['shared', 'gateway', 'hall', 'ingest', 'subgraphs', 'scripts']
  .flatMap((dir) => sources(join(root, dir)))
  .join('\n');

describe('docker-compose.yml', () => {
  it('runs postgres, the subgraphs, the hall, the ingest and the gateway, each from the one Dockerfile', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['postgres', 'gateway', 'hall', 'ingest', ...SUBGRAPH_NAMES].sort(),
    );
    for (const name of ['gateway', 'hall', 'ingest', ...SUBGRAPH_NAMES]) expect(compose.services[name].build).toBe('.');
  });

  it('runs the hall on the internal network only, forwarded to by the gateway and calling it back', () => {
    const hall = compose.services.hall;
    expect(hall.command).toEqual(['node', 'dist/hall/index.js']);
    expect(hall.environment?.[portVariable('hall')]).toBe(String(DEFAULT_PORTS.hall));
    expect(hall.expose).toEqual([String(DEFAULT_PORTS.hall)]);
    expect(hall.ports).toBeUndefined();
    expect(hall.environment?.GATEWAY_URL).toBe(`http://gateway:${DEFAULT_PORTS.gateway}`);
    expect(hall.environment?.INTERNAL_PRIVATE_KEY).toBeUndefined();
    expect(compose.services.gateway.environment?.HALL_URL).toBe(`http://hall:${DEFAULT_PORTS.hall}`);
  });

  it('runs the ingest on the internal network only, forwarded to by the gateway and posting back to it', () => {
    const ingest = compose.services.ingest;
    expect(ingest.command).toEqual(['node', 'dist/ingest/index.js']);
    expect(ingest.environment?.[portVariable('ingest')]).toBe(String(DEFAULT_PORTS.ingest));
    expect(ingest.expose).toEqual([String(DEFAULT_PORTS.ingest)]);
    expect(ingest.ports).toBeUndefined();
    expect(ingest.environment?.GATEWAY_URL).toBe(`http://gateway:${DEFAULT_PORTS.gateway}`);
    expect(ingest.environment?.INTERNAL_PRIVATE_KEY).toBeUndefined();
    expect(compose.services.gateway.environment?.INGEST_URL).toBe(`http://ingest:${DEFAULT_PORTS.ingest}`);
  });

  it.each(SUBGRAPH_NAMES.map((name) => [name]))(
    'starts the %s subgraph on its port, reachable on the network, on postgres',
    (name) => {
      const service = compose.services[name];
      expect(service.command).toEqual(['node', `dist/subgraphs/${name}/index.js`]);
      expect(service.environment?.[portVariable(name)]).toBe(String(DEFAULT_PORTS[name]));
      expect(service.expose).toEqual([String(DEFAULT_PORTS[name])]);
      expect(service.environment?.BIND_HOST).toBe('0.0.0.0');
      expect(service.environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    },
  );

  it('gives the gateway alone the internal private key, every subgraph its public half, and the gateway production token keys', () => {
    expect(compose.services.gateway.environment?.INTERNAL_PRIVATE_KEY).toMatch(/^\$\{INTERNAL_PRIVATE_KEY:\?/);
    for (const name of SUBGRAPH_NAMES) {
      expect(compose.services[name].environment?.INTERNAL_PUBLIC_KEY).toMatch(/^\$\{INTERNAL_PUBLIC_KEY:\?/);
      expect(compose.services[name].environment?.INTERNAL_PRIVATE_KEY).toBeUndefined();
    }
    expect(compose.services.gateway.environment?.AUTH_JWKS_URL).toBeDefined();
    expect(compose.services.gateway.environment?.AUTH_JWT_SECRET).toBeUndefined();
  });

  it('points the gateway at every subgraph and publishes its port', () => {
    const gateway = compose.services.gateway;
    expect(gateway.command).toEqual(['node', 'dist/gateway/index.js']);
    expect(gateway.environment?.[portVariable('gateway')]).toBe(String(DEFAULT_PORTS.gateway));
    expect(gateway.ports).toEqual([`${DEFAULT_PORTS.gateway}:${DEFAULT_PORTS.gateway}`]);
    for (const name of SUBGRAPH_NAMES) {
      expect(gateway.environment?.[urlVariable(name)]).toBe(`http://${name}:${DEFAULT_PORTS[name]}/graphql`);
    }
  });

  it.each(['gateway', 'hall', 'ingest', ...SUBGRAPH_NAMES].map((name) => [name]))(
    'checks %s by its own /health/ready on its own port',
    (name) => {
      const probe = compose.services[name].healthcheck?.test ?? [];
      expect(probe.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
      expect(probe[3]).toContain(`'http://127.0.0.1:${DEFAULT_PORTS[name as 'gateway']}/health/ready'`);
    },
  );

  it('starts the gateway once every subgraph is ready, and keeps its metrics port internal', () => {
    const gateway = compose.services.gateway;
    expect(gateway.depends_on).toEqual(
      Object.fromEntries([...SUBGRAPH_NAMES, 'hall', 'ingest'].map((name) => [name, { condition: 'service_healthy' }])),
    );
    expect(gateway.environment?.GATEWAY_METRICS_PORT).toBe(String(DEFAULT_GATEWAY_METRICS_PORT));
    expect(gateway.expose).toEqual([String(DEFAULT_GATEWAY_METRICS_PORT)]);
    expect(gateway.ports?.some((port) => port.includes(String(DEFAULT_GATEWAY_METRICS_PORT)))).toBe(false);
  });

  it('sets only variables the code reads', () => {
    const derived = new Set(
      [...SUBGRAPH_NAMES, 'gateway', 'hall', 'ingest']
        .map((n) => portVariable(n as 'gateway'))
        .concat(SUBGRAPH_NAMES.map(urlVariable)),
    );
    for (const name of ['gateway', 'hall', 'ingest', ...SUBGRAPH_NAMES]) {
      for (const variable of Object.keys(compose.services[name].environment ?? {})) {
        expect([variable, derived.has(variable) || new RegExp(`['.]${variable}\\b`).test(code)]).toEqual([
          variable,
          true,
        ]);
      }
    }
  });

  it('runs every service of the image with the V8 flags the system start passes (SERVICE_NODE_FLAGS)', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    const nodeOptions = /^ENV NODE_OPTIONS=(.*)$/m.exec(runtime)?.[1].split(/\s+/) ?? [];
    expect(nodeOptions).toEqual([...SERVICE_NODE_FLAGS]);
    for (const service of Object.values(compose.services)) expect(service.environment?.NODE_OPTIONS).toBeUndefined();
  });
});

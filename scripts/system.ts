import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DEV_IDP_PORT, DEFAULT_GATEWAY_RESOURCE, DEFAULT_HALL_CLIENT_ID } from '../dev-identity/config';
import { generateInternalKeyPair, InternalKeyPair } from '../shared/auth/internal-token';
import type { GatewayUrlMessage } from '../shared/config/gateway-url';
import { SERVICE_NODE_FLAGS } from '../shared/config/node-flags';
import {
  DEFAULT_GATEWAY_METRICS_PORT,
  DEFAULT_PORTS,
  defaultSubgraphUrl,
  portVariable,
  ServiceName,
  SUBGRAPH_NAMES,
  SubgraphName,
  urlVariable,
} from '../shared/config/services';
import { EmbeddedDatabase, startEmbeddedDatabase } from '../shared/db/embedded';
import { chinaToday } from '../shared/domain/today';
import { installEventBus } from '../shared/events/bus';
import { shutdownGraceMs } from '../shared/http/graceful-stop';
import { isListeningMessage } from '../shared/http/listening-port';
import { createLogger } from '../shared/logging/logger';
import { randomKey } from './dev-secrets';
import { decideRestart, RestartPolicy, restartPolicy } from './restart-policy';

const busLogger = createLogger('system');

/**
 * Starts the whole system as separate processes — the subgraphs, the hall
 * pages and the file ingest, then the gateway (which forwards the pages' paths
 * to the hall, the uploads and the CSV export to the ingest) — on a
 * PostgreSQL server (DATABASE_URL) or the embedded one.
 * `npm start` and the end-to-end tests both use it.
 */
export interface SystemOptions {
  /** A real PostgreSQL; undefined starts the embedded database. */
  databaseUrl?: string;
  /** Where the embedded database keeps its files; undefined = a temporary folder removed at stop. */
  dataDir?: string;
  /** Ports of the gateway, its metrics listener and the subgraphs; 0 lets each process bind a free one itself and report it (never picked ahead). */
  ports?: Partial<SystemPorts>;
  demoData?: boolean;
  /** Extra environment for every process. */
  env?: NodeJS.ProcessEnv;
  /** HS256 secret the gateway verifies tokens with, unless the environment configures AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE. */
  jwtSecret?: string;
  /** Gateway → subgraph signing keys (the gateway gets the private half, the subgraphs the public one); generated when not given. */
  internalKeys?: InternalKeyPair;
  /** Where the processes' output goes: 'inherit' or a folder for one log file each. */
  output?: 'inherit' | { logDir: string };
  /** Compiled entry points live here (dist). */
  distDir: string;
  /** How long a subgraph may take to migrate, seed and answer /health/ready (large demo datasets take longer). */
  startTimeoutMs?: number;
  /** Called when a process exits while the system is meant to be running (and supervision does not restart it). */
  onUnexpectedExit?(service: string, code: number | null): void;
  /** Restart a process that dies after start-up (npm start). Off by default: in the tests a crash must be reported. */
  supervise?: SupervisionOptions;
  /**
   * Start the development identity provider (dev-identity/) first, and sign in with it: the gateway verifies
   * its tokens (AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE, beside the jwtSecret's), the hall signs in there
   * (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET). Never in production (it refuses to start).
   */
  devIdentity?: boolean;
}

export interface SupervisionOptions {
  policy?: Partial<RestartPolicy>;
  /** Called once the system has stopped because one service crashed too often; `reason` says which and how often. */
  onGiveUp(reason: string): void;
}

export interface RunningSystem {
  /** The one public address: /graphql, and the pages the gateway forwards to the hall (/, /hall, /verify, …). */
  gatewayUrl: string;
  /** The hall process itself (internal; a test that checks it is unreachable from outside, or talks to it directly). */
  hallUrl: string;
  /** The ingest process itself (internal: POST /ingest/… and the CSV export reach it through the gateway). */
  ingestUrl: string;
  /** The development identity provider's issuer (http://localhost:<port>), when it runs. */
  devIdentityUrl?: string;
  databaseUrl: string;
  ports: SystemPorts;
  stop(): Promise<void>;
  /** Sends a signal to one running process (a fault test's SIGTERM); false when it is not running. */
  signal(service: string, signal: NodeJS.Signals): boolean;
  /** Fault injection: SIGKILLs one subgraph (or the hall, or the ingest) and waits until it is gone (not reported as an unexpected exit). */
  kill(service: KillableService): Promise<void>;
  /** Starts a killed subgraph again and waits until it answers /health/ready. */
  restart(service: KillableService): Promise<void>;
}

/** What a fault test may kill and start again: the gateway is the system's front door, not a part of it. */
export type KillableService = SubgraphName | 'hall' | 'ingest';

/** The services' ports and the gateway's internal metrics listener (GATEWAY_METRICS_PORT). */
export type SystemPorts = typeof DEFAULT_PORTS & { gatewayMetrics: number; devIdentity: number };

/** The development identity provider: not a service of a deployment, only of a development system. */
const DEV_IDENTITY = 'dev-identity';
type ProcessName = ServiceName | typeof DEV_IDENTITY;

/** Every process on a port of its own choosing (tests, benchmarks: several systems on one machine). */
export const FREE_PORTS: SystemPorts = {
  ...(Object.fromEntries(Object.keys(DEFAULT_PORTS).map((name) => [name, 0])) as typeof DEFAULT_PORTS),
  gatewayMetrics: 0,
  devIdentity: 0,
};

/**
 * Polls /health/ready until it answers 200, the process dies, or the deadline passes. `url` is null
 * while a process started on port 0 has not yet said which port it bound.
 */
async function waitHealthy(
  name: string,
  url: () => string | null,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // A process killed by a signal has no exit code, only a signal code.
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} exited with ${child.signalCode ?? `code ${child.exitCode}`} while starting`);
    const target = url();
    try {
      if (target !== null) {
        const response = await fetch(target, { signal: AbortSignal.timeout(1000) });
        if (response.ok) return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not become healthy within ${timeoutMs / 1000} s (${url() ?? 'no port reported yet'})`);
}

/** Keys given in the environment (INTERNAL_PRIVATE_KEY and INTERNAL_PUBLIC_KEY), both or neither. */
function configuredKeys(): InternalKeyPair | null {
  const { INTERNAL_PRIVATE_KEY: privateKey, INTERNAL_PUBLIC_KEY: publicKey } = process.env;
  if (!privateKey && !publicKey) return null;
  if (!privateKey || !publicKey)
    throw new Error('set both INTERNAL_PRIVATE_KEY and INTERNAL_PUBLIC_KEY, or neither (a fresh pair is generated)');
  return { privateKey, publicKey };
}

export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  // 0 stays 0 until the process itself has bound a port (shared/http/listening-port.ts).
  const requested = options.ports ?? {};
  const ports: SystemPorts = {
    ...DEFAULT_PORTS,
    ...requested,
    gatewayMetrics: requested.gatewayMetrics ?? (requested.gateway === 0 ? 0 : DEFAULT_GATEWAY_METRICS_PORT),
    devIdentity: requested.devIdentity ?? DEFAULT_DEV_IDP_PORT,
  };
  // At stop, a process is given its grace period to finish its requests in flight (SHUTDOWN_GRACE_SECONDS), then killed.
  const forceAfterMs = shutdownGraceMs({ ...process.env, ...options.env }) + 5_000;
  const startTimeoutMs = options.startTimeoutMs ?? 120_000;
  let embedded: EmbeddedDatabase | null = null;
  // The log folder may not exist yet (a fresh clone's .data): made here, where the logs are written.
  if (options.output && options.output !== 'inherit') mkdirSync(options.output.logDir, { recursive: true });
  const logFile =
    options.output && options.output !== 'inherit' ? join(options.output.logDir, 'database.log') : undefined;
  const databaseUrl =
    options.databaseUrl ??
    (embedded = await startEmbeddedDatabase({ dataDir: options.dataDir, distDir: options.distDir, logFile })).url;
  const children = new Map<string, ChildProcess>();
  const killed = new Set<string>();
  let stopping = false;
  // Supervision starts once the whole system is up: a failure during start-up fails startSystem.
  let started = false;
  const policy = options.supervise ? restartPolicy(options.supervise.policy) : null;
  const crashTimes = new Map<string, number[]>();
  const pendingRestarts = new Set<NodeJS.Timeout>();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    DATABASE_URL: databaseUrl,
    DEMO_DATA: String(options.demoData ?? true),
    // One reference date for all four slices of the demo dataset.
    DEMO_TODAY: options.env?.DEMO_TODAY ?? process.env.DEMO_TODAY ?? chinaToday(),
  };
  const keys = options.internalKeys ?? configuredKeys() ?? generateInternalKeyPair();
  // Only the gateway holds the private key: a subgraph's environment never carries it.
  delete env.INTERNAL_PRIVATE_KEY;
  env.INTERNAL_PUBLIC_KEY = keys.publicKey;
  if (options.jwtSecret) env.AUTH_JWT_SECRET = options.jwtSecret;
  // A caller that wants a free gateway port (a test's system) gets a free metrics port too: two systems never collide on 9464.
  env.GATEWAY_METRICS_PORT = String(ports.gatewayMetrics);
  // The subgraphs' URLs are set once they listen (see below), before the gateway starts.

  const entry = (name: ProcessName): string =>
    name === 'gateway' || name === 'hall' || name === 'ingest' || name === DEV_IDENTITY
      ? `${name}/index.js`
      : `subgraphs/${name}/index.js`;
  const portOf = (name: ProcessName): number => (name === DEV_IDENTITY ? ports.devIdentity : ports[name]);
  // Set once the development identity provider listens (options.devIdentity): what the hall and the gateway are told of it.
  const signInEnv: Partial<Record<ProcessName, NodeJS.ProcessEnv>> = {};
  // Known once the gateway listens: the hall, the ingest and the reports subgraph call it as their caller (shared/config/gateway-url.ts).
  let gatewayBase: string | null = null;
  const healthUrl = (name: ProcessName) => (): string | null =>
    portOf(name) === 0 ? null : `http://127.0.0.1:${portOf(name)}/health/ready`;

  const launch = (name: ProcessName): ChildProcess => {
    const output = options.output ?? 'inherit';
    // A restart gets the port the first start bound: the gateway points at it. A restart after the gateway is up learns its address at once.
    const own = {
      ...env,
      [name === DEV_IDENTITY ? 'DEV_IDP_PORT' : portVariable(name)]: String(portOf(name)),
      ...(name === 'gateway' ? { GATEWAY_METRICS_PORT: String(ports.gatewayMetrics) } : {}),
      ...signInEnv[name],
      ...(gatewayBase !== null && !env.GATEWAY_URL ? { GATEWAY_URL: gatewayBase } : {}),
    };
    const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, join(options.distDir, entry(name))], {
      env: name === 'gateway' ? { ...own, INTERNAL_PRIVATE_KEY: keys.privateKey } : own,
      // The IPC channel carries the one message saying which port the process bound.
      stdio: output === 'inherit' ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.on('message', (message: unknown) => {
      if (!isListeningMessage(message)) return;
      if (name === DEV_IDENTITY) ports.devIdentity = message.port;
      else ports[name] = message.port;
      if (name === 'gateway' && message.metricsPort !== undefined) ports.gatewayMetrics = message.metricsPort;
    });
    if (output !== 'inherit') {
      const log = createWriteStream(join(output.logDir, `${name}.log`));
      child.stdout?.pipe(log);
      child.stderr?.pipe(log);
    }
    child.on('exit', (code, signal) => {
      children.delete(name);
      if (stopping || killed.has(name)) return;
      if (policy && started) supervise(name, code, signal, policy);
      else options.onUnexpectedExit?.(name, code);
    });
    children.set(name, child);
    return child;
  };

  /** A crashed process: started again after the policy's back-off, or the system stops when it crashes too often. */
  const supervise = (name: ProcessName, code: number | null, signal: NodeJS.Signals | null, rules: RestartPolicy) => {
    const { decision, crashes } = decideRestart(rules, crashTimes.get(name) ?? [], Date.now());
    crashTimes.set(name, crashes);
    const exit = signal ? `signal ${signal}` : `code ${code}`;
    if (decision.action === 'give-up') {
      const reason = `${name} crashed ${decision.crashesInWindow} times within ${rules.windowMs / 1000} s (last: ${exit}); stopping the system`;
      busLogger.error({ service: name, code, signal, crashes: decision.crashesInWindow }, reason);
      void stop().then(() => options.supervise?.onGiveUp(reason));
      return;
    }
    busLogger.warn(
      { service: name, code, signal, delayMs: decision.delayMs, crashes: decision.crashesInWindow },
      `${name} exited (${exit}); restarting in ${decision.delayMs / 1000} s`,
    );
    const timer = setTimeout(() => {
      pendingRestarts.delete(timer);
      if (stopping) return;
      const child = launch(name);
      // A restart that dies again is the exit handler's next crash; here only a healthy answer or a hang is logged.
      waitHealthy(name, healthUrl(name), child, startTimeoutMs).then(
        () => busLogger.info({ service: name }, `${name} restarted and healthy`),
        (error: unknown) => {
          if (child.exitCode === null && child.signalCode === null)
            busLogger.error(
              { service: name },
              `${name} restart: ${error instanceof Error ? error.message : String(error)}`,
            );
        },
      );
    }, decision.delayMs);
    pendingRestarts.add(timer);
  };

  // One stop, however many callers (supervision giving up and the owner's own stop may overlap).
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopped ??= stopAll());
  const stopAll = async () => {
    stopping = true;
    for (const timer of pendingRestarts) clearTimeout(timer);
    pendingRestarts.clear();
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            const force = setTimeout(() => child.kill('SIGKILL'), forceAfterMs);
            child.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    await embedded?.stop();
  };

  let devIdentityUrl: string | undefined;
  /** The development identity provider first: the hall and the gateway are started knowing its issuer. */
  const startDevIdentity = async () => {
    const clientSecret = randomKey();
    signInEnv[DEV_IDENTITY] = {
      DEV_IDP_CLIENT_ID: DEFAULT_HALL_CLIENT_ID,
      DEV_IDP_CLIENT_SECRET: clientSecret,
      DEV_IDP_RESOURCE: DEFAULT_GATEWAY_RESOURCE,
      // Its redirect URIs are loopback ones, which match on any port: the gateway's may be a free one.
      DEV_IDP_HALL_URL: `http://localhost:${ports.gateway || DEFAULT_PORTS.gateway}`,
    };
    await waitHealthy(DEV_IDENTITY, healthUrl(DEV_IDENTITY), launch(DEV_IDENTITY), 60_000);
    const issuer = `http://localhost:${ports.devIdentity}`;
    devIdentityUrl = issuer;
    signInEnv.hall = {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: DEFAULT_HALL_CLIENT_ID,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_RESOURCE: DEFAULT_GATEWAY_RESOURCE,
    };
    signInEnv.gateway = {
      AUTH_JWKS_URL: `${issuer}/jwks`,
      AUTH_PUBLIC_KEY_FILE: '',
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: DEFAULT_GATEWAY_RESOURCE,
    };
  };

  try {
    await installEventBus(databaseUrl, busLogger);
    if (options.devIdentity) await startDevIdentity();
    await Promise.all(
      SUBGRAPH_NAMES.map((name) => {
        const child = launch(name);
        return waitHealthy(name, healthUrl(name), child, startTimeoutMs);
      }),
    );
    for (const name of SUBGRAPH_NAMES) env[urlVariable(name)] = defaultSubgraphUrl(name, ports[name]);
    await Promise.all(
      (['hall', 'ingest'] as const).map((name) => waitHealthy(name, healthUrl(name), launch(name), 60_000)),
    );
    env.HALL_URL = `http://127.0.0.1:${ports.hall}`;
    env.INGEST_URL = `http://127.0.0.1:${ports.ingest}`;
    const gateway = launch('gateway');
    await waitHealthy('gateway', healthUrl('gateway'), gateway, 60_000);
    gatewayBase = `http://127.0.0.1:${ports.gateway}`;
    const message: GatewayUrlMessage = { type: 'gateway-url', url: gatewayBase };
    for (const child of children.values()) if (child.connected) child.send(message);
  } catch (error) {
    await stop();
    throw error;
  }
  started = true;
  const signal = (service: string, name: NodeJS.Signals): boolean => children.get(service)?.kill(name) ?? false;
  const kill = async (service: KillableService) => {
    const child = children.get(service);
    if (!child) throw new Error(`${service} is not running`);
    killed.add(service);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  };
  const restart = async (service: KillableService) => {
    if (children.has(service)) throw new Error(`${service} is still running`);
    const child = launch(service);
    killed.delete(service);
    await waitHealthy(service, healthUrl(service), child, startTimeoutMs);
  };
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}`,
    hallUrl: `http://127.0.0.1:${ports.hall}`,
    ingestUrl: `http://127.0.0.1:${ports.ingest}`,
    devIdentityUrl,
    databaseUrl,
    ports,
    stop,
    signal,
    kill,
    restart,
  };
}

/**
 * Where a service that calls the gateway *as its caller* (the hall pages, the
 * reports subgraph gathering a report's sections) finds it. A deployment names it
 * in GATEWAY_URL (docker-compose: http://gateway:4000). Under scripts/system.ts the
 * gateway starts after these services — it must know their addresses — so on free
 * ports (tests) its address does not exist yet when they start: the parent sends
 * it over the IPC channel once the gateway listens, and again to a restarted process.
 */
export interface GatewayUrlMessage {
  type: 'gateway-url';
  url: string;
}

export function isGatewayUrlMessage(message: unknown): message is GatewayUrlMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as GatewayUrlMessage).type === 'gateway-url' &&
    typeof (message as GatewayUrlMessage).url === 'string'
  );
}

let told: string | null = null;
const waiting: ((url: string) => void)[] = [];

/** Starts listening for the parent's message; a service calls it once at start-up, before it listens. */
export function listenForGatewayUrl(): void {
  process.on('message', (message: unknown) => {
    if (!isGatewayUrlMessage(message)) return;
    told = message.url.replace(/\/+$/, '');
    for (const resolve of waiting.splice(0)) resolve(told);
  });
}

/**
 * The gateway's base URL (no trailing slash): GATEWAY_URL, or what the parent said.
 * Waits at most `timeoutMs` for the parent's message; a service with neither is misconfigured.
 */
export function gatewayUrl(timeoutMs = 10_000, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env.GATEWAY_URL?.trim();
  if (configured) return Promise.resolve(configured.replace(/\/+$/, ''));
  if (told !== null) return Promise.resolve(told);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.splice(waiting.indexOf(done), 1);
      reject(new Error('GATEWAY_URL is not set and no gateway address was received from the parent process'));
    }, timeoutMs);
    timer.unref();
    const done = (url: string) => {
      clearTimeout(timer);
      resolve(url);
    };
    waiting.push(done);
  });
}

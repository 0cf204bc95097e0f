import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The one Prometheus registry of this process. Every metric family registers
 * here at import; `initMetrics` names the service (a label on every series) and
 * starts Node's own metrics (CPU, memory, event-loop lag, GC) once.
 */
export const metricsRegistry = new Registry();

let initialised = false;

export function initMetrics(service: string): void {
  metricsRegistry.setDefaultLabels({ service });
  if (initialised) return;
  initialised = true;
  collectDefaultMetrics({ register: metricsRegistry });
}

/** The text a Prometheus scrape reads, and its content type. */
export async function scrape(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

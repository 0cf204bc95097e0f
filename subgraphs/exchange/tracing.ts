// First import of index.ts: tracing (when configured) must be on before http and pg are loaded.
import { startTracing } from '../../shared/tracing/start-tracing';

startTracing('exchange');

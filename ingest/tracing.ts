// First import of index.ts: tracing (when configured) must be on before http is loaded.
import { startTracing } from '../shared/tracing/start-tracing';

startTracing('ingest');

import './tracing';
import { runService } from '../shared/http/run-service';
import { loadIngestConfig } from './config';
import { createIngest } from './server';

runService({
  name: 'ingest',
  build: (logger, shutdown) => {
    const config = loadIngestConfig();
    return { app: createIngest(config, logger, shutdown), port: config.port, host: config.host };
  },
  // An upload is applied while it arrives: 100,000 rows take about a minute, so the 300 s default would cut
  // off the largest files; an hour still ends a request that never finishes.
  requestTimeoutMs: 3_600_000,
});

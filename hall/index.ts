import './tracing';
import { runService } from '../shared/http/run-service';
import { loadHallConfig } from './config';
import { createHall } from './server';

runService({
  name: 'hall',
  build: (logger, shutdown) => {
    const config = loadHallConfig();
    return { app: createHall(config, logger, shutdown), port: config.port, host: config.host };
  },
});

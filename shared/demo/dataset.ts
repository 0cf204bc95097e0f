import { optionalEnv } from '../config/env';
import { chinaToday } from '../domain/today';
import { generateDemoData } from './generator';
import type { DemoDataset, DemoOptions } from './types';

/**
 * The options every subgraph process uses, so that the four slices they seed
 * come from one and the same dataset. `npm start` fixes DEMO_TODAY for all.
 */
export function demoOptions(env: NodeJS.ProcessEnv = process.env): DemoOptions {
  return {
    seed: Number(optionalEnv('DEMO_SEED', '20200101', env)),
    subjects: Number(optionalEnv('DEMO_SUBJECTS', '2000', env)),
    today: optionalEnv('DEMO_TODAY', chinaToday(), env),
  };
}

export function demoDataset(env: NodeJS.ProcessEnv = process.env): DemoDataset {
  return generateDemoData(demoOptions(env));
}

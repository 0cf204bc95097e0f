/** npm run compose: writes supergraph.graphql (commit it; a test fails when it is stale). */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE } from './supergraph';

composeSupergraph()
  .then((sdl) => {
    writeFileSync(SUPERGRAPH_FILE, sdl);
    process.stdout.write(`wrote ${SUPERGRAPH_FILE} (${sdl.length} bytes)\n`);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { composeSupergraph, SUPERGRAPH_FILE } from '../../scripts/supergraph';
import { apiSchema, clientOperations } from '../support/operations';

describe('the supergraph', () => {
  it('is what `npm run compose` writes from the subgraphs today (run it and commit when this fails)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', SUPERGRAPH_FILE), 'utf8');
    expect(await composeSupergraph()).toBe(committed);
  }, 60_000);

  it.each(clientOperations().map((op) => [op.file, op.source]))(
    'validates the client operation %s',
    (_file, source) => {
      expect(validate(apiSchema(), parse(source)).map((error) => error.message)).toEqual([]);
    },
  );
});

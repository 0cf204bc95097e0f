import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { BATCH_SCREEN, ownPart, PUBLISHED_LIST } from '../../bench/operations';
import { loadSupergraph } from '../../gateway/auth/supergraph-rules';
import { supergraphSdl } from '../support/operations';

/** The benchmark's "subgraph alone" documents: what the sanctions subgraph can answer of the clients' operations. */
describe('benchmark documents for one subgraph', () => {
  const sanctions = Supergraph.build(loadSupergraph(supergraphSdl()).planningSdl)
    .subgraphs()
    .get('sanctions')!
    .schema.toGraphQLJSSchema();

  it.each([
    ['BatchScreen', BATCH_SCREEN],
    ['PublishedList', PUBLISHED_LIST],
  ])('%s keeps only fields the sanctions subgraph defines, and is valid there', (_name, document) => {
    const own = ownPart(document, 'sanctions');
    expect(validate(sanctions, parse(own))).toEqual([]);
    expect(validate(sanctions, parse(document)).length).toBeGreaterThan(0);
  });

  it('drops a field whose whole selection belongs elsewhere, and keeps the rest of its parent', () => {
    expect(ownPart(PUBLISHED_LIST, 'sanctions')).not.toMatch(/subject|name/);
    expect(ownPart(PUBLISHED_LIST, 'sanctions')).toMatch(/decidedBy \{\s+code\s+\}/);
    expect(ownPart(BATCH_SCREEN, 'sanctions')).toMatch(/subject \{\s+id\s+creditStatus\s+\}/);
  });
});

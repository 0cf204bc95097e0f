import { parse, validate } from 'graphql';
import * as operations from '../../hall/browser/operations';
import { apiSchema } from '../support/operations';

/** The documents the hall's pages send are valid against the committed supergraph (the clients' contract). */
describe('the pages’ operations', () => {
  const schema = apiSchema();
  const documents = Object.entries(operations).filter((entry): entry is [string, string] => typeof entry[1] === 'string');

  it('are all checked', () => {
    expect(documents.map(([name]) => name).sort()).toEqual(['HALL_LOOKUP', 'ISSUE_CREDIT_REPORT', 'RECORD_MEASURE_APPLIED', 'SEARCH_SUBJECTS', 'VERIFY_CREDIT_REPORT']);
  });

  it.each(documents)('%s validates', (_name, source) => {
    expect(validate(schema, parse(source)).map((error) => error.message)).toEqual([]);
  });
});

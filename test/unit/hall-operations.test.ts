import { parse, validate } from 'graphql';
import * as operations from '../../hall/browser/operations';
import { apiSchema } from '../support/operations';

/** The documents the hall's pages send are valid against the committed supergraph (the clients' contract). */
describe('the pages’ operations', () => {
  const schema = apiSchema();
  const documents: [string, string][] = Object.entries(operations).flatMap(([name, value]) =>
    typeof value === 'string' ? [[name, value] as [string, string]] : [],
  );

  it('are all checked', () => {
    expect(documents.map(([name]) => name).sort()).toEqual([
      'FILE_OBJECTION',
      'HALL_LOOKUP',
      'ISSUE_CREDIT_REPORT',
      'ISSUE_DECISION_DOCUMENT',
      'MY_ACTIONS',
      'MY_LICENSES',
      'MY_PENALTIES',
      'MY_SUBJECT',
      'OBJECTION_PROGRESS',
      'OWN_CREDIT_REPORT',
      'PUBLISHED_LIST',
      'RECORD_MEASURE_APPLIED',
      'REPAIR_PROGRESS',
      'SEARCH_SUBJECTS',
      'TAKE_REPAIR_APPLICATION',
      'VERIFY_CREDIT_REPORT',
      'VERIFY_DECISION_DOCUMENT',
    ]);
  });

  it.each(documents)('%s validates', (_name, source) => {
    expect(validate(schema, parse(source)).map((error) => error.message)).toEqual([]);
  });
});

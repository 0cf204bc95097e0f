import { withoutLiterals } from '../../shared/tracing/sql-literals';

describe('withoutLiterals (SQL text in spans)', () => {
  it('replaces the values MikroORM inlines and keeps the statement shape', () => {
    expect(withoutLiterals(`select "s0".* from "subjects"."subject" as "s0" where "s0"."uscc" in ('91320508MAH8DCJ77W', '9144030071526726XG') limit 21`)).toBe(
      `select "s0".* from "subjects"."subject" as "s0" where "s0"."uscc" in (?, ?) limit ?`,
    );
    expect(withoutLiterals(`select * from "m" where "scenarios" && '{BIDDING}' and "fine" > 1.5e3 and "n" = -42`)).toBe(`select * from "m" where "scenarios" && ? and "fine" > ? and "n" = -?`);
  });

  it('keeps placeholders, identifiers with digits and quoted identifiers', () => {
    expect(withoutLiterals(`select "t1"."a2", b3 from "x9" t1 where t1.id = $1 and t1.k = $12`)).toBe(`select "t1"."a2", b3 from "x9" t1 where t1.id = $1 and t1.k = $12`);
  });

  it('removes strings whatever their quoting: doubled quotes, E-strings, dollar quotes', () => {
    expect(withoutLiterals(`insert into p (name) values ('O''Brien 张三')`)).toBe(`insert into p (name) values (?)`);
    expect(withoutLiterals(`select E'a\\'320502199001011234' as x`)).toBe(`select ? as x`);
    expect(withoutLiterals(`select $$320502199001011234$$, $tag$it's 1$tag$`)).toBe(`select ?, ?`);
    // A quote inside a quoted identifier does not shift what counts as a string.
    expect(withoutLiterals(`select "it's" from t where a = 'secret'`)).toBe(`select "it's" from t where a = ?`);
  });
});

import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * 地名表: the roads of 姑苏区 and the 街道 their addresses belong to (rules/street.ts reads the rows;
 * the migration inserts rules/street-gazetteer-defaults.ts with their source). A subject's street is
 * derived from its registered address when the address is written.
 */
@Entity({ tableName: 'street_gazetteer' })
export class StreetGazetteer {
  @PrimaryKey({ length: 32 })
  road!: string;

  @Property({ length: 16 })
  street!: string;

  @Property({ type: 'text' })
  source!: string;
}

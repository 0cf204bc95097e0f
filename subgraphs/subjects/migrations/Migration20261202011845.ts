import { Migration } from '@mikro-orm/migrations';

export class Migration20261202011845 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "subjects"."subject" drop constraint if exists "subject_kind_check";`);

    this.addSql(`alter table "subjects"."administrative_action" add column "remarks" text null;`);

    this.addSql(
      `alter table "subjects"."administrative_license" add column "remarks" text null, add column "category_detail" varchar(32) null, add column "status" text check ("status" in ('VALID', 'INVALID')) not null default 'VALID', add column "invalidated_at" timestamptz null, add column "invalidation_reason" text null;`,
    );

    this.addSql(`alter table "subjects"."administrative_penalty" add column "remarks" text null;`);

    this.addSql(
      `alter table "subjects"."subject" add column "id_type" varchar(24) null, add column "registration_no" varchar(15) null, add column "org_code" varchar(9) null, add column "tax_registration_no" varchar(20) null, add column "institution_certificate_no" varchar(64) null, add column "social_org_registration_no" varchar(64) null, add column "legal_rep_id_type" varchar(24) null;`,
    );
    this.addSql(
      `alter table "subjects"."subject" alter column "id_number" type varchar(32) using ("id_number"::varchar(32));`,
    );
    this.addSql(
      `alter table "subjects"."subject" alter column "legal_rep_id_number" type varchar(32) using ("legal_rep_id_number"::varchar(32));`,
    );
    this.addSql(
      `alter table "subjects"."subject" add constraint "subject_kind_check" check("kind" in ('ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMER_COOPERATIVE', 'SOCIAL_ORGANIZATION', 'PUBLIC_INSTITUTION', 'GOVERNMENT_AGENCY', 'NATURAL_PERSON', 'RURAL_COLLECTIVE', 'OTHER_ORGANIZATION'));`,
    );
    this.addSql(
      `alter table "subjects"."subject" add constraint "subject_registration_no_unique" unique ("registration_no");`,
    );

    // Issue 13: keep existing data, and correct it. Subjects classed ENTERPRISE only because their
    // registration authority was not 1, 5 or 9 take the kind GB 32100 gives their first two characters.
    this.addSql(`update "subjects"."subject" set "kind" = case
        when left("uscc", 1) = 'N' then 'RURAL_COLLECTIVE'
        when left("uscc", 2) = 'A1' then 'PUBLIC_INSTITUTION'
        when left("uscc", 2) = '13' then 'SOCIAL_ORGANIZATION'
        else 'OTHER_ORGANIZATION' end
      where "kind" = 'ENTERPRISE' and "uscc" is not null and left("uscc", 2) <> '91';`);
    // Until now every ID was a 居民身份证: say so, now that there are other types.
    this.addSql(
      `update "subjects"."subject" set "id_type" = '身份证' where "id_number" is not null and "id_type" is null;`,
    );
    this.addSql(
      `update "subjects"."subject" set "legal_rep_id_type" = '身份证' where "legal_rep_id_number" is not null and "legal_rep_id_type" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "subjects"."subject" drop constraint if exists "subject_kind_check";`);

    this.addSql(`alter table "subjects"."administrative_action" drop column "remarks";`);

    this.addSql(
      `alter table "subjects"."administrative_license" drop column "remarks", drop column "category_detail", drop column "status", drop column "invalidated_at", drop column "invalidation_reason";`,
    );

    this.addSql(`alter table "subjects"."administrative_penalty" drop column "remarks";`);

    this.addSql(`alter table "subjects"."subject" drop constraint "subject_registration_no_unique";`);
    this.addSql(
      `alter table "subjects"."subject" drop column "id_type", drop column "registration_no", drop column "org_code", drop column "tax_registration_no", drop column "institution_certificate_no", drop column "social_org_registration_no", drop column "legal_rep_id_type";`,
    );

    this.addSql(
      `alter table "subjects"."subject" alter column "id_number" type varchar(18) using ("id_number"::varchar(18));`,
    );
    this.addSql(
      `alter table "subjects"."subject" alter column "legal_rep_id_number" type varchar(18) using ("legal_rep_id_number"::varchar(18));`,
    );
    this.addSql(
      `alter table "subjects"."subject" add constraint "subject_kind_check" check("kind" in ('ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMER_COOPERATIVE', 'SOCIAL_ORGANIZATION', 'PUBLIC_INSTITUTION', 'GOVERNMENT_AGENCY', 'NATURAL_PERSON'));`,
    );
  }
}

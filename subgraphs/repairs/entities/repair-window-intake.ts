import { Entity, Enum, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { RequiresScopes } from '../../../shared/auth/directives';
import { SCOPES } from '../../../shared/auth/policy';
import { PersonIdType } from '../../../shared/identifiers/person-id';
import { maskPersonName } from '../../../shared/identifiers/person-name';
import { ApplicantCapacity } from '../rules/channel';
import './enums';

/**
 * 窗口受理身份核验: who came to the window for a WINDOW case, which document was
 * checked and by whom. Written in the transaction that files the case; the document
 * number is kept masked only, the name as given (its reading is masked).
 */
@ObjectType({ description: '窗口受理身份核验记录 (needs credit:read, as the case)' })
@RequiresScopes([SCOPES.read])
@Entity({ tableName: 'repair_window_intake' })
export class RepairWindowIntake {
  @PrimaryKey({ type: 'uuid' })
  caseId!: string;

  @Field(() => ApplicantCapacity, { description: '到场人身份' })
  @Enum(() => ApplicantCapacity)
  capacity!: ApplicantCapacity;

  /** 到场人姓名 as given; read masked. */
  @Property({ length: 64 })
  personName!: string;

  @Field(() => String, { name: 'personName', description: '到场人姓名 (脱敏: 张**)' })
  get personNameMasked(): Opt<string> {
    return maskPersonName(this.personName);
  }

  @Field(() => PersonIdType, { description: '核验的身份证件类型' })
  @Enum(() => PersonIdType)
  documentType!: PersonIdType;

  @Field({ description: '证件号码 (只存脱敏后的)' })
  @Property({ length: 40 })
  documentNumberMasked!: string;

  @Field(() => String, { nullable: true, description: '授权委托书编号 / 存档号 (受托代理人)' })
  @Property({ length: 100, nullable: true })
  powerOfAttorneyRef!: string | null;

  @Field({ description: '核验人 (窗口工作人员 sub)' })
  @Property({ length: 200 })
  checkedBySub!: string;

  @Field({ description: '核验人姓名' })
  @Property({ length: 200 })
  checkedByName!: string;

  @Field(() => String, { nullable: true, description: '核验人所属单位' })
  @Property({ length: 32, nullable: true })
  checkedByOrg!: string | null;

  @Field({ description: '核验时间' })
  @Property({ type: 'datetime' })
  checkedAt!: Date;
}

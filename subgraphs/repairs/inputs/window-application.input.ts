import { Field, InputType } from 'type-graphql';
import { badUserInput } from '../../../shared/graphql/errors';
import { POWER_OF_ATTORNEY_REF_LENGTH, WINDOW_PERSON_NAME_LENGTH } from '../../../shared/graphql/input-limits';
import { maskPersonId, normalizePersonId, personIdProblem, PersonIdType } from '../../../shared/identifiers/person-id';
import '../entities/enums';
import { ApplicantCapacity } from '../rules/channel';
import { RepairApplicationInput } from './repair-application.input';

@InputType({ description: '窗口身份核验: the person at the window and the document the clerk checked' })
export class WindowIdentityInput {
  @Field(() => ApplicantCapacity, { description: '到场人身份: 法定代表人 / 本人 / 受托代理人' })
  capacity!: ApplicantCapacity;

  @Field({ description: '到场人姓名 (受托代理人: 代理人姓名)' })
  name!: string;

  @Field(() => PersonIdType, { description: '核验的身份证件类型' })
  documentType!: PersonIdType;

  @Field({ description: '证件号码 (checked, then kept masked only)' })
  documentNumber!: string;

  @Field(() => String, {
    nullable: true,
    description: '授权委托书编号 / 存档号: required of a 受托代理人, refused otherwise',
  })
  powerOfAttorneyRef?: string | null;
}

@InputType({
  description:
    '窗口受理信用修复申请: the application as applyForRepair takes it, and the identity checked at the window',
})
export class WindowRepairApplicationInput extends RepairApplicationInput {
  @Field(() => WindowIdentityInput)
  identity!: WindowIdentityInput;
}

export interface CheckedIdentity {
  capacity: ApplicantCapacity;
  personName: string;
  documentType: PersonIdType;
  documentNumberMasked: string;
  powerOfAttorneyRef: string | null;
}

/** The identity as recorded, every field checked; the number is validated whole and kept masked. */
export function identityArgument(input: WindowIdentityInput): CheckedIdentity {
  const name = input.name.trim();
  if (name === '' || Array.from(name).length > WINDOW_PERSON_NAME_LENGTH)
    throw badUserInput(
      'input.identity.name',
      `'input.identity.name' must have 1–${WINDOW_PERSON_NAME_LENGTH} characters`,
    );
  const number = normalizePersonId(input.documentNumber);
  const problem = personIdProblem(input.documentType, number);
  if (problem !== null) throw badUserInput('input.identity.documentNumber', problem);
  const reference = input.powerOfAttorneyRef?.trim() ?? '';
  if (input.capacity === ApplicantCapacity.AGENT && reference === '')
    throw badUserInput(
      'input.identity.powerOfAttorneyRef',
      'a 受托代理人 presents the 授权委托书: its number or filing reference is required',
    );
  if (input.capacity !== ApplicantCapacity.AGENT && reference !== '')
    throw badUserInput('input.identity.powerOfAttorneyRef', 'only a 受托代理人 presents a 授权委托书');
  if (reference.length > POWER_OF_ATTORNEY_REF_LENGTH)
    throw badUserInput(
      'input.identity.powerOfAttorneyRef',
      `'input.identity.powerOfAttorneyRef' has at most ${POWER_OF_ATTORNEY_REF_LENGTH} characters`,
    );
  return {
    capacity: input.capacity,
    personName: name,
    documentType: input.documentType,
    documentNumberMasked: maskPersonId(number),
    powerOfAttorneyRef: reference === '' ? null : reference,
  };
}

import { PersonIdType } from '../../shared/identifiers/person-id';
import { identityArgument, WindowIdentityInput } from '../../subgraphs/repairs/inputs/window-application.input';
import { ApplicantCapacity } from '../../subgraphs/repairs/rules/channel';

const RESIDENT_ID = '11010519491231002X';

function identity(extra: Partial<WindowIdentityInput> = {}): WindowIdentityInput {
  return Object.assign(new WindowIdentityInput(), {
    capacity: ApplicantCapacity.LEGAL_REPRESENTATIVE,
    name: ' 张小明 ',
    documentType: PersonIdType.RESIDENT_ID,
    documentNumber: RESIDENT_ID.toLowerCase(),
    powerOfAttorneyRef: null,
    ...extra,
  });
}

function argumentOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { extensions: { argument: string } }).extensions.argument;
  }
  return undefined;
}

describe('the identity checked at the window', () => {
  it('keeps the document number masked only, the name trimmed', () => {
    expect(identityArgument(identity())).toEqual({
      capacity: ApplicantCapacity.LEGAL_REPRESENTATIVE,
      personName: '张小明',
      documentType: PersonIdType.RESIDENT_ID,
      documentNumberMasked: '110105********002X',
      powerOfAttorneyRef: null,
    });
  });

  it('refuses a number that is not of its document type (a resident ID with a wrong check character)', () => {
    expect(argumentOf(() => identityArgument(identity({ documentNumber: '110105194912310021' })))).toBe(
      'input.identity.documentNumber',
    );
  });

  it('asks an agent for the 授权委托书, and no one else', () => {
    expect(argumentOf(() => identityArgument(identity({ capacity: ApplicantCapacity.AGENT })))).toBe(
      'input.identity.powerOfAttorneyRef',
    );
    expect(
      identityArgument(identity({ capacity: ApplicantCapacity.AGENT, powerOfAttorneyRef: ' WT-2026-0031 ' }))
        .powerOfAttorneyRef,
    ).toBe('WT-2026-0031');
    expect(argumentOf(() => identityArgument(identity({ powerOfAttorneyRef: 'WT-2026-0031' })))).toBe(
      'input.identity.powerOfAttorneyRef',
    );
  });

  it('refuses a blank name', () => {
    expect(argumentOf(() => identityArgument(identity({ name: '  ' })))).toBe('input.identity.name');
  });
});

/**
 * The sandbox's people, in one place: the UCWA simulator's directory, the Huawei simulator's enterprise and the
 * local channel's Teams users are all made from this list, so "Bob Kelly" is Bob Kelly wherever he shows up and the
 * README's names are the ones people see. Plain data: the simulators and the local tools may import it without
 * importing each other.
 */
export interface SandboxPerson {
  /** UPN, SIP address without `sip:` and Huawei user id alike. */
  upn: string;
  name: string;
  company: string;
  department: string;
  title: string;
  /** The UCWA directory's work phone, a tel: URI. */
  workPhoneNumber: string;
  /** The sandbox's sign-in password (documented in the README); only pool members can sign in. */
  password?: string;
  /** Huawei Cloud Meeting: the enterprise and the person's admin type there (1 admin, 2 member). */
  huawei?: { corpId: string; adminType: 1 | 2 };
}

const contoso = (
  upn: string,
  name: string,
  department: string,
  title: string,
  phone: string,
  password: string | undefined,
  adminType: 1 | 2 = 2,
): SandboxPerson => ({ upn, name, company: 'Contoso Ltd.', department, title, workPhoneNumber: `tel:+1425555${phone}`, password, huawei: { corpId: 'contoso', adminType } });

/** The four Teams users of the local tenant, the README's people, in the order the chat offers them. */
export const sandboxTeamsUsers = {
  alice: contoso('alice@contoso.com', 'Alice Wood', 'Finance', 'Finance Director', '0101', 'Alice-Pass-1'),
  bob: contoso('bob@contoso.com', 'Bob Kelly', 'Engineering', 'Software Engineer', '0102', 'Bob-Pass-1'),
  carol: contoso('carol@contoso.com', 'Carol Diaz', 'Finance', 'Controller', '0103', 'Carol-Pass-1'),
  admin: contoso('admin@contoso.com', 'Ada Admin', 'IT', 'IT Administrator', '0100', 'Ada-Pass-1', 1),
} as const satisfies Record<string, SandboxPerson>;

/** Everyone else the simulators know: a colleague who is not a Teams user here, and guests from other companies. */
export const sandboxOthers: readonly SandboxPerson[] = [
  { ...contoso('frank@contoso.com', 'Frank Fischer', 'Engineering', 'Engineering Manager', '0104', undefined), huawei: undefined },
  {
    upn: 'dave@fabrikam.com',
    name: 'Dave Fisher',
    company: 'Fabrikam, Inc.',
    department: 'Sales',
    title: 'Account Manager',
    workPhoneNumber: 'tel:+12065550199',
    password: 'Dave-Pass-1',
    huawei: { corpId: 'fabrikam', adminType: 1 },
  },
  { upn: 'erin@litware.com', name: 'Erin Evans', company: 'Litware', department: 'Consulting', title: 'Consultant', workPhoneNumber: 'tel:+14155550142' },
];

export function sandboxDirectory(): SandboxPerson[] {
  return [...Object.values(sandboxTeamsUsers), ...sandboxOthers];
}

export function sandboxPerson(upn: string): SandboxPerson | undefined {
  const wanted = upn.toLowerCase();
  return sandboxDirectory().find((person) => person.upn === wanted);
}

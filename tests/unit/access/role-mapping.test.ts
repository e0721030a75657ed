import { resolveDashboardRoles } from '../../../src/domain/access/role-mapping';
import { secretsEqual } from '../../../src/domain/access/session-token';

const OID = '6b1b6b1b-1111-2222-3333-444455556666';

describe('resolveDashboardRoles', () => {
  it('maps the app roles of the token', () => {
    expect(resolveDashboardRoles(['Lotse.Admin'], OID, {})).toEqual(['admin']);
    expect(resolveDashboardRoles(['Lotse.Advisor', 'Lotse.Admin', 'Lotse.Admin'], OID, {})).toEqual(['advisor', 'admin']);
  });

  it('prefers the token roles over the allow-list', () => {
    expect(resolveDashboardRoles(['Lotse.Advisor'], OID, { [OID]: ['admin'] })).toEqual(['advisor']);
  });

  it('uses the allow-list (by lower-case object id) when the token has no Lotse app role', () => {
    expect(resolveDashboardRoles(undefined, OID.toUpperCase(), { [OID]: ['advisor'] })).toEqual(['advisor']);
    expect(resolveDashboardRoles(['Other.Role'], OID, { [OID]: ['admin', 'advisor'] })).toEqual(['advisor', 'admin']);
  });

  it('grants nothing for unknown roles, malformed claims or accounts not on the list', () => {
    expect(resolveDashboardRoles(['lotse.admin', 'Admin'], OID, {})).toEqual([]);
    expect(resolveDashboardRoles('Lotse.Admin', OID, {})).toEqual([]);
    expect(resolveDashboardRoles([{ role: 'Lotse.Admin' }], OID, {})).toEqual([]);
    expect(resolveDashboardRoles([], 'someone-else', { [OID]: ['admin'] })).toEqual([]);
  });
});

describe('secretsEqual', () => {
  it('is true only for the same secret', () => {
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abc', 'abd')).toBe(false);
    expect(secretsEqual('abc', 'abcd')).toBe(false);
    expect(secretsEqual('', 'abc')).toBe(false);
  });
});

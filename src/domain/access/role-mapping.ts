import type { DashboardRole } from './dashboard-user';
import { DASHBOARD_ROLES } from './dashboard-user';

/** The app roles of the Lotse app registration in Entra ID and the dashboard role each grants. */
export const APP_ROLES: Readonly<Record<string, DashboardRole>> = {
  'Lotse.Advisor': 'advisor',
  'Lotse.Admin': 'admin',
};

/** Dashboard roles by Entra object id (lower case), for tenants that do not assign app roles. */
export type RoleAllowList = Readonly<Record<string, readonly DashboardRole[]>>;

/**
 * The dashboard roles of a signed-in account: from the token's `roles` claim when it carries any
 * Lotse app role, otherwise from the allow-list by object id. Unknown roles are ignored; the result
 * is sorted and free of duplicates (empty = no access).
 */
export function resolveDashboardRoles(rolesClaim: unknown, objectId: string, allowList: RoleAllowList): DashboardRole[] {
  const claimed = Array.isArray(rolesClaim) ? rolesClaim.filter((role): role is string => typeof role === 'string') : [];
  const fromToken = claimed.map((role) => APP_ROLES[role]).filter((role): role is DashboardRole => role !== undefined);
  const roles = fromToken.length > 0 ? fromToken : (allowList[objectId.toLowerCase()] ?? []);
  return DASHBOARD_ROLES.filter((role) => roles.includes(role));
}

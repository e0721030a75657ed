/** Roles in the dashboard: advisors work tickets, admins curate the knowledge and see analytics. */
export const DASHBOARD_ROLES = ['advisor', 'admin'] as const;

export type DashboardRole = (typeof DASHBOARD_ROLES)[number];

/** A signed-in dashboard user (from the Entra ID token, or the development sign-in). Personal data: never logged. */
export interface DashboardUser {
  /** Entra object id (`oid`), the same id Teams activities carry as `aadObjectId`. */
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly tenantId: string;
  readonly roles: readonly DashboardRole[];
}

/** True when the user has the role; admins may do everything advisors may. */
export function hasRole(user: Pick<DashboardUser, 'roles'>, role: DashboardRole): boolean {
  return user.roles.includes(role) || (role === 'advisor' && user.roles.includes('admin'));
}

import type { DashboardRoute } from './dashboard-route';
import { homePage } from './home.page';

/**
 * The dashboard's pages, mounted by `registerDashboard`. The feature pages (tickets, knowledge,
 * console, gaps, analytics) are added here with the services they need.
 */
export function dashboardRoutes(features: readonly DashboardRoute[] = []): DashboardRoute[] {
  return [homePage, ...features];
}

import type { RequestHandler } from 'restify';
import type { DashboardRole, DashboardUser } from '../../domain/access/dashboard-user';
import type { Html } from './html';

/** One request to a dashboard page, after sign-in, role and (for POST) CSRF checks passed. */
export interface DashboardRequest {
  readonly user: DashboardUser;
  /** The session's CSRF token: put it into every form as hidden field `_csrf` (see `csrfField`). */
  readonly csrfToken: string;
  /** Path parameters, e.g. `{ id }` for `/dashboard/tickets/:id`. */
  readonly params: Readonly<Record<string, string>>;
  /** Query string values (repeated keys give arrays). */
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  /** Form fields of a POST (`application/x-www-form-urlencoded` or `multipart` text fields); empty for GET. */
  readonly form: Readonly<Record<string, string | readonly string[]>>;
  /** The request's path with query, for links back. */
  readonly url: string;
}

/** What a dashboard page answers. Pages render inside the common layout (`layout.ts`). */
export type DashboardResponse =
  | {
      readonly kind: 'page';
      readonly title: string;
      readonly body: Html;
      /** Default 200; 422 for a form with field errors, 404, 409. */
      readonly status?: number;
      /** A one-line notice shown above the content (e.g. "Gespeichert."), announced to screen readers. */
      readonly notice?: string;
    }
  /** Post/redirect/get: after a successful POST. `notice` is shown on the next page once. */
  | { readonly kind: 'redirect'; readonly location: string; readonly notice?: string }
  | { readonly kind: 'download'; readonly filename: string; readonly contentType: string; readonly body: string | Buffer };

/** A dashboard page or action; the router checks sign-in, `role` and CSRF before `handle` runs. */
export interface DashboardRoute {
  readonly method: 'GET' | 'POST';
  /** restify path below the site root, e.g. `/dashboard/tickets/:id`. */
  readonly path: string;
  readonly role: DashboardRole;
  /** The navigation entry this page belongs to (highlighted in the menu). */
  readonly section?: 'tickets' | 'knowledge' | 'console' | 'gaps' | 'analytics';
  /**
   * POST only: body parsers mounted before the router's own form parser, e.g. `knowledgeUploadParser()`
   * for a file upload. A route with them also accepts `multipart/form-data`; the parsers must leave
   * the fields (including `_csrf`) as strings in `req.body`. Sign-in, role, origin and CSRF checks
   * still run before `handle`.
   */
  readonly bodyParsers?: readonly RequestHandler[];
  handle(request: DashboardRequest): Promise<DashboardResponse>;
}

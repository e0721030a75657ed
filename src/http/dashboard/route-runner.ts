import restify from 'restify';
import type { Request, Response, Server } from 'restify';
import type { DashboardSession } from '../../domain/access/dashboard-session';
import { hasRole } from '../../domain/access/dashboard-user';
import { AppError, ErrorCode } from '../../domain/errors';
import { hasControlCharacter, safeReturnPath, signInPath } from './auth/return-path';
import { readCookie, SESSION_COOKIE } from './cookies';
import type { DashboardContext } from './dashboard-context';
import type { DashboardRequest, DashboardResponse, DashboardRoute } from './dashboard-route';
import { errorPageFor, INVALID_INPUT_PAGE, noAccessPage, REFUSED_POST_PAGE, SESSION_EXPIRED_PAGE } from './pages';
import { checkPost, expectedOrigins, FORM_CONTENT_TYPE, MULTIPART_CONTENT_TYPE } from './request-checks';
import { readForm, readParams, readQuery } from './request-input';
import { secure, sendPage, sendRedirect } from './respond';


/** Largest dashboard form; the server-wide MAX_BODY_BYTES applies first. */
const MAX_FORM_BYTES = 1024 * 1024;

/**
 * The body parser of dashboard POSTs: `application/x-www-form-urlencoded` only. `mapParams: false`
 * keeps form values out of the path parameters; values that come out as objects (`a[b]=c`) are
 * refused later by `readForm`.
 */
export function formParsers(): restify.RequestHandler[] {
  const options = { mapParams: false, maxBodySize: MAX_FORM_BYTES } as restify.plugins.BodyParserOptions;
  return restify.plugins.urlEncodedBodyParser(options);
}

/** Mounts one dashboard route: sign-in, role and (POST) CSRF/origin checks, then the handler, then its response. */
export function mountRoute(server: Server, ctx: DashboardContext, route: DashboardRoute): void {
  const handler = async (req: Request, res: Response) => runRoute(ctx, route, req, res);
  if (route.method === 'GET') server.get(route.path, handler);
  else server.post(route.path, ...(route.bodyParsers ?? []), ...formParsers(), handler);
}

async function runRoute(ctx: DashboardContext, route: DashboardRoute, req: Request, res: Response): Promise<void> {
  secure(ctx, res);
  let session: DashboardSession | null = null;
  try {
    session = await ctx.sessions.resolve(readCookie(req.headers, SESSION_COOKIE));
    if (!session) {
      if (route.method === 'GET') sendRedirect(res, 302, signInPath(req.url ?? '/dashboard'));
      else sendPage(res, SESSION_EXPIRED_PAGE);
      return;
    }
    const layout = { signedIn: { user: session.user, csrfToken: session.csrfToken }, section: route.section, url: req.url };
    if (!hasRole(session.user, route.role)) {
      sendPage(res, noAccessPage(session.user, { needed: route.role, signedIn: true }), layout);
      return;
    }
    const request = readRequest(ctx, route, req, session);
    if ('refused' in request) {
      ctx.httpLog.warn({ route: route.path, reason: request.refused }, 'dashboard request refused');
      sendPage(res, request.refused === 'invalid_input' ? INVALID_INPUT_PAGE : REFUSED_POST_PAGE, layout);
      return;
    }
    const response = await route.handle(request);
    await sendResponse(ctx, res, session, response, layout);
  } catch (error) {
    sendError(ctx, res, route, error, session, req.url);
  }
}

/** The handler's input, or why the request is refused before the handler runs. */
function readRequest(
  ctx: DashboardContext,
  route: DashboardRoute,
  req: Request,
  session: DashboardSession,
): DashboardRequest | { refused: string } {
  let form: DashboardRequest['form'] | null = {};
  if (route.method === 'POST') {
    const accepted = route.bodyParsers ? [FORM_CONTENT_TYPE, MULTIPART_CONTENT_TYPE] : [FORM_CONTENT_TYPE];
    const refusal = checkPost(req.headers, req.body, session.csrfToken, expectedOrigins(ctx.config.publicUrl, req.headers), accepted);
    if (refusal) return { refused: refusal };
    form = readForm(req.body);
  }
  const params = readParams(req.params);
  if (form === null || params === null) return { refused: 'invalid_input' };
  const url = req.url ?? route.path;
  return { user: session.user, csrfToken: session.csrfToken, params, query: readQuery(url), form, url };
}

async function sendResponse(
  ctx: DashboardContext,
  res: Response,
  session: DashboardSession,
  response: DashboardResponse,
  layout: Parameters<typeof sendPage>[2],
): Promise<void> {
  switch (response.kind) {
    case 'page': {
      const stored = await ctx.sessions.takeNotice(session);
      const notices = [stored, response.notice].filter((notice): notice is string => typeof notice === 'string');
      sendPage(res, { status: response.status ?? 200, title: response.title, body: response.body }, { ...layout, notices });
      return;
    }
    case 'redirect': {
      const location = safeRedirect(response.location);
      if (response.notice) await ctx.sessions.setNotice(session, response.notice);
      sendRedirect(res, res.req.method === 'POST' ? 303 : 302, location);
      return;
    }
    case 'download':
      res.sendRaw(200, typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body, {
        'Content-Type': response.contentType,
        'Content-Disposition': contentDisposition(response.filename),
      });
      return;
  }
}

/** A handler may only redirect within the dashboard. */
function safeRedirect(location: string): string {
  if (safeReturnPath(location) !== location && location !== '/dashboard') {
    throw new AppError(ErrorCode.Internal, 'a dashboard handler redirected outside the dashboard');
  }
  return location;
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function contentDisposition(filename: string): string {
  const clean = [...filename].filter((char) => !hasControlCharacter(char) && char !== '/' && char !== '\\').join('').trim() || 'download';
  const ascii = clean.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean)}`;
}

function sendError(ctx: DashboardContext, res: Response, route: DashboardRoute, error: unknown, session: DashboardSession | null, url: string | undefined): void {
  const page = errorPageFor(error);
  if (page.unexpected) {
    ctx.httpLog.error({ route: route.path, reference: page.reference, err: error instanceof Error ? { name: error.name, stack: error.stack } : undefined }, 'dashboard handler failed');
  } else {
    ctx.httpLog.info({ route: route.path, code: (error as AppError).code, status: page.status }, 'dashboard handler refused the request');
  }
  if (res.headersSent) return;
  const layout = session ? { signedIn: { user: session.user, csrfToken: session.csrfToken }, section: route.section, url } : {};
  sendPage(res, page, layout);
}

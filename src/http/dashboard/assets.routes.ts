import { createHash } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { DASHBOARD_SCRIPT } from './assets/dashboard-script';
import { DASHBOARD_STYLESHEET } from './assets/dashboard-stylesheet';
import type { DashboardContext } from './dashboard-context';
import { secure } from './respond';

interface Asset {
  readonly path: string;
  readonly contentType: string;
  readonly body: Buffer;
  readonly etag: string;
}

function asset(path: string, contentType: string, text: string): Asset {
  const body = Buffer.from(text, 'utf8');
  return { path, contentType, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

const ASSETS: readonly Asset[] = [
  asset('/dashboard/assets/dashboard.css', 'text/css; charset=utf-8', DASHBOARD_STYLESHEET),
  asset('/dashboard/assets/dashboard.js', 'text/javascript; charset=utf-8', DASHBOARD_SCRIPT),
];

/** The stylesheet and script of the dashboard (public: the sign-in page needs them too); revalidated by ETag. */
export function registerAssetRoutes(server: Server, ctx: DashboardContext): void {
  for (const item of ASSETS) {
    server.get(item.path, async (req: Request, res: Response) => {
      secure(ctx, res);
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('ETag', item.etag);
      if (req.headers['if-none-match'] === item.etag) {
        res.sendRaw(304, '');
        return;
      }
      res.sendRaw(200, item.body, { 'Content-Type': item.contentType });
    });
  }
}

import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { createLogger } from '../logging/logger';
import { mapError } from './error-mapper';

export interface HttpServerOptions {
  readonly maxBodyBytes: number;
}

/**
 * Creates the restify server with the cross-cutting pieces every route shares: JSON body parsing
 * with a size limit, security headers, and error bodies in one format (`{ error: { code, message } }`).
 */
export function createHttpServer(options: HttpServerOptions): restify.Server {
  const log = createLogger('http');
  const server = restify.createServer({ name: 'lotse', handleUncaughtExceptions: false });

  // jsonBodyParser passes its options to restify's bodyReader, which enforces maxBodySize (413);
  // @types/restify does not declare that option.
  const bodyOptions = { maxBodySize: options.maxBodyBytes, mapParams: false } as restify.plugins.JsonBodyParserOptions;
  server.use(restify.plugins.jsonBodyParser(bodyOptions));
  server.use((_req, res, next) => {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    res.header('Cache-Control', 'no-store');
    next();
  });

  // restify's own errors (invalid JSON, body too large, unknown route) get our error body.
  server.on('restifyError', (_req, _res, err, callback) => {
    const { body } = mapError(err);
    err.toJSON = () => body;
    err.toString = () => body.error.message;
    return callback();
  });

  server.on('uncaughtException', (_req, res, _route, err: Error) => {
    log.error({ err: { name: err.name, stack: err.stack } }, 'uncaught exception in a route');
    if (!res.headersSent) res.send(500, mapError(err).body);
  });

  return server;
}

/** Starts listening; resolves with the bound address. */
export function listen(server: restify.Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Stops accepting connections and closes idle keep-alive ones; resolves when the server is closed. */
export function closeServer(server: restify.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.server.closeIdleConnections?.();
  });
}

/**
 * After the running turns are done: closes keep-alive connections that became idle, and after a
 * grace period any that are still open, so that `closed` (from {@link closeServer}) resolves.
 */
export async function finishClosing(server: restify.Server, closed: Promise<void>, graceMs = 1000): Promise<void> {
  server.server.closeIdleConnections();
  const grace = setTimeout(() => server.server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(grace);
}

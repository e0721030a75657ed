// A local OpenID Connect provider for the dashboard sign-in tests: oauth2-mock-server (ESM-only,
// hence this .mjs file) over HTTPS with a self-signed certificate made at test time by openssl.
//
// Who signs in is chosen per sign-in by the test: it appends `mock_claims=<base64url(JSON)>` to the
// authorisation URL that Lotse redirected to (the same URL a browser would follow). The provider
// remembers the claims for the authorisation code it issues and adds them (tid, oid, roles, name,
// preferred_username, ...) to the tokens when Lotse redeems that code. Without `mock_claims` the
// tokens carry no tenant, so Lotse refuses them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OAuth2Server } from 'oauth2-mock-server';

/** Creates a key and a self-signed certificate for localhost / 127.0.0.1 (valid one day). */
function createCertificate(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '1',
      '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-addext', 'basicConstraints=critical,CA:TRUE',
      '-keyout', key, '-out', cert,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { key, cert };
}

function decodeClaims(value) {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  const claims = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  return claims !== null && typeof claims === 'object' && !Array.isArray(claims) ? claims : undefined;
}

/**
 * Starts the provider on 127.0.0.1 (random port). Resolves with its authority URL
 * (`https://localhost:<port>`, equal to the discovery `issuer`), the CA file to trust
 * (NODE_EXTRA_CA_CERTS) and `stop()`.
 */
export async function startOidcProvider() {
  const dir = mkdtempSync(path.join(tmpdir(), 'lotse-oidc-'));
  try {
    const { key, cert } = createCertificate(dir);
    // NODE_EXTRA_CA_CERTS takes one file: keep a CA the environment already trusts.
    const caFile = path.join(dir, 'ca.pem');
    const earlier = process.env.NODE_EXTRA_CA_CERTS ? safeRead(process.env.NODE_EXTRA_CA_CERTS) : '';
    writeFileSync(caFile, `${earlier}${earlier.endsWith('\n') || earlier === '' ? '' : '\n'}${readFileSync(cert, 'utf8')}`);

    const server = new OAuth2Server(key, cert);
    await server.issuer.keys.generate('RS256');
    const claimsByCode = new Map();
    server.service.on('beforeAuthorizeRedirect', (redirect, req) => {
      const claims = decodeClaims(req.query.mock_claims);
      const code = redirect.url.searchParams.get('code');
      if (claims && code) claimsByCode.set(code, claims);
    });
    server.service.on('beforeTokenSigning', (token, req) => {
      const claims = req.body && typeof req.body.code === 'string' ? claimsByCode.get(req.body.code) : undefined;
      if (!claims) return;
      Object.assign(token.payload, claims);
      if (typeof claims.oid === 'string') token.payload.sub = claims.oid;
    });
    server.service.on('beforeResponse', (_response, req) => {
      if (req.body && typeof req.body.code === 'string') claimsByCode.delete(req.body.code);
    });
    await server.start(0, '127.0.0.1');
    const authority = server.issuer.url;
    return {
      authority,
      caFile,
      async stop() {
        await server.stop().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function safeRead(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

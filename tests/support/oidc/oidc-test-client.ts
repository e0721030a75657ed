/**
 * The test side of the local OpenID Connect provider (started by the jest globalSetup, see
 * oidc-global.js): its authority, and how a test chooses who signs in.
 */

/** `https://localhost:<port>`, or undefined when the provider could not start (the suites are then skipped). */
export const oidcAuthority: string | undefined = process.env.LOTSE_TEST_OIDC_AUTHORITY || undefined;

/** The value of `mock_claims` for the authorisation URL: these claims end up in the ID token. */
export function mockClaims(claims: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
}

/**
 * Fails with a clear message when this process does not trust the provider's certificate: Node
 * reads NODE_EXTRA_CA_CERTS only at start, so tests that run in the jest main process
 * (`--runInBand`) cannot reach it.
 */
export async function assertOidcProviderTrusted(): Promise<void> {
  if (!oidcAuthority) return;
  try {
    await fetch(`${oidcAuthority}/.well-known/openid-configuration`);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(
      `cannot reach the local OIDC provider at ${oidcAuthority} (${cause?.code ?? cause?.message ?? String(error)}). ` +
        'Its certificate is trusted through NODE_EXTRA_CA_CERTS, which the jest workers get from the globalSetup: run jest without --runInBand.',
    );
  }
}

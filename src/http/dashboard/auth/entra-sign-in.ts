import { ConfidentialClientApplication, CryptoProvider, ProtocolMode } from '@azure/msal-node';
import type { AuthenticationResult } from '@azure/msal-node';
import { createToken } from '../../../domain/access/session-token';
import { AppError, ErrorCode } from '../../../domain/errors';

/** The settings of the app registration the dashboard signs in with. */
export interface EntraSignInSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  /** e.g. https://login.microsoftonline.com/organizations, or any OpenID Connect issuer URL. */
  readonly authority: string;
  /** `<public URL>/dashboard/auth/callback`, registered as a Web redirect URI. */
  readonly redirectUri: string;
}

/** Who signed in, from the ID token. Personal data: never logged. */
export interface SignedInAccount {
  /** `oid`: the Entra object id. */
  readonly objectId: string;
  /** `tid`: the tenant the account signed in to. */
  readonly tenantId: string;
  readonly name: string;
  readonly email: string | null;
  /** The raw `roles` claim (app roles), if any. */
  readonly rolesClaim: unknown;
}

/** What one sign-in needs from its start to its callback. */
export interface SignInSecrets {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly codeChallenge: string;
}

/** Hosts of Microsoft's Entra clouds; any other authority is used as a generic OpenID Connect issuer. */
const MICROSOFT_AUTHORITY_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

/** Only the sign-in: no API scopes are requested, and no tokens are kept after the callback. */
const SCOPES: string[] = [];

/**
 * Entra ID sign-in with msal-node: the authorisation-code flow with PKCE, `state` and `nonce`
 * (a confidential client with a client secret). msal-node validates the nonce; the caller checks
 * `state` against what it kept server-side and the tenant against the allow-list.
 */
export class EntraSignIn {
  private readonly client: ConfidentialClientApplication;
  private readonly crypto = new CryptoProvider();

  constructor(private readonly settings: EntraSignInSettings) {
    const host = new URL(settings.authority).host;
    const microsoft = MICROSOFT_AUTHORITY_HOSTS.has(host.toLowerCase()) || host.toLowerCase().endsWith('.ciamlogin.com');
    this.client = new ConfidentialClientApplication({
      auth: {
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        authority: settings.authority,
        ...(microsoft ? {} : { knownAuthorities: [host] }),
      },
      // In msal-node 7 protocolMode lives under `system` (under `auth` it is silently ignored).
      system: { protocolMode: microsoft ? ProtocolMode.AAD : ProtocolMode.OIDC },
    });
  }

  /** Fresh random values for one sign-in (PKCE pair, state, nonce). */
  async createSecrets(): Promise<SignInSecrets> {
    const pkce = await this.crypto.generatePkceCodes();
    return { state: createToken(), nonce: createToken(), codeVerifier: pkce.verifier, codeChallenge: pkce.challenge };
  }

  /** The identity provider's sign-in page for these secrets. */
  async authorizationUrl(secrets: SignInSecrets): Promise<string> {
    return this.client.getAuthCodeUrl({
      scopes: SCOPES,
      redirectUri: this.settings.redirectUri,
      codeChallenge: secrets.codeChallenge,
      codeChallengeMethod: 'S256',
      state: secrets.state,
      nonce: secrets.nonce,
      prompt: 'select_account',
    });
  }

  /**
   * Redeems the authorisation code with the PKCE verifier; returns the signed-in account.
   * Throws AppError `UNAUTHORIZED` when the provider refuses or the ID token lacks `oid`/`tid`.
   */
  async redeem(code: string, secrets: Pick<SignInSecrets, 'codeVerifier' | 'nonce' | 'state'>): Promise<SignedInAccount> {
    let result: AuthenticationResult;
    try {
      result = await this.client.acquireTokenByCode({
        code,
        codeVerifier: secrets.codeVerifier,
        nonce: secrets.nonce,
        state: secrets.state,
        scopes: SCOPES,
        redirectUri: this.settings.redirectUri,
      });
    } catch (error) {
      const providerCode = (error as { errorCode?: unknown }).errorCode;
      throw new AppError(ErrorCode.Unauthorized, 'the identity provider did not accept the sign-in', { providerCode: typeof providerCode === 'string' ? providerCode : 'unknown' }, { cause: error });
    }
    // The dashboard keeps its own session: drop msal's cached tokens of this account.
    if (result.account) await this.client.getTokenCache().removeAccount(result.account).catch(() => undefined);
    return toAccount(result.idTokenClaims as Record<string, unknown>);
  }
}

function toAccount(claims: Record<string, unknown>): SignedInAccount {
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined);
  const objectId = text(claims.oid);
  const tenantId = text(claims.tid);
  if (!objectId || !tenantId) throw new AppError(ErrorCode.Unauthorized, 'the ID token has no oid or tid claim');
  const username = text(claims.preferred_username);
  const email = text(claims.email) ?? (username?.includes('@') ? username : undefined);
  return { objectId, tenantId: tenantId.toLowerCase(), name: text(claims.name) ?? username ?? 'Unbekannt', email: email ?? null, rolesClaim: claims.roles };
}

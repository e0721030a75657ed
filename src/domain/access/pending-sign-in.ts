/**
 * The server-side half of a started Entra sign-in (authorisation-code flow with PKCE). The browser
 * holds a random token in a short-lived cookie; `id` is its SHA-256. The record binds the callback
 * to the browser that started the sign-in and keeps the values the identity provider must echo.
 */
export interface PendingSignIn {
  /** SHA-256 (hex) of the sign-in cookie token. */
  readonly id: string;
  /** Sent as `state`; the callback must bring the same value back. */
  readonly state: string;
  /** Sent as `nonce`; the ID token must carry it. */
  readonly nonce: string;
  /** PKCE code verifier; only its challenge went to the identity provider. */
  readonly codeVerifier: string;
  /** Where to go after signing in (a path below /dashboard). */
  readonly returnTo: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** Where started sign-ins wait for their callback (collection `dashboardSignIns`). Implementations: src/storage. */
export interface PendingSignInRepository {
  insert(signIn: PendingSignIn): Promise<void>;
  /** Returns the record and deletes it in the same step, so that a callback can use it once; null when unknown. */
  take(id: string): Promise<PendingSignIn | null>;
  /** Deletes records with `expiresAt <= now`. */
  deleteExpired(now: string): Promise<number>;
}

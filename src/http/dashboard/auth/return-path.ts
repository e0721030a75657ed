/** Where a sign-in ends when no (acceptable) return path was given. */
export const HOME_PATH = '/dashboard';

/**
 * A return path after sign-in: only a path of a dashboard page on this site (never another host,
 * never the sign-in pages themselves); anything else becomes the home page.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return HOME_PATH;
  if (!/^\/dashboard(?:[/?]|$)/.test(value)) return HOME_PATH;
  // Backslashes and control characters could make a browser read the path as another host.
  if (value.includes('\\') || hasControlCharacter(value)) return HOME_PATH;
  if (/^\/dashboard\/(?:auth|sign-in|sign-out|dev-sign-in)(?:[/?]|$)/.test(value)) return HOME_PATH;
  return value;
}

/** The sign-in page that returns to `path` afterwards. */
export function signInPath(path: string): string {
  const returnTo = safeReturnPath(path);
  return returnTo === HOME_PATH ? '/dashboard/sign-in' : `/dashboard/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}

/** True when the text contains a C0 control character or DEL. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

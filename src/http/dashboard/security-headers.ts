import type { ServerResponse } from 'node:http';

/**
 * Content Security Policy of every dashboard response: scripts, styles and images from Lotse only
 * (no inline code), forms post to Lotse only, no framing.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; connect-src 'self'";

const HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** Sets the security headers of every dashboard response; HSTS when the dashboard is served over https. */
export function applySecurityHeaders(res: ServerResponse, options: { readonly https: boolean }): void {
  for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
  if (options.https) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
}

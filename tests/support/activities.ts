import { randomUUID } from 'node:crypto';

/** Builds activities the way the Teams channel sends them to `/api/messages`. */
export function teamsMessage(
  serviceUrl: string,
  text: string,
  overrides: { conversationId?: string; userId?: string; locale?: string; tenantId?: string; deliveryMode?: string } = {},
): Record<string, unknown> {
  const conversationId = overrides.conversationId ?? `a:personal-${randomUUID()}`;
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: overrides.userId ?? '29:user-1', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
    recipient: { id: '28:lotse-bot', name: 'Lotse' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: overrides.tenantId ?? '11111111-1111-1111-1111-111111111111' },
    channelData: { tenant: { id: overrides.tenantId ?? '11111111-1111-1111-1111-111111111111' } },
    locale: overrides.locale ?? 'de-DE',
    text,
    textFormat: 'plain',
    ...(overrides.deliveryMode ? { deliveryMode: overrides.deliveryMode } : {}),
  };
}

/** POSTs a body to the bot's messaging endpoint. */
export async function postToBot(
  baseUrl: string,
  body: unknown,
  options: { contentType?: string; raw?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': options.contentType ?? 'application/json', ...options.headers },
    body: options.raw ?? JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed };
}

/**
 * POSTs an `invoke` activity (e.g. `adaptiveCard/action`) to the bot. Teams reads the bot's answer
 * from the HTTP response, not from the connector: `body` is the invoke response's body.
 */
export async function invokeBot(baseUrl: string, activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  return postToBot(baseUrl, activity);
}

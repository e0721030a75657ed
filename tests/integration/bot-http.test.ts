import { randomUUID } from 'node:crypto';
import { postToBot, teamsMessage } from '../support/activities';
import { FakeConnector } from '../support/fake-connector';
import { captureLogs, capturedLogs, startTestLotse } from '../support/start-test-lotse';
import type { TestLotse } from '../support/start-test-lotse';
import { testMongoUri } from '../support/test-stores';

type Activity = Record<string, unknown> & { attachments?: Array<{ contentType: string; content: Record<string, unknown> }> };

const XRECHNUNG_QUESTION = 'wir müssen xrechnungen empfangen – wie geht das technisch?';

/** All text a user would see in an activity: text plus every TextBlock of its cards. */
function visibleText(activity: Activity): string {
  const parts: string[] = [typeof activity.text === 'string' ? activity.text : ''];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') parts.push(record.text);
      if (typeof record.title === 'string') parts.push(record.title);
      Object.values(record).forEach(walk);
    }
  };
  walk(activity.attachments ?? []);
  return parts.join('\n');
}

captureLogs();

/** Store settings per backend: the embedded default, and MongoDB (FerretDB) with its own database. */
const backends: Array<[string, () => NodeJS.ProcessEnv]> = [['embedded', () => ({})]];
if (testMongoUri) {
  const uri = new URL(testMongoUri);
  backends.push(['mongodb', () => ({ MONGODB_URI: `${uri.protocol}//${uri.host}/lotse_it_${randomUUID().slice(0, 8)}` })]);
}

describe.each(backends)('the bot over HTTP (%s store)', (_name, storeEnv) => {
  const connector = new FakeConnector();
  let serviceUrl: string;
  let app: TestLotse;

  beforeAll(async () => {
    serviceUrl = await connector.start();
    app = await startTestLotse(storeEnv());
    await app.lotse.ready;
  });

  afterAll(async () => {
    await app.dispose();
    await connector.stop();
  });

  it('is alive and ready once the store and the knowledge are loaded', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { store: true, knowledge: true } });
  });

  it('answers a German question with the right FAQ entry as a card with source and feedback (expectReplies)', async () => {
    const response = await postToBot(app.url, teamsMessage(serviceUrl, XRECHNUNG_QUESTION, { deliveryMode: 'expectReplies' }));
    expect(response.status).toBe(200);
    const replies = (response.body as { activities: Activity[] }).activities;
    const card = replies.find((reply) => reply.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive');
    expect(card).toBeDefined();
    const text = visibleText(card as Activity);
    expect(text).toMatch(/XRechnungen technisch empfangen/);
    expect(text).toMatch(/Quelle/);
    expect(text).toMatch(/Hat das geholfen\?/);
  });

  it('delivers replies to the channel connector (the normal Teams path) as replies to the user message', async () => {
    const activity = teamsMessage(serviceUrl, 'Wie kann unsere Kommune XRechnungen technisch empfangen?');
    const conversationId = (activity.conversation as { id: string }).id;
    const response = await postToBot(app.url, activity);
    expect(response.status).toBe(200);
    await connector.waitFor(() => connector.sentTo(conversationId).length > 0);
    const call = connector.calls.find((c) => c.conversationId === conversationId);
    expect(call?.method).toBe('POST');
    expect(call?.activityId).toBe(activity.id);
  });

  it('welcomes a new user in German on first contact', async () => {
    const conversationId = `a:personal-${randomUUID()}`;
    const update = {
      ...teamsMessage(serviceUrl, '', { conversationId }),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: '29:user-1' }],
    };
    const response = await postToBot(app.url, update);
    expect(response.status).toBe(200);
    await connector.waitFor(() => connector.sentTo(conversationId).length > 0);
    expect(visibleText(connector.sentTo(conversationId)[0] as Activity)).toMatch(/Lotse/);
  });

  it('says honestly that it has no answer to an off-topic question', async () => {
    const response = await postToBot(app.url, teamsMessage(serviceUrl, 'Wie backe ich einen Marmorkuchen?', { deliveryMode: 'expectReplies' }));
    const replies = (response.body as { activities: Activity[] }).activities;
    expect(replies.map(visibleText).join('\n')).toMatch(/keine passende Antwort/);
  });

  it('records the question with its outcome and candidates in the store, and no message text in the log', async () => {
    const marker = `Datenschutz-Folgenabschätzung Pflicht Testmarker${randomUUID().slice(0, 8)}`;
    await postToBot(app.url, teamsMessage(serviceUrl, marker, { deliveryMode: 'expectReplies' }));
    const questions = app.lotse.store!.collection<{ _id: string; text: string; outcome: string; candidates: unknown[] }>('questions');
    const recorded = await questions.findOne({ text: marker });
    expect(recorded?.outcome).toMatch(/answer|choices|none/);
    expect(recorded?.candidates.length).toBeGreaterThan(0);
    expect(capturedLogs.join('')).not.toContain('Testmarker');
  });
});

describe('bad input on /api/messages', () => {
  const connector = new FakeConnector();
  let serviceUrl: string;
  let app: TestLotse;
  const countQuestions = () => app.lotse.store!.collection('questions').countDocuments({});

  beforeAll(async () => {
    serviceUrl = await connector.start();
    app = await startTestLotse({ MAX_BODY_BYTES: '65536' });
    await app.lotse.ready;
  });

  afterAll(async () => {
    await app.dispose();
    await connector.stop();
  });

  it('answers invalid JSON with 400 and a clear error, and records nothing', async () => {
    const before = await countQuestions();
    const response = await postToBot(app.url, undefined, { raw: '{"type": "message", ' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/JSON/) } });
    expect(await countQuestions()).toBe(before);
  });

  it.each([
    ['type', (a: Record<string, unknown>) => delete a.type],
    ['serviceUrl', (a: Record<string, unknown>) => delete a.serviceUrl],
    ['conversation', (a: Record<string, unknown>) => delete a.conversation],
    ['from', (a: Record<string, unknown>) => delete a.from],
  ])('answers an activity without %s with 400 naming the field', async (field, mutate) => {
    const activity = teamsMessage(serviceUrl, 'Was ist die BundID?');
    mutate(activity);
    const response = await postToBot(app.url, activity);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain(field);
  });

  it('answers a JSON array or a non-URL serviceUrl with 400', async () => {
    expect((await postToBot(app.url, [teamsMessage(serviceUrl, 'x')])).status).toBe(400);
    expect((await postToBot(app.url, { ...teamsMessage(serviceUrl, 'x'), serviceUrl: 'javascript:alert(1)' })).status).toBe(400);
  });

  it('answers a wrong content type with 415', async () => {
    const response = await postToBot(app.url, undefined, { raw: 'hello', contentType: 'text/plain' });
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('answers a body over the size limit with 413', async () => {
    const response = await postToBot(app.url, teamsMessage(serviceUrl, 'a'.repeat(70_000)));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('replies politely to a text over 4,000 characters instead of searching, and records nothing', async () => {
    const before = await countQuestions();
    const response = await postToBot(app.url, teamsMessage(serviceUrl, 'OZG '.repeat(1200), { deliveryMode: 'expectReplies' }));
    expect(response.status).toBe(200);
    const text = (response.body as { activities: Activity[] }).activities.map(visibleText).join('\n');
    expect(text).toMatch(/4[.\s]?000|kürzer|kürzen/);
    expect(await countQuestions()).toBe(before);
  });

  it('replies politely to an empty message', async () => {
    const response = await postToBot(app.url, teamsMessage(serviceUrl, '   ', { deliveryMode: 'expectReplies' }));
    expect(response.status).toBe(200);
    expect((response.body as { activities: Activity[] }).activities.length).toBeGreaterThan(0);
  });

  it('strips control characters and still answers', async () => {
    const response = await postToBot(app.url, teamsMessage(serviceUrl, 'Was ist die\u0000 BundID?\u0007', { deliveryMode: 'expectReplies' }));
    expect(response.status).toBe(200);
    const text = (response.body as { activities: Activity[] }).activities.map(visibleText).join('\n');
    expect(text).toMatch(/BundID/);
  });

  it('never answers 500 to unknown activity types', async () => {
    const response = await postToBot(app.url, { ...teamsMessage(serviceUrl, 'x'), type: 'somethingNew' });
    expect(response.status).toBeLessThan(500);
  });

  it('answers unknown routes with 404 in the same error format', async () => {
    const response = await fetch(`${app.url}/api/nothing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('tenants and authentication', () => {
  const ALLOWED = '11111111-1111-1111-1111-111111111111';
  const connector = new FakeConnector();
  let serviceUrl: string;

  beforeAll(async () => {
    serviceUrl = await connector.start();
  });
  afterAll(() => connector.stop());

  it('refuses activities from a tenant that is not on the allow-list with 403 and records nothing', async () => {
    const app = await startTestLotse({ ALLOWED_TENANT_IDS: ALLOWED });
    try {
      await app.lotse.ready;
      const foreign = teamsMessage(serviceUrl, 'Was ist die BundID?', { tenantId: '99999999-9999-9999-9999-999999999999' });
      const refused = await postToBot(app.url, foreign);
      expect(refused.status).toBe(403);
      expect(await app.lotse.store!.collection('questions').countDocuments({})).toBe(0);
      const own = await postToBot(app.url, teamsMessage(serviceUrl, 'Was ist die BundID?', { tenantId: ALLOWED }));
      expect(own.status).toBe(200);
    } finally {
      await app.dispose();
    }
  });

  it('requires a Bot Framework token once an app id is configured', async () => {
    const app = await startTestLotse({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-00000000b07a', MICROSOFT_APP_PASSWORD: 'test-only' });
    try {
      await app.lotse.ready;
      const response = await postToBot(app.url, teamsMessage(serviceUrl, 'Was ist die BundID?'));
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    } finally {
      await app.dispose();
    }
  });
});

import { ErrorCode, isAppError } from '../../../src/domain/errors';
import { isLoopbackHost, loadConfig, redactConfig, redactUri } from '../../../src/config/config';

const TENANT = '11111111-2222-3333-4444-555555555555';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (isAppError(error, ErrorCode.ConfigInvalid)) return error.details.problems as string[];
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('starts locally with no settings at all: loopback, port 3978, embedded store under ./data', () => {
    const sut = loadConfig({});
    expect(sut.server).toMatchObject({ host: '127.0.0.1', port: 3978 });
    expect(sut.store).toMatchObject({ mongodbUri: undefined, dataDir: './data' });
    expect(sut.bot.appId).toBe('');
  });

  it('lists every problem at once instead of stopping at the first', () => {
    const problems = problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud', MONGODB_URI: 'http://db', ANSWER_THRESHOLD: '2' });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL/);
    expect(problems.join('\n')).toMatch(/MONGODB_URI/);
    expect(problems.join('\n')).toMatch(/ANSWER_THRESHOLD/);
  });

  it('refuses a non-loopback address without bot authentication unless explicitly overridden', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })[0]).toMatch(/non-loopback/);
    expect(problemsOf({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED_NON_LOOPBACK: 'true' })).toEqual([]);
    expect(problemsOf({ HOST: '0.0.0.0', MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'secret' })).toEqual([]);
  });

  it('checks the single-tenant and managed-identity settings', () => {
    expect(problemsOf({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_PASSWORD: 's' })[0]).toMatch(
      /MICROSOFT_APP_TENANT_ID/,
    );
    expect(
      problemsOf({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT, MICROSOFT_APP_PASSWORD: 's' })[0],
    ).toMatch(/managed identity/);
    expect(problemsOf({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT })).toEqual([]);
  });

  it('parses the tenant allow-list and rejects entries that are not GUIDs', () => {
    expect(loadConfig({ ALLOWED_TENANT_IDS: ` ${TENANT.toUpperCase()} ,` }).bot.allowedTenantIds).toEqual([TENANT]);
    expect(problemsOf({ ALLOWED_TENANT_IDS: 'contoso' })[0]).toMatch(/GUID/);
  });

  it('rejects a choices threshold above the answer threshold', () => {
    expect(problemsOf({ ANSWER_THRESHOLD: '0.3', CHOICES_THRESHOLD: '0.6' })[0]).toMatch(/CHOICES_THRESHOLD/);
  });
});

describe('redactConfig', () => {
  it('never shows secrets or database credentials', () => {
    const config = loadConfig({
      MICROSOFT_APP_ID: 'app',
      MICROSOFT_APP_PASSWORD: 'top-secret',
      MONGODB_URI: 'mongodb://lotse:db-secret@db.example:27017/lotse',
    });
    const summary = JSON.stringify(redactConfig(config));
    expect(summary).not.toContain('top-secret');
    expect(summary).not.toContain('db-secret');
    expect(summary).toContain('db.example:27017');
  });

  it('redacts user and password from URIs', () => {
    expect(redactUri('mongodb+srv://u:p@host/db')).toBe('mongodb+srv://[credentials]@host/db');
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['10.0.0.1', false],
    ['lotse.example', false],
  ])('%s -> %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('answer thresholds', () => {
  it('default to the thresholds the answer engine was calibrated with', async () => {
    const { DEFAULT_DECISION_THRESHOLDS } = await import('../../../src/nlp/answer-decision');
    const { knowledge } = loadConfig({});
    expect({ answer: knowledge.answerThreshold, choices: knowledge.choicesThreshold }).toEqual(DEFAULT_DECISION_THRESHOLDS);
  });
});

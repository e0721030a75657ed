import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/config';
import { configureLogger } from '../../src/logging/logger';
import type { RunningLotse } from '../../src/main';
import { startLotse } from '../../src/main';

/** Every log line written while tests ran, as raw JSON text. */
export const capturedLogs: string[] = [];

/** Routes all logs of this test file into `capturedLogs` (call once, before starting Lotse). */
export function captureLogs(level = 'debug'): void {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      capturedLogs.push(chunk.toString('utf8'));
      callback();
    },
  });
  configureLogger(level, sink);
}

export interface TestLotse {
  readonly lotse: RunningLotse;
  readonly url: string;
  readonly dataDir: string;
  /** Stops Lotse and removes its data directory. */
  dispose(): Promise<void>;
}

/** Starts a real Lotse on 127.0.0.1 with a free port and its own temporary data directory. */
export async function startTestLotse(env: NodeJS.ProcessEnv = {}): Promise<TestLotse> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lotse-test-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    KNOWLEDGE_DIR: path.join(__dirname, '..', '..', 'knowledge'),
    SHUTDOWN_TIMEOUT_MS: '5000',
    LOG_LEVEL: 'debug',
    ...env,
  });
  const lotse = await startLotse(config);
  return {
    lotse,
    url: lotse.url,
    dataDir,
    async dispose() {
      await lotse.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * HTTP benchmark: messages per second and latency through POST /api/messages with 50 concurrent
 * conversations, for Lotse and for a bare echo bot on the same stack, each in its own process,
 * replies delivered to a fake Bot Framework connector on 127.0.0.1 (the normal Teams path).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { teamsMessage } from '../../tests/support/activities';
import { FakeConnector } from '../../tests/support/fake-connector';

export interface HttpFigures {
  readonly httpMsgPerSec: number;
  readonly httpP50Ms: number;
  readonly httpP99Ms: number;
}

const CONVERSATIONS = 50;
const MESSAGES_PER_CONVERSATION = 40;
const WARMUP_PER_CONVERSATION = 10;
const ROUNDS = 3;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function startServer(kind: 'lotse' | 'echo'): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', path.join(__dirname, 'bench-server.js'), kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const parsed = JSON.parse(line) as { url?: string };
    if (parsed.url) return { url: parsed.url, child };
  }
  throw new Error(`${kind} server did not start`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function drive(url: string, serviceUrl: string, questions: readonly string[], perConversation: number): Promise<{ latencies: number[]; elapsedMs: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONVERSATIONS }, async (_, conversation) => {
      const conversationId = `a:bench-${conversation}-${Math.random().toString(36).slice(2)}`;
      for (let i = 0; i < perConversation; i += 1) {
        const text = questions[(conversation * perConversation + i) % questions.length] ?? 'Was ist die BundID?';
        const body = JSON.stringify(teamsMessage(serviceUrl, text, { conversationId, userId: `29:bench-${conversation}` }));
        const t0 = performance.now();
        const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, elapsedMs: performance.now() - started };
}

interface RunningServer {
  readonly url: string;
  readonly child: ChildProcess;
  readonly rounds: Array<{ latencies: number[]; elapsedMs: number }>;
}

/** Throughput over all measured rounds (messages / time), and latency percentiles over all messages. */
function figuresOf(server: RunningServer): HttpFigures {
  const sorted = server.rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const elapsedMs = server.rounds.reduce((sum, r) => sum + r.elapsedMs, 0);
  return {
    httpMsgPerSec: round((sorted.length / elapsedMs) * 1000),
    httpP50Ms: round(percentile(sorted, 50)),
    httpP99Ms: round(percentile(sorted, 99)),
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Measures Lotse and the echo bot in the same run; prints a small table. */
export async function benchHttp(queriesFile: string): Promise<{ lotse: HttpFigures; echo: HttpFigures }> {
  const questions = readFileSync(queriesFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { q: string }).q);
  const connector = new FakeConnector();
  const serviceUrl = await connector.start();
  const servers: Record<'echo' | 'lotse', RunningServer> = {
    echo: { ...(await startServer('echo')), rounds: [] },
    lotse: { ...(await startServer('lotse')), rounds: [] },
  };
  try {
    // Both servers are warmed up alike, then measured in alternating rounds, so that machine noise
    // and JIT warm-up hit both; the ratio per round is printed too.
    for (const server of Object.values(servers)) await drive(server.url, serviceUrl, questions, WARMUP_PER_CONVERSATION);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const server of Object.values(servers)) server.rounds.push(await drive(server.url, serviceUrl, questions, MESSAGES_PER_CONVERSATION));
    }
    const echo = figuresOf(servers.echo);
    const lotse = figuresOf(servers.lotse);
    const perRound = servers.lotse.rounds.map((r, i) => {
      const other = servers.echo.rounds[i]!;
      return `${Math.round(((r.latencies.length / r.elapsedMs) / (other.latencies.length / other.elapsedMs)) * 100)} %`;
    });
    console.log(
      `\nHTTP /api/messages, ${CONVERSATIONS} concurrent conversations x ${MESSAGES_PER_CONVERSATION} messages, ${ROUNDS} alternating rounds after ${WARMUP_PER_CONVERSATION} warm-up messages each (replies to a fake connector)`,
    );
    console.log('                 msg/s     p50 ms    p99 ms');
    for (const [name, figures] of [['lotse', lotse], ['echo bot', echo]] as const) {
      console.log(`  ${name.padEnd(12)} ${String(figures.httpMsgPerSec).padStart(8)} ${String(figures.httpP50Ms).padStart(9)} ${String(figures.httpP99Ms).padStart(9)}`);
    }
    console.log(`  lotse / echo throughput: ${Math.round((lotse.httpMsgPerSec / echo.httpMsgPerSec) * 100)} % (per round: ${perRound.join(', ')})`);
    return { lotse, echo };
  } finally {
    await Promise.all(Object.values(servers).map((server) => stopServer(server.child)));
    await connector.stop();
  }
}

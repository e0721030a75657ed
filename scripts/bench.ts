/**
 * `npm run bench`: answer-engine latency, index build time and memory for the seed knowledge and
 * for 10,000 entries beside minisearch, then the whole bot over HTTP beside a bare echo bot on the
 * same stack, and ticket creation throughput and the 50-advisor claim race. All figures come from this one run; the last line is one JSON object.
 */
import path from 'node:path';
import { benchEngines } from './bench/engine.bench';
import { benchHttp } from './bench/http.bench';
import { benchTickets } from './bench/tickets.bench';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? (process.argv[index + 1] as string) : fallback;
}

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..', '..');
  const queries = argument('queries', path.resolve(repoRoot, '..', 'shared', 'eval', 'dev.jsonl'));
  const engines = await benchEngines();
  const http = await benchHttp(queries);
  const tickets = await benchTickets();
  const result = {
    lotse: { ...engines.lotse, httpMsgPerSec: http.lotse.httpMsgPerSec, httpP50Ms: http.lotse.httpP50Ms, httpP99Ms: http.lotse.httpP99Ms },
    minisearch: engines.minisearch,
    echo: http.echo,
    tickets,
  };
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

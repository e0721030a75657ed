/** Engine benchmark alone: `node dist/scripts/bench/engine-only.js` prints the figures as JSON (last line). */
import { benchEngines } from './engine.bench';

benchEngines()
  .then((figures) => console.log(JSON.stringify(figures)))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });

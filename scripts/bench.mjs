// `npm run bench`: builds, then runs the page-load benchmark (bench/run.ts) and the search benchmark
// (bench/search.ts) one after the other with the same options, then entity extraction (bench/entities.ts),
// each printing its own table.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
for (const step of [
  ['node', ['scripts/build.mjs']],
  ['npx', ['tsx', 'bench/run.ts', ...args]],
  ['npx', ['tsx', 'bench/search.ts', ...args]],
  ['npx', ['tsx', 'bench/entities.ts']],
]) {
  const result = spawnSync(step[0], step[1], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

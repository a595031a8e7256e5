// `npm run bench`: builds, then runs the page-load benchmark (bench/run.ts) and the search benchmark
// (bench/search.ts) one after the other with the same options, each printing its own table.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
for (const step of [
  ['node', ['scripts/build.mjs']],
  ['npx', ['tsx', 'bench/run.ts', ...args]],
  ['npx', ['tsx', 'bench/search.ts', ...args]],
]) {
  const result = spawnSync(step[0], step[1], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Row, Scenario } from './load.js';
import { rssMb } from './processes.js';

/**
 * Load from `wrk` (a separate C process, so the load generator does not share a core's event loop with
 * Node the way in-process autocannon does). Optional: `wrkVersion()` says whether it is installed.
 */

/** wrk's version line, or undefined when `wrk` is not on PATH. */
export function wrkVersion(): string | undefined {
  const probe = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (probe.error) return undefined;
  // wrk prints its version and usage, and exits 1, for --version.
  return /wrk\s+\S+/.exec(`${probe.stdout}${probe.stderr}`)?.[0];
}

/** A Lua script that requests `paths` in turn (each wrk thread starts at a different place). */
function rotationScript(paths: readonly string[]): string {
  const list = paths.map((path) => JSON.stringify(path)).join(',\n  ');
  return `local paths = {\n  ${list}\n}
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
`;
}

/** Milliseconds from wrk's "50%  1.23ms" style figures (us, ms, s). */
function toMs(value: string, unit: string): number {
  const n = Number(value);
  return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : n;
}

export interface WrkOutput {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Reads wrk's `--latency` report. */
export function parseWrk(text: string): WrkOutput {
  const percentile = (p: string) => {
    const match = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(text);
    if (!match) throw new Error(`wrk printed no ${p}% latency:\n${text}`);
    return toMs(match[1]!, match[2]!);
  };
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(text);
  if (!rps) throw new Error(`wrk printed no Requests/sec:\n${text}`);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(text)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const errors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return { rps: Number(rps[1]), p50: percentile('50'), p99: percentile('99'), non2xx, errors };
}

function runWrk(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited ${code}:\n${out}`))));
  });
}

/** A 1 s warm-up, then `duration` seconds of wrk at `connections` (2 threads); RSS read right after. */
export async function runWrkScenario(scenario: Scenario, options: { connections: number; duration: number; scratch: string }): Promise<Row> {
  const script = join(options.scratch, `wrk-${scenario.pid}-${scenario.paths.length}.lua`);
  writeFileSync(script, rotationScript(scenario.paths));
  const base = ['--threads', '2', '--connections', String(options.connections), '--timeout', '10s', '--script', script];
  await runWrk([...base, '--duration', '1s', scenario.origin]);
  const output = parseWrk(await runWrk([...base, '--duration', `${options.duration}s`, '--latency', scenario.origin]));
  return { name: scenario.name, ...output, rssMb: rssMb(scenario.pid) };
}

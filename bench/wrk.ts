import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Row, Scenario } from './load.js';
import { cpuSeconds, rssMb } from './processes.js';

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

export interface WrkOptions {
  connections: number;
  /** Seconds of each measured run. */
  duration: number;
  /** Seconds of load before the first measured run, so V8 has compiled the hot paths (ADR 0011). */
  warmup: number;
  scratch: string;
}

function wrkArgs(scenario: Scenario, options: WrkOptions): string[] {
  const script = join(options.scratch, `wrk-${scenario.pid}-${scenario.paths.length}.lua`);
  writeFileSync(script, rotationScript(scenario.paths));
  return ['--threads', '2', '--connections', String(options.connections), '--timeout', '10s', '--script', script];
}

async function measure(scenario: Scenario, args: string[], duration: number): Promise<Row> {
  const cpuBefore = cpuSeconds(scenario.pid);
  const text = await runWrk([...args, '--duration', `${duration}s`, '--latency', scenario.origin]);
  const cpuAfter = cpuSeconds(scenario.pid);
  const output = parseWrk(text);
  const requests = Number(/^\s*(\d+) requests in/m.exec(text)?.[1] ?? 0);
  const cpuUs = cpuBefore !== undefined && cpuAfter !== undefined && requests > 0 ? ((cpuAfter - cpuBefore) * 1e6) / requests : undefined;
  return { name: scenario.name, ...output, rssMb: rssMb(scenario.pid), ...(cpuUs === undefined ? {} : { cpuUs }) };
}

/** `warmup` seconds of load, then `duration` seconds measured at `connections` (2 threads); RSS read right after. */
export async function runWrkScenario(scenario: Scenario, options: WrkOptions): Promise<Row> {
  const args = wrkArgs(scenario, options);
  if (options.warmup > 0) await runWrk([...args, '--duration', `${options.warmup}s`, scenario.origin]);
  return measure(scenario, args, options.duration);
}

/** The middle value; for an even count, the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Runs the scenarios in turn, `rounds` times over (A B A B A B), after warming each, and reports each
 * scenario's median req/s, p50 and p99 over its rounds, with every round's ratio of the second scenario to
 * the first: two servers measured minutes apart on a shared 2-core machine differ by more than the gap
 * being measured, and alternating short runs lets both see the same background load.
 */
export async function runWrkRounds(scenarios: readonly Scenario[], options: WrkOptions & { rounds: number }): Promise<{ rows: Row[]; ratios: number[] }> {
  const args = scenarios.map((scenario) => wrkArgs(scenario, options));
  for (const [i, scenario] of scenarios.entries()) await runWrk([...args[i]!, '--duration', `${options.warmup}s`, scenario.origin]);
  const runs: Row[][] = scenarios.map(() => []);
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, scenario] of scenarios.entries()) runs[i]!.push(await measure(scenario, args[i]!, options.duration));
  }
  const rows = runs.map((list) => ({
    name: list[0]!.name,
    rps: median(list.map((row) => row.rps)),
    p50: median(list.map((row) => row.p50)),
    p99: median(list.map((row) => row.p99)),
    non2xx: list.reduce((sum, row) => sum + row.non2xx, 0),
    errors: list.reduce((sum, row) => sum + row.errors, 0),
    rssMb: list.at(-1)!.rssMb,
    ...(list.every((row) => row.cpuUs !== undefined) ? { cpuUs: median(list.map((row) => row.cpuUs!)) } : {}),
  }));
  const ratios = runs.length < 2 ? [] : runs[1]!.map((row, round) => row.rps / runs[0]![round]!.rps);
  return { rows, ratios };
}

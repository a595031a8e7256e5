import autocannon from 'autocannon';
import { rssMb } from './processes.js';

export interface Scenario {
  name: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** One path, or several requested in turn (one after another across all connections). */
  paths: readonly string[];
  /** The process whose RSS is reported. */
  pid: number;
}

export interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  rssMb: number | undefined;
  /** Server CPU (user + system, workers included) per request in µs, where measured. */
  cpuUs?: number;
}

let current: autocannon.Instance | undefined;

/** Stops the load run in progress, if any (for SIGINT). */
export function stopLoad(): void {
  current?.stop();
}

function fire(scenario: Scenario, connections: number, duration: number): Promise<autocannon.Result> {
  let next = 0;
  const { paths } = scenario;
  const options: autocannon.Options = {
    url: `${scenario.origin}${paths[0]}`,
    connections,
    duration,
    timeout: 10,
    ...(paths.length > 1
      ? { requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }] }
      : {}),
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => {
      clearTimeout(guard);
      current = undefined;
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(result);
    });
    current = instance;
    // autocannon ends by itself after `duration`; this only bounds a run whose requests hang.
    const guard = setTimeout(() => instance.stop(), (duration + 15) * 1000);
  });
}

/** A 1 s warm-up, then `duration` seconds of load; RSS is read right after. */
export async function runScenario(scenario: Scenario, connections: number, duration: number): Promise<Row> {
  await fire(scenario, connections, 1);
  const result = await fire(scenario, connections, duration);
  return {
    name: scenario.name,
    rps: result.requests.total / Math.max(result.duration, 0.001),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    rssMb: rssMb(scenario.pid),
  };
}

/** autocannon measures latency in whole milliseconds (0 is under one); wrk in microseconds. */
const ms = (value: number): string => (value === 0 ? '<1' : value < 10 ? value.toFixed(1) : value.toFixed(0));
const ratio = (value: number): string => (value >= 0.1 ? value.toFixed(2) : value.toPrecision(2));

export function formatTable(rows: readonly Row[], ceiling: number): string {
  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'p99/p50', 'non-2xx', 'errors', 'RSS MB', 'CPU µs/req', 'vs ceiling'];
  const body = rows.map((row) => [
    row.name,
    row.rps.toFixed(0),
    ms(row.p50),
    ms(row.p99),
    row.p50 > 0 ? (row.p99 / row.p50).toFixed(1) : '?',
    String(row.non2xx),
    String(row.errors),
    row.rssMb === undefined ? '?' : row.rssMb.toFixed(0),
    row.cpuUs === undefined ? '–' : row.cpuUs.toFixed(0),
    ceiling > 0 ? `${ratio(row.rps / ceiling)}×` : '?',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

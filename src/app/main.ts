#!/usr/bin/env -S node --max-semi-space-size=4 --max-old-space-size=256
// The small young generation keeps a busy server's memory near its working set (see ADR 0006).
// The `newsdesk` executable: the CLI with the real application behind it.
import { runCli } from '../cli/run-cli.js';
import { cliServices } from './cli-services.js';

/** Longest a graceful stop may take; below the 30 s most orchestrators wait before SIGKILL. */
const SHUTDOWN_GRACE_MS = 25_000;

const result = await runCli(
  process.argv.slice(2),
  { env: process.env, stdout: process.stdout, stderr: process.stderr },
  cliServices,
);
if (result.stop) {
  const stop = result.stop;
  let stopping = false;
  // SIGTERM (an orchestrator, `kill`) or SIGINT (Ctrl+C): stop taking requests, finish those in flight and
  // the outbox job running now, close the database, exit 0. A second signal changes nothing (a cluster's
  // workers get one from the terminal and one from their primary); a drain that hangs is cut off.
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('Newsdesk is stopping: no new requests; finishing those in flight.\n');
    setTimeout(() => {
      process.stderr.write(`newsdesk: requests still running after ${SHUTDOWN_GRACE_MS / 1000} s; stopping anyway.\n`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`newsdesk: could not stop cleanly: ${(error as Error).message ?? String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} else {
  process.exitCode = result.code;
}

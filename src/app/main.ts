#!/usr/bin/env -S node --max-semi-space-size=4 --max-old-space-size=256
// The small young generation keeps a busy server's memory near its working set (see ADR 0006).
// The `newsdesk` executable: the CLI with the real application behind it.
import { runCli } from '../cli/run-cli.js';
import { cliServices } from './cli-services.js';

const result = await runCli(
  process.argv.slice(2),
  { env: process.env, stdout: process.stdout, stderr: process.stderr },
  cliServices,
);
if (result.stop) {
  const stop = result.stop;
  const shutdown = () => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} else {
  process.exitCode = result.code;
}

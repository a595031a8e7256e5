#!/usr/bin/env node
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

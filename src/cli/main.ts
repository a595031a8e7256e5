#!/usr/bin/env node
import { runCli } from './run-cli.js';

const result = await runCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr });
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

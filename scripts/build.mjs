// Compiles src/ to dist/ with tsc, bundles the visual editor into the assets, and copies the static assets
// beside the compiled code.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildEditorBundle } from './build-editor.mjs';

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  // Installed without devDependencies: use the committed build if there is one.
  if (existsSync('dist/app/main.js')) process.exit(0);
  console.error('newsdesk build: TypeScript is not installed; run `npm install` (with dev dependencies).');
  process.exit(1);
}
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
await buildEditorBundle();
if (existsSync('src/render/assets')) cpSync('src/render/assets', 'dist/render/assets', { recursive: true });
// The package's executable (the first line names node and its flags).
chmodSync('dist/app/main.js', 0o755);

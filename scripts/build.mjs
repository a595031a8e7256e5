// Compiles src/ to dist/ with tsc, bundles the visual editor into the assets, and copies the static assets
// beside the compiled code. Skipped when dist/ is up to date: a digest of the inputs (scripts/build-stamp.mjs)
// is written to dist/.build-stamp after a successful build and compared before the next, so `npm start` on a
// built checkout starts at once. `npm run build -- --force` always rebuilds.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EDITOR_BUNDLE, EDITOR_STAMP, buildEditorBundle, editorBundleIsStale } from './build-editor.mjs';
import { staleness } from './build-stamp.mjs';
import { bundleServer } from './bundle-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const force = process.argv.includes('--force');
/** What dist/ is made from (the editor's bundle and its stamp are outputs, made below). */
const inputs = ['src', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
const STAMP = 'dist/.build-stamp';

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
const state = staleness({ root, inputs, exclude: [EDITOR_BUNDLE, EDITOR_STAMP], stamp: STAMP });
if (!force && !state.stale && existsSync('dist/app/main.js') && !editorBundleIsStale()) {
  console.error('newsdesk build: dist/ is up to date with src/ (`npm run build -- --force` rebuilds anyway).');
  process.exit(0);
}
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
await buildEditorBundle({ force });
if (existsSync('src/render/assets')) cpSync('src/render/assets', 'dist/render/assets', { recursive: true });
// One file for the server to load at start (ADR 0011); dist/app/main.js becomes a stub that imports it.
await bundleServer(root);
// The package's executable (the first line names node and its flags).
chmodSync('dist/app/main.js', 0o755);
// Last, so a build that failed part-way is never taken for a complete one.
writeFileSync(STAMP, `${state.digest}\n`);

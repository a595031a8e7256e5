// Bundles the compiled server (dist/app/main.js and everything it imports from dist/, plus kysely) into one
// file, so start-up reads and links one module instead of some 230 of ours and kysely's ~400 (ADR 0011).
// Packages with native code or their own file layout stay external and load from node_modules as before.
// dist/app/main.js becomes a two-line stub that imports the bundle, so the `newsdesk` executable, `npm start`
// and `serve --workers` (which forks process.argv[1]) run the bundle. The bundle sits two directories below
// dist/, like the modules it replaces, so paths they build from import.meta.url (the site's assets at
// ../../render/assets/) still point at the same files. Without esbuild (installed without dev dependencies)
// dist/ stays unbundled and works the same, only starting slower.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** Packages loaded from node_modules at run time: everything but kysely (pure ES modules, no dependencies). */
function externals(root) {
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
  return Object.keys(pkg.dependencies)
    .filter((name) => name !== 'kysely')
    .flatMap((name) => [name, `${name}/*`]);
}

export const SERVER_BUNDLE = 'dist/bundle/app/newsdesk.js';

export async function bundleServer(root) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return false;
  }
  const entry = 'dist/app/main.js';
  const source = readFileSync(entry, 'utf8');
  const shebang = source.startsWith('#!') ? source.slice(0, source.indexOf('\n') + 1) : '';
  renameSync(entry, 'dist/app/main.modules.js');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['dist/app/main.modules.js'],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: externals(root),
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  writeFileSync(entry, `${shebang}// The server is bundled into one file at build time (scripts/bundle-server.mjs, ADR 0011).\nimport '../bundle/app/newsdesk.js';\n`);
  return true;
}

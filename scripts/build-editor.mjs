// Bundles the newsroom's visual editor (src/render/editor/visual-editor.ts, ProseMirror and markdown-it) into
// one browser script, src/render/assets/visual-editor.js, which the asset loader serves under a content hash.
// Run by `npm run build` (so by `npm install`, `npm ci` and `npm start`) and before the tests (vitest's
// global setup); the output is not committed. See docs/adr/0008-visual-editor.md.
// Skipped when the bundle is up to date: the files esbuild read for the last bundle (its metafile's inputs,
// dependencies included) are listed with their digest in EDITOR_STAMP; `--force` bundles anyway.
import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputsDigest } from './build-stamp.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EDITOR_BUNDLE = 'src/render/assets/visual-editor.js';
/** The inputs of the last bundle and their digest (gitignored). */
export const EDITOR_STAMP = 'src/render/editor/.bundle-stamp.json';
/** Read by every bundle whatever its imports. */
const ALWAYS_INPUTS = ['package-lock.json', 'scripts/build-editor.mjs'];

/** prosemirror-markdown brings its own markdown-it 14; the bundle uses only ours (the one the site renders with). */
const oneMarkdownIt = {
  name: 'one-markdown-it',
  setup(build) {
    build.onResolve({ filter: /^markdown-it$/ }, (args) =>
      // Resolved as if imported from the project itself (its ES module build, so unused parts can go).
      args.pluginData?.fromProject ? undefined : build.resolve('markdown-it', { kind: args.kind, resolveDir: root, pluginData: { fromProject: true } }),
    );
  },
};

/** One browser script from `entry` (a path from the project's root): written to `outfile`, or returned as text. */
export async function bundleForBrowser({ entry, outfile }) {
  return (await bundle({ entry, outfile })).text;
}

/** The bundle, and the files it was made from (paths from the project's root). */
async function bundle({ entry, outfile }) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    ...(outfile ? { outfile } : { write: false, outdir: 'out' }),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome111', 'firefox111', 'safari16.4'],
    minify: true,
    legalComments: 'eof',
    charset: 'utf8',
    plugins: [oneMarkdownIt],
    logLevel: 'warning',
    metafile: true,
  });
  if (process.env.EDITOR_BUNDLE_REPORT) console.log(await esbuild.analyzeMetafile(result.metafile));
  const inputs = Object.keys(result.metafile.inputs).filter((path) => !path.includes(':'));
  return { text: outfile ? undefined : result.outputFiles[0].text, inputs };
}

/** Whether the bundle must be made again: no bundle, no stamp, or any file it was made from has changed. */
export function editorBundleIsStale() {
  const stampPath = resolve(root, EDITOR_STAMP);
  if (!existsSync(resolve(root, EDITOR_BUNDLE)) || !existsSync(stampPath)) return true;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
  } catch {
    return true;
  }
  if (!Array.isArray(stamp.inputs) || typeof stamp.digest !== 'string') return true;
  return inputsDigest(root, [...stamp.inputs, ...ALWAYS_INPUTS]) !== stamp.digest;
}

export async function buildEditorBundle({ force = false } = {}) {
  if (!force && !editorBundleIsStale()) return;
  const { inputs } = await bundle({ entry: 'src/render/editor/visual-editor.ts', outfile: EDITOR_BUNDLE });
  mkdirSync(dirname(resolve(root, EDITOR_STAMP)), { recursive: true });
  const digest = inputsDigest(root, [...inputs, ...ALWAYS_INPUTS]);
  writeFileSync(resolve(root, EDITOR_STAMP), `${JSON.stringify({ digest, inputs }, null, 1)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildEditorBundle({ force: process.argv.includes('--force') });

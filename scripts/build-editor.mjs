// Bundles the newsroom's visual editor (src/render/editor/visual-editor.ts, ProseMirror and markdown-it) into
// one browser script, src/render/assets/visual-editor.js, which the asset loader serves under a content hash.
// Run by `npm run build` (so by `npm install`, `npm ci` and `npm start`) and before the tests (vitest's
// global setup); the output is not committed. See docs/adr/0008-visual-editor.md.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EDITOR_BUNDLE = 'src/render/assets/visual-editor.js';

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
    metafile: Boolean(process.env.EDITOR_BUNDLE_REPORT),
  });
  if (result.metafile) console.log(await esbuild.analyzeMetafile(result.metafile));
  return outfile ? undefined : result.outputFiles[0].text;
}

export async function buildEditorBundle() {
  await bundleForBrowser({ entry: 'src/render/editor/visual-editor.ts', outfile: EDITOR_BUNDLE });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildEditorBundle();

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
    // Its ES module build, so that unused parts can be left out.
    const ours = fileURLToPath(import.meta.resolve('markdown-it'));
    build.onResolve({ filter: /^markdown-it$/ }, () => ({ path: ours }));
  },
};

export async function buildEditorBundle() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/render/editor/visual-editor.ts'],
    outfile: EDITOR_BUNDLE,
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
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildEditorBundle();

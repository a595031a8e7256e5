/** Where the visual editor's bundle is written, relative to the project. */
export const EDITOR_BUNDLE: string;
/** One browser script from `entry` (a path from the project's root): written to `outfile`, or returned as text. */
export function bundleForBrowser(options: { entry: string; outfile?: string }): Promise<string | undefined>;
/** Bundles src/render/editor/visual-editor.ts into render/assets/visual-editor.js. */
export function buildEditorBundle(): Promise<void>;

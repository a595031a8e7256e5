/** Where the visual editor's bundle is written, relative to the project. */
export const EDITOR_BUNDLE: string;
/** The inputs of the last bundle and their digest, relative to the project. */
export const EDITOR_STAMP: string;
/** One browser script from `entry` (a path from the project's root): written to `outfile`, or returned as text. */
export function bundleForBrowser(options: { entry: string; outfile?: string }): Promise<string | undefined>;
/** Whether the bundle is missing or any file it was made from has changed since. */
export function editorBundleIsStale(): boolean;
/** Bundles src/render/editor/visual-editor.ts into render/assets/visual-editor.js, unless up to date (or `force`). */
export function buildEditorBundle(options?: { force?: boolean }): Promise<void>;

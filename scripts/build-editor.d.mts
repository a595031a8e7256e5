/** Where the visual editor's bundle is written, relative to the project. */
export const EDITOR_BUNDLE: string;
/** Bundles src/render/editor/visual-editor.ts into render/assets/visual-editor.js. */
export function buildEditorBundle(): Promise<void>;

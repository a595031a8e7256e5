// vitest global setup: the visual editor's bundle, built from the current source before any test file runs.
import { buildEditorBundle } from '../../scripts/build-editor.mjs';

export default async function setup(): Promise<void> {
  await buildEditorBundle();
}

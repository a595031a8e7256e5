import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
    pool: 'forks',
    // Builds the visual editor's browser bundle (render/assets/visual-editor.js) once, so pages that load it
    // find it and browser tests run the current source.
    globalSetup: ['test/support/build-editor-bundle.ts'],
    // Two cores here: keep at most two test files running at once.
    maxWorkers: 2,
    // Time-outs only catch a hang: they are far above what any test needs alone, so a busy machine (other
    // processes on both cores) slows the suite down without failing it. No test asserts a duration.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});

// The build's staleness check (scripts/build-stamp.mjs) over a small tree of real files in a temp folder.
import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputFiles, staleness } from '../../scripts/build-stamp.mjs';

let root: string;
const inputs = ['src', 'tsconfig.json', 'package-lock.json'];
const exclude = ['src/assets/bundle.js'];
const stamp = 'dist/.build-stamp';

function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** What a successful build leaves: the stamp of the inputs as they are now. */
function build(): void {
  const { digest } = staleness({ root, inputs, exclude, stamp });
  write(stamp, `${digest}\n`);
}

const check = () => staleness({ root, inputs, exclude, stamp });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nd-build-stamp-'));
  write('src/app/main.ts', 'export const a = 1;\n');
  write('src/core/b.ts', 'export const b = 2;\n');
  write('src/assets/site.css', 'body { margin: 0 }\n');
  write('src/assets/bundle.js', 'built();\n');
  write('tsconfig.json', '{}\n');
  write('package-lock.json', '{"lockfileVersion":3}\n');
  write('README.md', 'not an input\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('build staleness', () => {
  it('lists the input files sorted, without the excluded ones or files outside the inputs', () => {
    expect(inputFiles(root, inputs, exclude)).toEqual([
      'package-lock.json',
      'src/app/main.ts',
      'src/assets/site.css',
      'src/core/b.ts',
      'tsconfig.json',
    ]);
  });

  it('a clean checkout (no stamp) builds', () => {
    expect(check()).toMatchObject({ stale: true, reason: 'no stamp from an earlier build' });
  });

  it('right after a build, nothing to do', () => {
    build();
    expect(check()).toMatchObject({ stale: false, reason: 'up to date' });
  });

  // Each change made after a build, and whether the next build must run.
  const changes: Array<[string, () => void, boolean]> = [
    ['a source file edited', () => write('src/core/b.ts', 'export const b = 3;\n'), true],
    ['a source file added', () => write('src/core/c.ts', 'export const c = 1;\n'), true],
    ['a source file deleted', () => rmSync(join(root, 'src/core/b.ts')), true],
    ['a source file renamed', () => renameSync(join(root, 'src/core/b.ts'), join(root, 'src/core/bb.ts')), true],
    ['an empty file added', () => write('src/core/empty.ts', ''), true],
    ['tsconfig.json edited', () => write('tsconfig.json', '{"compilerOptions":{}}\n'), true],
    ['package-lock.json edited (a dependency changed)', () => write('package-lock.json', '{"lockfileVersion":3,"x":1}\n'), true],
    ['a static asset edited', () => write('src/assets/site.css', 'body { margin: 1px }\n'), true],
    ['the stamp damaged', () => write(stamp, 'garbage\n'), true],
    ['the stamp deleted', () => rmSync(join(root, stamp)), true],
    ['a file touched without changing it', () => utimesSync(join(root, 'src/app/main.ts'), new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z')), false],
    ['a file rewritten with the same content', () => write('src/app/main.ts', 'export const a = 1;\n'), false],
    ['the built bundle (an output) rewritten', () => write('src/assets/bundle.js', 'built(again);\n'), false],
    ['a file outside the inputs edited', () => write('README.md', 'still not an input\n'), false],
  ];
  for (const [change, make, stale] of changes) {
    it(`${change}: ${stale ? 'rebuilds' : 'stays up to date'}`, () => {
      build();
      make();
      expect(check().stale).toBe(stale);
    });
  }

  it('moving content from one file to another is a change (paths are part of the digest)', () => {
    write('src/core/b.ts', '');
    write('src/app/main.ts', 'export const a = 1;\nexport const b = 2;\n');
    build();
    write('src/core/b.ts', 'export const b = 2;\n');
    write('src/app/main.ts', 'export const a = 1;\n');
    expect(check().stale).toBe(true);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

/** What some tests need beyond Node: a PostgreSQL server, Debian's Chromium, libxml2's xmllint. */
export type Tool = 'postgresql' | 'chromium' | 'xmllint';

/** CI=true (as `.ci/run` sets it): everything the suite can use must be there; nothing may skip. */
export const inCi = !['', '0', 'false', undefined].includes(process.env.CI?.toLowerCase());

/** Where the browser tests find Chromium; CHROMIUM_PATH points elsewhere (to prove a missing one fails in CI). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const HOW_TO_GET: Record<Tool, string> = {
  postgresql: 'TEST_DATABASE_URL is not set (.ci/run starts PostgreSQL and sets it)',
  chromium: `${CHROMIUM_PATH} is missing (.ci/run installs the Debian package chromium)`,
  xmllint: 'xmllint is not on the PATH (.ci/run installs the Debian package libxml2-utils)',
};

const found = new Map<Tool, boolean>();

function present(tool: Tool): boolean {
  let answer = found.get(tool);
  if (answer === undefined) {
    answer =
      tool === 'postgresql'
        ? Boolean(process.env.TEST_DATABASE_URL)
        : tool === 'chromium'
          ? existsSync(CHROMIUM_PATH)
          : spawnSync('xmllint', ['--version']).status === 0;
    found.set(tool, answer);
  }
  return answer;
}

/** The sentence a failing test shows when a tool is missing in CI. */
export function missingToolMessage(tool: Tool): string {
  return `CI=true and ${tool} is missing: ${HOW_TO_GET[tool]}. In CI a test that needs it fails rather than skips.`;
}

/**
 * Whether `tool` is there. On a developer machine a missing tool answers false (the caller skips what needs
 * it); under CI=true it throws instead, so the test (or the file, at load time) fails and says what is missing.
 */
export function requireTool(tool: Tool): boolean {
  if (present(tool)) return true;
  if (inCi) throw new Error(missingToolMessage(tool));
  return false;
}

/**
 * `describe` for a block that needs `tool`: runs when it is there, skips on a developer machine without it,
 * and in CI becomes one failing test naming what is missing.
 */
export function describeWithTool(tool: Tool, name: string, body: () => void): void {
  if (present(tool)) describe(name, body);
  else if (inCi) {
    describe(name, () => {
      it(`has ${tool}`, () => {
        throw new Error(missingToolMessage(tool));
      });
    });
  } else describe.skip(`${name} (skipped: ${HOW_TO_GET[tool]})`, body);
}

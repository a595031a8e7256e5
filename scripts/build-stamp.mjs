// Whether a build's output is up to date with its inputs: a SHA-256 over the inputs' paths and contents is
// written beside the output after a successful build (a stamp) and compared before the next one. Contents,
// not modification times, so a `git checkout` that rewrites files without changing them does not force a
// rebuild, and a change that keeps a file's time (copied with its times, or within one clock tick) still does.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `inputs` (files or folders, relative to `root`), as sorted '/'-separated paths, minus `exclude`. */
export function inputFiles(root, inputs, exclude = []) {
  const skip = new Set(exclude.map((path) => path.split(sep).join('/')));
  const files = [];
  const visit = (path) => {
    const rel = relative(root, path).split(sep).join('/');
    if (skip.has(rel)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (stat.isFile()) {
      files.push(rel);
    }
  };
  for (const input of inputs) {
    const path = join(root, input);
    if (existsSync(path)) visit(path);
  }
  return files.sort();
}

/** The inputs' fingerprint: which files there are and what each holds. */
export function inputsDigest(root, inputs, exclude = []) {
  const hash = createHash('sha256');
  for (const file of inputFiles(root, inputs, exclude)) {
    const content = readFileSync(join(root, file));
    hash.update(`${file}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest('hex');
}

/**
 * Whether the output stamped in `stamp` (a path from `root`) must be built again: yes when the stamp is
 * missing or was written for other inputs. Returns the current digest, to stamp after building.
 */
export function staleness({ root, inputs, exclude = [], stamp }) {
  const digest = inputsDigest(root, inputs, exclude);
  const stampPath = join(root, stamp);
  if (!existsSync(stampPath)) return { stale: true, reason: 'no stamp from an earlier build', digest };
  const stamped = readFileSync(stampPath, 'utf8').trim();
  return stamped === digest ? { stale: false, reason: 'up to date', digest } : { stale: true, reason: 'inputs changed', digest };
}

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR } from './corpus.js';

// Callers check first with requireTool('xmllint') (test/support/required-tools.ts): it fails in CI when missing.

const SCHEMAS = join(CORPUS_DIR, 'sitemaps/schemas');
const dir = mkdtempSync(join(tmpdir(), 'newsdesk-xsd-'));

// One schema that knows the sitemap namespace and its news and image extensions (the corpus files are
// referenced in place, not copied).
const URLSET_SCHEMA = join(dir, 'urlset-with-extensions.xsd');
writeFileSync(
  URLSET_SCHEMA,
  `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="file://${SCHEMAS}/sitemap.xsd"/>
  <xsd:import namespace="http://www.google.com/schemas/sitemap-news/0.9" schemaLocation="file://${SCHEMAS}/sitemap-news.xsd"/>
  <xsd:import namespace="http://www.google.com/schemas/sitemap-image/1.1" schemaLocation="file://${SCHEMAS}/sitemap-image.xsd"/>
</xsd:schema>
`,
);

let counter = 0;

/** Validates a sitemap (urlset, with news/image extensions) or sitemap index with xmllint; returns its complaints. */
export function xmllintErrors(xml: string, kind: 'urlset' | 'index'): string[] {
  const file = join(dir, `doc-${process.pid}-${counter++}.xml`);
  writeFileSync(file, xml);
  const schema = kind === 'index' ? join(SCHEMAS, 'siteindex.xsd') : URLSET_SCHEMA;
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8' });
  if (result.status === 0) return [];
  return result.stderr.split('\n').filter((line) => line.trim() !== '' && !line.endsWith('validates'));
}

/** Well-formedness only (for feeds): xmllint's complaints, or [] when the document parses. */
export function wellFormedErrors(xml: string): string[] {
  const file = join(dir, `feed-${process.pid}-${counter++}.xml`);
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--nonet', file], { stdio: 'pipe' });
    return [];
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).split('\n').filter(Boolean);
  }
}

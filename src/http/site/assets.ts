import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

export interface Asset {
  body: Buffer;
  contentType: string;
}

/** The site's static files under content-hashed names, so they can be cached for a year. */
export interface SiteAssets {
  stylesheetHref: string;
  scriptHref: string;
  /** Search-as-you-type under the site's search boxes (search-suggest.js). */
  suggestScriptHref: string;
  logoHref: string;
  adminStylesheetHref: string;
  adminScriptHref: string;
  /** The content-hashed address of any file in the assets folder (newsroom islands add their own files). */
  href(file: string): string;
  byName: Map<string, Asset>;
}

const ASSET_DIR = new URL('../../render/assets/', import.meta.url);
const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

/** Reads the few asset files once at start; their number does not grow with the archive. */
export function loadSiteAssets(): SiteAssets {
  const byName = new Map<string, Asset>();
  const hashed = (file: string): string => {
    const body = readFileSync(new URL(file, ASSET_DIR));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const dot = file.lastIndexOf('.');
    const name = `${file.slice(0, dot)}.${hash}${file.slice(dot)}`;
    byName.set(name, { body, contentType: TYPES[file.slice(dot + 1)] ?? 'application/octet-stream' });
    return `/assets/${name}`;
  };
  const hrefs = new Map<string, string>();
  for (const file of readdirSync(ASSET_DIR)) if (/^[\w-]+\.(css|js|svg)$/.test(file)) hrefs.set(file, hashed(file));
  const href = (file: string): string => {
    const found = hrefs.get(file);
    if (!found) throw new Error(`There is no asset file ${file} in render/assets.`);
    return found;
  };
  return {
    href,
    stylesheetHref: href('site.css'),
    scriptHref: href('relative-time.js'),
    suggestScriptHref: href('search-suggest.js'),
    logoHref: href('logo.svg'),
    adminStylesheetHref: href('admin.css'),
    adminScriptHref: href('admin.js'),
    byName,
  };
}

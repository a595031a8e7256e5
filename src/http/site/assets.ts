import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface Asset {
  body: Buffer;
  contentType: string;
}

/** The site's static files under content-hashed names, so they can be cached for a year. */
export interface SiteAssets {
  stylesheetHref: string;
  scriptHref: string;
  logoHref: string;
  adminStylesheetHref: string;
  adminScriptHref: string;
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
  return {
    stylesheetHref: hashed('site.css'),
    scriptHref: hashed('relative-time.js'),
    logoHref: hashed('logo.svg'),
    adminStylesheetHref: hashed('admin.css'),
    adminScriptHref: hashed('admin.js'),
    byName,
  };
}

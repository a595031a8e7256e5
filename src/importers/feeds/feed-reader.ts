import { parseFeed } from 'feedsmith';
import { ImportError } from '../../core/imports/import-error.js';

/**
 * A feed of wire or partner copy (RSS 0.9x–2.0, RSS 1.0/RDF, Atom, JSON Feed) as the few fields an import
 * needs. Bytes are decoded by what the file says (byte-order mark, XML declaration) and must be valid in that
 * encoding; a file that declares nothing and is not UTF-8 is read as Windows-1252, the usual reality of such
 * feeds. A DOCTYPE is cut out before parsing and never read: no entity it defines is expanded. Anything that
 * cannot be read ends in an ImportError (NOT_A_FEED, NOT_WELL_FORMED or ENCODING).
 */

export interface FeedEntry {
  /** What identifies the entry across fetches: its guid or id, else its link, else its title and date. */
  key: string;
  title: string;
  link: string | undefined;
  /** The entry's HTML: full content when given, else its summary. */
  html: string;
  published: Date | undefined;
  author: string | undefined;
}

export interface ReadFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string;
  link: string | undefined;
  entries: FeedEntry[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- feedsmith's parsed shapes differ per format */

function decode(bytes: Buffer): string {
  if (bytes.length === 0) throw new ImportError('The file is empty.', 'NOT_A_FEED');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', bytes.subarray(2));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
  if (declared !== undefined) return strict(declared, bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (looksWestern(bytes)) return new TextDecoder('windows-1252').decode(bytes);
    throw new ImportError(
      'The feed is not UTF-8 and does not say which encoding it uses, and its text is not in a Western European one. Convert it to UTF-8 first (for example: iconv -f EUC-JP -t UTF-8).',
      'ENCODING',
    );
  }
}

/**
 * Whether bytes that are not UTF-8 read as Windows-1252 text: accented letters stand alone among ASCII
 * ("Mãe", "Raríssimas"), while Cyrillic, Greek, Hebrew, Thai and the CJK encodings write whole words in
 * bytes above 0x7F. Guessing those would fill articles with mojibake, so they are refused instead.
 */
function looksWestern(bytes: Buffer): boolean {
  let high = 0;
  let inRuns = 0;
  let run = 0;
  for (const byte of bytes) {
    if (byte >= 0x80) {
      high++;
      run++;
      if ([0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(byte)) return false;
    } else {
      if (run >= 3) inRuns += run;
      run = 0;
    }
  }
  if (run >= 3) inRuns += run;
  return inRuns <= high * 0.2;
}

function strict(label: string, bytes: Buffer): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new ImportError(`The feed declares the encoding "${label}", which is not one we can read.`, 'ENCODING');
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ImportError(`The feed declares the encoding "${label}" but its bytes are not valid ${label}.`, 'ENCODING');
  }
}

const text = (value: any): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return text(value.value ?? value['#text'] ?? '');
  return String(value).trim();
};

const date = (value: any): Date | undefined => {
  const raw = text(value);
  if (!raw) return undefined;
  const parsed = new Date(raw);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
};

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function entry(fields: { id: string; title: string; link: string; html: string; published: Date | undefined; author: string }): FeedEntry | undefined {
  const title = fields.title.replace(/\s+/g, ' ').trim();
  if (!title && !fields.html.trim()) return undefined;
  const key = fields.id || fields.link || `${title}|${fields.published?.toISOString() ?? ''}`;
  return {
    key,
    title,
    link: /^https?:\/\//i.test(fields.link) ? fields.link : undefined,
    html: fields.html,
    published: fields.published,
    author: fields.author || undefined,
  };
}

/** The feed in `bytes`; throws ImportError when it is not one. */
export function readFeed(bytes: Buffer): ReadFeed {
  const source = decode(bytes).replace(/^\uFEFF/, '');
  const trimmed = source.trimStart();
  if (trimmed.startsWith('{')) return jsonFeed(trimmed);
  if (!trimmed.startsWith('<')) throw new ImportError('The file is neither XML nor JSON: it is not a feed.', 'NOT_A_FEED');
  // The DTD goes unread: a feed needs none, and entities it defines could expand without bound.
  const xml = source.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/i, '');
  let parsed: { format: string; feed: any };
  try {
    parsed = parseFeed(xml) as { format: string; feed: any };
  } catch (error) {
    const message = (error as Error).message;
    if (/unrecognized|not.*feed|invalid feed format/i.test(message)) throw new ImportError(`This is not an RSS, Atom or JSON feed (${message}).`, 'NOT_A_FEED');
    throw new ImportError(`The feed could not be read (${message}).`, 'NOT_WELL_FORMED');
  }
  const { format, feed } = parsed;
  if (format === 'atom') {
    const entries = ((feed.entries ?? []) as any[]).flatMap((item) => {
      const link = text((item.links ?? []).find((l: any) => !l.rel || l.rel === 'alternate')?.href ?? item.links?.[0]?.href);
      const made = entry({
        id: text(item.id),
        title: text(item.title),
        link,
        html: text(item.content) || text(item.summary),
        published: date(item.published) ?? date(item.updated),
        author: text(item.authors?.[0]?.name),
      });
      return made ? [made] : [];
    });
    return { format: 'atom', title: text(feed.title), link: text((feed.links ?? [])[0]?.href) || undefined, entries };
  }
  if (format === 'rss' || format === 'rdf') {
    const entries = ((feed.items ?? []) as any[]).flatMap((item) => {
      const made = entry({
        id: text(item.guid),
        title: text(item.title),
        link: text(item.link),
        html: text(item.content?.encoded) || text(item.description),
        published: date(item.pubDate) ?? date(item.dc?.date ?? item.dc?.dates?.[0]),
        author: text(item.dc?.creator ?? item.dc?.creators?.[0] ?? item.authors?.[0] ?? item.author),
      });
      return made ? [made] : [];
    });
    return { format, title: text(feed.title), link: text(feed.link) || undefined, entries };
  }
  throw new ImportError(`This is a ${format} document, not a feed we import.`, 'NOT_A_FEED');
}

function jsonFeed(source: string): ReadFeed {
  let feed: any;
  try {
    feed = JSON.parse(source);
  } catch (error) {
    throw new ImportError(`The JSON is not well-formed (${(error as Error).message}).`, 'NOT_WELL_FORMED');
  }
  if (typeof feed !== 'object' || feed === null || !/^https:\/\/jsonfeed\.org\/version\//.test(String(feed.version ?? '')) || !Array.isArray(feed.items)) {
    throw new ImportError('The JSON is not a JSON Feed (no "version" of jsonfeed.org, or no "items").', 'NOT_A_FEED');
  }
  const entries = (feed.items as any[]).flatMap((item) => {
    if (typeof item !== 'object' || item === null) return [];
    const made = entry({
      id: text(item.id),
      title: text(item.title),
      link: text(item.url),
      html: typeof item.content_html === 'string' ? item.content_html : typeof item.content_text === 'string' ? `<p>${escapeHtml(item.content_text)}</p>` : text(item.summary),
      published: date(item.date_published) ?? date(item.date_modified),
      author: text(item.authors?.[0]?.name ?? item.author?.name),
    });
    return made ? [made] : [];
  });
  return { format: 'json', title: text(feed.title), link: text(feed.home_page_url) || undefined, entries };
}

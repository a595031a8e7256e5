import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ImportError } from '../../core/imports/import-error.js';

/**
 * Reads a WordPress export (WXR, any version) as a stream, one record at a time, so a file of any size is
 * read in bounded memory: the site's header, then each author, category, tag, term and item as it closes.
 *
 * Namespaces are matched by URI, not by prefix (an export may bind `wp2:` to the export namespace), and the
 * WXR version in the URI (1.0, 1.1, 1.2) does not matter. A DOCTYPE is refused: WXR never has one, and a DTD
 * is how an XML file expands entities without bound or reads local files. Bytes that are not UTF-8, a file
 * that ends early and markup that is not well-formed each end the read with an ImportError naming the line.
 */

/** Child element values of a record, keyed `wp:post_id`, `title`, `content:encoded`, … */
export type Fields = ReadonlyMap<string, string>;

export interface WxrTermRef {
  domain: string;
  nicename: string;
  name: string;
}

export type WxrRecord =
  | { kind: 'site'; title: string; link: string; baseSiteUrl: string; baseBlogUrl: string; version: string }
  | { kind: 'author'; fields: Fields }
  | { kind: 'category'; fields: Fields }
  | { kind: 'tag'; fields: Fields }
  | { kind: 'term'; fields: Fields }
  | { kind: 'item'; fields: Fields; terms: WxrTermRef[]; meta: ReadonlyMap<string, string>; comments: number };

const NAMESPACES: ReadonlyArray<[RegExp, string]> = [
  [/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/?$/, 'excerpt'],
  [/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/?$/, 'wp'],
  [/^http:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/, 'content'],
  [/^http:\/\/purl\.org\/dc\/elements\/1\.1\/?$/, 'dc'],
];

/** `wp:post_id` for an element in the export namespace, whatever its prefix; plain names for RSS's own. */
function qualified(tag: { uri: string; local: string }): string {
  if (tag.uri === '') return tag.local;
  for (const [pattern, alias] of NAMESPACES) if (pattern.test(tag.uri)) return `${alias}:${tag.local}`;
  return `{${tag.uri}}${tag.local}`;
}

type RecordKind = Exclude<WxrRecord['kind'], 'site'>;

const RECORDS: Readonly<Record<string, RecordKind>> = {
  item: 'item',
  'wp:author': 'author',
  'wp:category': 'category',
  'wp:tag': 'tag',
  'wp:term': 'term',
};

interface Open {
  kind: RecordKind;
  depth: number;
  fields: Map<string, string>;
  terms: WxrTermRef[];
  meta: Map<string, string>;
  comments: number;
  /** The postmeta being read: its key and value. */
  metaKey?: string;
  metaValue?: string;
}

/**
 * A copy of `text` that does not point into the parser's input: V8 may keep a piece of a string as a view of
 * the whole 256 KB chunk it came from, so one value kept by a caller (an attachment's address) would hold
 * its chunk in memory for as long as it lives, and a large file's kept values would pin much of the file.
 */
const detached = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/** Yields the export's records in file order; throws ImportError on the first problem. */
export async function* readWxr(file: string): AsyncGenerator<WxrRecord> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const ready: WxrRecord[] = [];
  const path: string[] = [];
  let open: Open | undefined;
  let text = '';
  let failure: ImportError | undefined;
  let sawRss = false;
  let version = '';
  const channel = new Map<string, string>();

  const fail = (error: ImportError) => {
    failure ??= error;
  };
  parser.on('error', (error) => fail(new ImportError(`The file is not well-formed XML (${error.message.replace(/^(?:[^:]*:)?(\d+):(\d+): /, 'line $1, column $2: ')}).`, 'NOT_WELL_FORMED')));
  parser.on('doctype', () =>
    fail(new ImportError(`The file declares a DOCTYPE (line ${parser.line}). WordPress exports have none, and a DTD can expand entities or read local files, so the file is refused.`, 'UNSAFE_XML')),
  );
  parser.on('xmldecl', (decl) => {
    if (decl.encoding !== undefined && !/^utf-?8$/i.test(decl.encoding)) {
      fail(new ImportError(`The file declares the encoding "${decl.encoding}"; WordPress exports are UTF-8. Convert it first (for example: iconv -f ${decl.encoding} -t UTF-8).`, 'ENCODING'));
    }
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const name = qualified(tag);
    path.push(name);
    text = '';
    if (path.length === 1) {
      if (name !== 'rss') fail(new ImportError(`The file's root element is <${tag.name}>, not <rss>: it is not a WordPress export.`, 'NOT_WXR'));
      sawRss = true;
      return;
    }
    if (!open) {
      const kind = path.length === 3 && path[1] === 'channel' ? RECORDS[name] : undefined;
      if (kind) open = { kind, depth: path.length, fields: new Map(), terms: [], meta: new Map(), comments: 0 };
      return;
    }
    if (open.kind === 'item' && path.length === open.depth + 1) {
      if (name === 'wp:comment') open.comments++;
      if (name === 'category') {
        const attribute = (local: string) => Object.values(tag.attributes).find((a) => a.local === local && a.uri === '')?.value ?? '';
        open.terms.push({ domain: attribute('domain'), nicename: attribute('nicename'), name: '' });
      }
    }
  });
  const onText = (value: string) => {
    text += value;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const name = path.pop()!;
    const depth = path.length + 1;
    if (depth === 3 && path[1] === 'channel' && !open) channel.set(name, detached(text.trim()));
    if (open) {
      if (depth === open.depth) {
        ready.push(
          open.kind === 'item'
            ? { kind: 'item', fields: open.fields, terms: open.terms, meta: open.meta, comments: open.comments }
            : ({ kind: open.kind, fields: open.fields } as WxrRecord),
        );
        open = undefined;
      } else if (depth === open.depth + 1) {
        if (name === 'category' && open.kind === 'item') open.terms.at(-1)!.name = detached(text.trim());
        else if (name === 'wp:postmeta') {
          if (open.metaKey !== undefined) open.meta.set(open.metaKey, open.metaValue ?? '');
          open.metaKey = undefined;
          open.metaValue = undefined;
        } else if (name !== 'wp:comment') open.fields.set(name, detached(text));
      } else if (depth === open.depth + 2 && path.at(-1) === 'wp:postmeta') {
        if (name === 'wp:meta_key') open.metaKey = detached(text);
        if (name === 'wp:meta_value') open.metaValue = detached(text);
      }
    }
    if (name === 'wp:wxr_version') version = text.trim();
    text = '';
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let siteSent = false;
  const flushSite = (): WxrRecord | undefined => {
    if (siteSent || !version) return undefined;
    siteSent = true;
    return {
      kind: 'site',
      title: channel.get('title') ?? '',
      link: channel.get('link') ?? '',
      baseSiteUrl: channel.get('wp:base_site_url') ?? channel.get('link') ?? '',
      baseBlogUrl: channel.get('wp:base_blog_url') ?? channel.get('link') ?? '',
      version,
    };
  };
  const drain = function* (): Generator<WxrRecord> {
    if (failure) throw failure;
    // The channel's own fields come before its records in every export; the site goes out once the version is known.
    const site = ready.length > 0 || version ? flushSite() : undefined;
    if (site) yield site;
    for (const record of ready.splice(0)) {
      if (!siteSent) throw new ImportError('The file has no <wp:wxr_version> before its first record: it is not a WordPress export (WXR).', 'NOT_WXR');
      yield record;
    }
  };

  let read = 0;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
      let decoded: string;
      try {
        decoded = decoder.decode(chunk, { stream: true });
      } catch {
        throw new ImportError(`The file is not valid UTF-8 (near byte ${read.toLocaleString('en')}). WordPress exports are UTF-8; convert the file first.`, 'ENCODING');
      }
      read += chunk.length;
      parser.write(decoded);
      yield* drain();
    }
    try {
      decoder.decode();
    } catch {
      throw new ImportError('The file ends inside a UTF-8 character: it is cut short or not UTF-8.', 'ENCODING');
    }
    parser.close();
    yield* drain();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new ImportError(`Cannot read ${file} (${code}).`, 'UNREADABLE');
    if (failure) throw failure;
    throw new ImportError(`The file is not well-formed XML (${(error as Error).message}).`, 'NOT_WELL_FORMED');
  }
  if (!sawRss) throw new ImportError('The file is empty or holds no XML element.', 'NOT_WELL_FORMED');
  if (!siteSent) throw new ImportError('The file has no <wp:wxr_version>: it is an RSS feed or another XML file, not a WordPress export (WXR).', 'NOT_WXR');
}

import TurndownService from 'turndown';

/**
 * Imported HTML (WordPress, Ghost, feeds) as the Markdown our articles are written in. Article bodies render
 * with raw HTML off, so everything a reader should keep is turned into Markdown: headings, lists, tables
 * (pipe tables), quotes, code, pictures with their captions, and embeds as links to what they show. Scripts,
 * styles, forms and comments are dropped; the text of any other element is kept.
 */

/** One cell's text for a pipe table: one line, pipes escaped. */
function cellText(service: TurndownService, cell: HTMLElement): string {
  return service
    .turndown(cell.innerHTML)
    .replace(/\n+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function tableMarkdown(service: TurndownService, table: HTMLTableElement): string {
  const rows = Array.from(table.querySelectorAll('tr')).filter((row) => row.closest('table') === table);
  if (rows.length === 0) return '';
  const cells = rows.map((row) => Array.from(row.children).filter((cell) => /^(TD|TH)$/.test(cell.nodeName)).map((cell) => cellText(service, cell as HTMLElement)));
  const width = Math.max(1, ...cells.map((row) => row.length));
  const pad = (row: string[]) => [...row, ...Array<string>(width - row.length).fill('')];
  const [head, ...body] = cells;
  const line = (row: string[]) => `| ${pad(row).join(' | ')} |`;
  const caption = table.querySelector('caption')?.textContent?.trim();
  return `\n\n${line(head!)}\n| ${Array<string>(width).fill('---').join(' | ')} |\n${body.map(line).join('\n')}\n${caption ? `\n*${caption}*\n` : ''}\n`;
}

function embedSource(node: HTMLElement): string | undefined {
  const source = node.getAttribute('src') ?? node.getAttribute('data') ?? node.querySelector('source')?.getAttribute('src') ?? undefined;
  return source && /^https?:\/\//i.test(source) ? source : undefined;
}

function createService(): TurndownService {
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '*', hr: '---' });
  service.remove(['script', 'style', 'noscript', 'form', 'input', 'button', 'select', 'textarea', 'template', 'head', 'title', 'meta', 'link']);
  service.addRule('table', {
    filter: 'table',
    replacement: (_content, node) => tableMarkdown(service, node as HTMLTableElement),
  });
  service.addRule('figcaption', {
    filter: 'figcaption',
    replacement: (content) => (content.trim() === '' ? '' : `\n\n*${content.trim().replace(/\n+/g, ' ')}*\n\n`),
  });
  service.addRule('embeds', {
    filter: ['iframe', 'video', 'audio', 'embed', 'object'],
    replacement: (_content, node) => {
      const source = embedSource(node as HTMLElement);
      const title = (node as HTMLElement).getAttribute('title')?.trim();
      return source ? `\n\n[${title || source}](${source})\n\n` : '';
    },
  });
  // Preformatted text without a <code> inside (WordPress's preformatted and verse blocks) keeps its lines.
  service.addRule('preformatted', {
    filter: (node) => node.nodeName === 'PRE' && !node.querySelector('code'),
    replacement: (_content, node) => {
      const text = (node.textContent ?? '').replace(/\n+$/, '');
      const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((run) => run[0].length + 1)));
      return `\n\n${fence}\n${text}\n${fence}\n\n`;
    },
  });
  // A picture of our own library (/media/…) is shown; one from elsewhere, which a body may not load, becomes a
  // link to it, so nothing is lost until the picture itself is brought over. No address, no picture.
  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const element = node as HTMLElement;
      const source = element.getAttribute('src')?.trim();
      if (!source) return '';
      const alt = (element.getAttribute('alt') ?? '').replace(/[[\]\\]/g, '\\$&').replace(/\s+/g, ' ').trim();
      const own = resolvePicture?.(source);
      if (own !== undefined) return own;
      const address = source.replace(/[()\s]/g, encodeURIComponent);
      if (source.startsWith('/media/')) {
        const title = element.getAttribute('title')?.trim();
        return `![${alt}](${address}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`;
      }
      const name = decodeURIComponent(source.split(/[?#]/)[0]!.split('/').pop() ?? '').replace(/[[\]\\]/g, '\\$&') || 'picture';
      return `[Picture: ${alt || name}](${address})`;
    },
  });
  return service;
}

let shared: TurndownService | undefined;
/** Set for the length of one (synchronous) conversion. */
let resolvePicture: ((source: string) => string | undefined) | undefined;

export interface MarkdownOptions {
  /** Markdown for a picture the import brought into our library (by the address in the HTML), or undefined. */
  picture?: (source: string) => string | undefined;
}

/** Markdown for an HTML fragment. */
export function htmlToMarkdown(html: string, options: MarkdownOptions = {}): string {
  shared ??= createService();
  resolvePicture = options.picture;
  try {
    return shared
      .turndown(html)
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } finally {
    resolvePicture = undefined;
  }
}

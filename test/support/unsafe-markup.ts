/**
 * Finds markup in our own HTML that could run script: <script> other than our assets and JSON-LD, on*
 * attributes, javascript: URLs, and embedding elements. Our templates always quote attributes, so a
 * tag-and-attribute scan is exact for them; anything a payload smuggled in as markup shows up here.
 */
export function unsafeMarkup(html: string): string[] {
  const found: string[] = [];
  const withoutJsonLd = html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, '<script type="application/ld+json"></script>');
  for (const tag of withoutJsonLd.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    const name = tag[1]!.toLowerCase();
    const attributes = [...(tag[2] ?? '').matchAll(/\s([^\s=/>]+)(?:=("[^"]*"|'[^']*'|[^\s>]+))?/g)].map((m) => ({
      name: m[1]!.toLowerCase(),
      value: (m[2] ?? '').replace(/^["']|["']$/g, ''),
    }));
    if (name === 'script') {
      const src = attributes.find((a) => a.name === 'src')?.value ?? '';
      const type = attributes.find((a) => a.name === 'type')?.value ?? '';
      if (!src.startsWith('/assets/') && type !== 'application/ld+json') found.push(`script ${tag[0].slice(0, 80)}`);
    }
    if (['iframe', 'object', 'embed', 'base', 'frame', 'applet'].includes(name)) found.push(`element ${name}`);
    for (const attribute of attributes) {
      if (attribute.name.startsWith('on')) found.push(`attribute ${attribute.name} on <${name}>`);
      const decoded = attribute.value.replace(/&#(\d+);/g, (_m, d: string) => String.fromCharCode(Number(d))).replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
      // Browsers ignore white space and control characters inside a scheme ("jav&#x09;ascript:").
      const squeezed = [...decoded].filter((char) => char.charCodeAt(0) > 0x20).join('');
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster'].includes(attribute.name) && /^(javascript|vbscript|data):/i.test(squeezed)) {
        found.push(`${attribute.name}=${attribute.value.slice(0, 40)} on <${name}>`);
      }
    }
  }
  return found;
}

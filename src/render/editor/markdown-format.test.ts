import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../markdown.js';
import { bodySchema } from './body-schema.js';
import { parseBodyMarkdown, serializeBodyMarkdown } from './markdown-format.js';

const renderer = createMarkdownRenderer();
const roundTrip = (markdown: string) => serializeBodyMarkdown(parseBodyMarkdown(markdown));

describe('the visual editor writes Markdown back as it was written', () => {
  const unchanged: Array<[string, string]> = [
    ['paragraphs', 'First paragraph.\n\nSecond paragraph.'],
    ['headings of every level', '# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six'],
    ['star emphasis', 'It was *very* cold and **quite** grim.'],
    ['underscore emphasis', 'It was _very_ cold and __quite__ grim.'],
    ['emphasis inside a word uses stars', 'un*believ*able'],
    ['dash, star and plus bullets', '- one\n- two\n\n* three\n\n+ four'],
    ['a nested list', '- one\n  - one a\n  - one b\n- two'],
    ['a loose list', '- one\n\n- two'],
    ['a list item of two paragraphs', '- one\n\n  more about one\n\n- two'],
    ['numbered lists with either delimiter and a start', '1. one\n2. two\n\n3) three\n4) four'],
    ['a numbered list of ten items', Array.from({ length: 10 }, (_, i) => `${i + 1}. item`).join('\n')],
    ['a quote of two paragraphs', '> Rates will hold.\n>\n> Then fall.'],
    ['a quote holding a list', '> - one\n> - two'],
    ['fenced code with a language', '```ts\nconst a = 1;\n```'],
    ['a tilde fence', '~~~\ncode\n~~~'],
    ['rules of each kind', '---\n\n***\n\n___'],
    ['inline code, with backticks inside', 'Run `newsdesk serve` or `` a`b ``.'],
    ['links with and without titles', '[the report](https://example.com/r) and [that](https://example.com/t "Title")'],
    ['an autolink', '<https://example.com/a>'],
    ['bare addresses the renderer links', 'See https://example.com/a_b_c or www.example.org or desk@example.com today.'],
    ['strikethrough', 'It was ~~wrong~~ right.'],
    ['a hard break', 'Line one\\\nline two'],
    ['a soft line break', 'Line one\nline two'],
    ['a picture with a title', '![Boats at dawn](/media/boats.jpg "Karachi")'],
    ['a picture inside a paragraph', 'Before ![a map](/media/map.png) after.'],
    ['a table with alignments', '| City | Rate | Change |\n| :--- | ---: | :---: |\n| Karachi | 12% | up |\n| Lahore | 11% | down |'],
    ['a table cell with a pipe and formatting', '| A | B |\n| --- | --- |\n| x \\| y | **bold** [link](https://example.com) |'],
    ['escaped Markdown characters stay escaped', '\\*not emphasis\\* and \\[not a link\\] and snake_case\\_'],
    ['an escaped heading mark at the start of a line', '\\# not a heading'],
    ['raw HTML is text (the site shows it as text)', 'A <b>tag</b> shown as written'],
  ];
  for (const [name, markdown] of unchanged) {
    it(name, () => expect(roundTrip(markdown)).toBe(markdown));
  }
});

describe('Markdown written another way comes back in one spelling that renders the same', () => {
  const rewritten: Array<[string, string, string]> = [
    ['a setext heading becomes #', 'Title\n=====\n\nSub\n---', '# Title\n\n## Sub'],
    ['an indented code block becomes fenced', '    code line', '```\ncode line\n```'],
    ['two trailing spaces become a backslash break', 'one  \ntwo', 'one\\\ntwo'],
    ['a reference link becomes inline', 'See [the report][r].\n\n[r]: https://example.com/r', 'See [the report](https://example.com/r).'],
    ['an entity becomes its character', 'Fish &amp; chips &copy;', 'Fish & chips ©'],
    ['a table without leading pipes gets them', 'a | b\n--|--\n1 | 2', '| a | b |\n| --- | --- |\n| 1 | 2 |'],
    ['a closing # run goes', '## Heading ##', '## Heading'],
    ['emphasis is written with underscores when the body uses them', 'It was _very_ cold and *very* wet, **quite** __grim__.', 'It was _very_ cold and _very_ wet, __quite__ __grim__.'],
    ['a list whose first item starts with a heading stays tight', '1. # Title\n2. text', '1. # Title\n2. text'],
    ['an escape the text does not need goes', 'snake\\_case', 'snake_case'],
  ];
  for (const [name, markdown, expected] of rewritten) {
    it(name, () => {
      expect(roundTrip(markdown)).toBe(expected);
      expect(renderer.render(expected)).toBe(renderer.render(markdown));
    });
  }
});

describe('what Markdown can say but a document cannot comes back looking the same', () => {
  it('a mark nested in itself becomes one run', () => {
    expect(roundTrip('**a **b** c**')).toBe('**a b c**');
  });

  it('a line break in a (setext) heading becomes a space: an ATX heading is one line', () => {
    expect(roundTrip('Two\nlines\n---')).toBe('## Two lines');
  });
});

describe('text typed in the visual editor stays text in the Markdown', () => {
  const p = (text: string) => bodySchema.node('doc', null, [bodySchema.node('paragraph', null, text ? [bodySchema.text(text)] : [])]);
  const cases: Array<[string, string, string]> = [
    ['stars and underscores', 'a *b* _c_', 'a \\*b\\* \\_c\\_'],
    ['a hash at the start', '## not a heading', '\\## not a heading'],
    ['a dash at the start', '- not a list', '\\- not a list'],
    ['a number and dot at the start', '1. not a list', '1\\. not a list'],
    ['a number and parenthesis at the start', '2) not a list', '2\\) not a list'],
    ['a quote mark at the start', '> not a quote', '\\> not a quote'],
    ['an entity name', 'AT&amp;T', 'AT\\&amp;T'],
    ['an autolink', 'type <https://example.com> here', 'type \\<https://example.com> here'],
    ['brackets', '[not a link](x)', '\\[not a link\\](x)'],
    ['backticks', 'a `b` c', 'a \\`b\\` c'],
    ['leading spaces would make code', '    not code', 'not code'],
    ['a line of equals signs (an underline only after a line)', '===', '==='],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const markdown = serializeBodyMarkdown(p(text));
      expect(markdown).toBe(expected);
      expect(parseBodyMarkdown(markdown).textContent).toBe(text.replace(/^ +/, ''));
    });
  }

  it('a line of equals signs after a line break stays text', () => {
    const doc = bodySchema.node('doc', null, [bodySchema.node('paragraph', null, [bodySchema.text('one'), bodySchema.node('soft_break'), bodySchema.text('===')])]);
    expect(serializeBodyMarkdown(doc)).toBe('one\n\\===');
    expect(parseBodyMarkdown('one\n\\===').eq(doc)).toBe(true);
  });

  it('a paragraph whose text continues on a soft line break cannot start a list there', () => {
    const doc = bodySchema.node('doc', null, [
      bodySchema.node('paragraph', null, [bodySchema.text('one'), bodySchema.node('soft_break'), bodySchema.text('- two')]),
    ]);
    const markdown = serializeBodyMarkdown(doc);
    expect(markdown).toBe('one\n\\- two');
    expect(parseBodyMarkdown(markdown).eq(doc)).toBe(true);
  });

  it('a new list made with the toolbar is tight and uses dashes; a new numbered list starts at 1 with dots', () => {
    const item = (text: string) => bodySchema.node('list_item', null, [bodySchema.node('paragraph', null, [bodySchema.text(text)])]);
    const doc = bodySchema.node('doc', null, [
      bodySchema.node('bullet_list', null, [item('a'), item('b')]),
      bodySchema.node('ordered_list', null, [item('c'), item('d')]),
    ]);
    expect(serializeBodyMarkdown(doc)).toBe('- a\n- b\n\n1. c\n2. d');
  });

  it('two lists in a row get different markers, so that they stay two lists', () => {
    const item = (text: string) => bodySchema.node('list_item', null, [bodySchema.node('paragraph', null, [bodySchema.text(text)])]);
    const doc = bodySchema.node('doc', null, [
      bodySchema.node('bullet_list', null, [item('a')]),
      bodySchema.node('bullet_list', null, [item('b')]),
      bodySchema.node('ordered_list', null, [item('c')]),
      bodySchema.node('ordered_list', null, [item('d')]),
    ]);
    const markdown = serializeBodyMarkdown(doc);
    expect(markdown).toBe('- a\n\n* b\n\n1. c\n\n1) d');
    expect(parseBodyMarkdown(markdown).childCount).toBe(4);
  });

  it('a body that writes emphasis with underscores keeps them, but uses stars next to letters', () => {
    const em = bodySchema.marks.em.create();
    const doc = bodySchema.node('doc', { emphasis: '_', strong: '__' }, [
      bodySchema.node('paragraph', null, [bodySchema.text('so '), bodySchema.text('very', [em]), bodySchema.text(' un'), bodySchema.text('believ', [em]), bodySchema.text('able')]),
    ]);
    expect(serializeBodyMarkdown(doc)).toBe('so _very_ un*believ*able');
  });

  it('an empty document is an empty body', () => {
    expect(serializeBodyMarkdown(parseBodyMarkdown(''))).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { elementTexts, readCorpus } from '../../../test/support/corpus.js';
import { isDomainError } from '../errors.js';
import { assertValidSlug, isReservedSlug, MAX_SLUG_LENGTH, slugify, uniqueSlug } from './slug.js';

const INVISIBLE_OR_BIDI = /[\p{Cf}\p{Cc}\p{Cs}]/u;

describe('slugify', () => {
  it('lower-cases, drops punctuation and joins words with single hyphens', () => {
    expect(slugify("Pakistan's cabinet approves CIS-MOA — with the U.S.!")).toBe('pakistan-s-cabinet-approves-cis-moa-with-the-u-s');
  });

  it('drops accents from Latin letters and keeps other scripts as letters', () => {
    expect(slugify('Café Señor Ærø')).toBe('cafe-senor-ærø');
    expect(slugify('Ελληνικά νέα')).toBe('ελληνικα-νεα');
    expect(slugify('مرحبا بالعالم')).toBe('مرحبا-بالعالم');
  });

  it('returns NFC even for decomposed input', () => {
    const slug = slugify('한국어 뉴스'.normalize('NFD'));
    expect(slug).toBe('한국어-뉴스');
    expect(slug).toBe(slug.normalize('NFC'));
  });

  it('removes bidi overrides and zero-width characters instead of splitting words at them', () => {
    expect(slugify('Rob\u202Dert Fr\u200Bost\u2060')).toBe('robert-frost');
    expect(slugify('evil\u202Etxt.exe')).toBe('eviltxt-exe');
  });

  it('returns an empty slug when nothing usable is left', () => {
    expect(slugify('🚀🌟💫')).toBe('');
    expect(slugify('\u200B\u202E')).toBe('');
  });

  it(`keeps slugs to ${MAX_SLUG_LENGTH} characters, cut at a hyphen`, () => {
    const slug = slugify('word '.repeat(60));
    expect([...slug].length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.split('-').every((part) => part === 'word')).toBe(true);
  });

  describe('on the hostile titles of wpimporter-wxr-utf-8-challenges.xml', () => {
    const xml = readCorpus('wxr/wpimporter-wxr-utf-8-challenges.xml');
    const [channelTitle, itemTitle] = elementTexts(xml, 'title');
    const [displayName] = elementTexts(xml, 'wp:author_display_name');
    const [lastName] = elementTexts(xml, 'wp:author_last_name');

    it('reads the titles from the file', () => {
      expect(itemTitle).toContain('\u202E');
      expect(channelTitle).toContain('\u202E');
    });

    it('turns the RTL-override poem title into plain words', () => {
      expect(slugify(itemTitle!)).toBe('the-road-not-taken-by-robert-frost');
    });

    it('drops the emoji and bidi controls of the site title and keeps the Arabic word', () => {
      expect(slugify(channelTitle!)).toBe('my-wordpress-website-مرحبا');
    });

    it('strips Zalgo marks and zero-width characters from a display name', () => {
      expect(slugify(displayName!)).toBe('admin');
    });

    it('folds mathematical double-struck letters; references inside CDATA stay literal text', () => {
      // The file wraps "&#x1F1FA;&#x1F1F8;" in CDATA, so those are characters, not a flag.
      expect(slugify(lastName!)).toBe('x1f1fa-x1f1f8-unicode');
      expect(slugify('\u{1F1FA}\u{1F1F8}𝕌𝕟𝕚𝕔𝕠𝕕𝕖')).toBe('unicode');
    });

    it('never leaves invisible, bidi or lone-surrogate characters, and is always NFC and valid once unique', async () => {
      for (const text of [channelTitle!, itemTitle!, displayName!, lastName!]) {
        const slug = slugify(text);
        expect(slug).not.toMatch(INVISIBLE_OR_BIDI);
        expect(slug).toBe(slug.normalize('NFC'));
        // "admin" is reserved, so the display name becomes admin-2.
        const unique = await uniqueSlug(slug, async () => false);
        expect(() => assertValidSlug(unique)).not.toThrow();
      }
      expect(await uniqueSlug(slugify(displayName!), async () => false)).toBe('admin-2');
    });
  });
});

describe('assertValidSlug', () => {
  it('refuses the reserved prefixes of the URL scheme', () => {
    for (const reserved of ['category', 'tag', 'author', 'topic', 'search', 'admin', 'api', 'media', 'assets', 'digest']) {
      let caught: unknown;
      try {
        assertValidSlug(reserved);
      } catch (error) {
        caught = error;
      }
      expect(isDomainError(caught, 'SLUG_RESERVED')).toBe(true);
    }
  });

  it('refuses addresses that scanners probe and that feed readers guess', () => {
    // Written by hand: WordPress, Ghost, AMP and well-known paths, and feed and sitemap guesses.
    const probes = ['wp-admin', 'wp-login', 'wp-content', 'wp-includes', 'wp-json', 'xmlrpc', 'ghost', 'amp', 'feed', 'feeds', 'rss', 'atom', 'sitemap', 'sitemaps', 'sitemap-index', 'robots', 'favicon', 'well-known', 'healthz', 'readyz'];
    for (const slug of probes) {
      expect(() => assertValidSlug(slug), slug).toThrow(/is reserved/);
      expect(isReservedSlug(slug), slug).toBe(true);
    }
    for (const free of ['wp-admin-2', 'ghosts', 'amplifier', 'feedback', 'rss-feeds-explained']) expect(isReservedSlug(free), free).toBe(false);
  });

  it('refuses upper case, spaces, slashes, double hyphens and invisible characters', () => {
    for (const bad of ['Upper', 'two words', 'a/b', 'a--b', '-lead', 'trail-', 'zero\u200Bwidth', '']) {
      expect(() => assertValidSlug(bad), bad).toThrow(/not a valid slug/);
    }
  });

  it('accepts a plain slug and a non-Latin one', () => {
    expect(() => assertValidSlug('state-bank-holds-rates-2026')).not.toThrow();
    expect(() => assertValidSlug('مرحبا-بالعالم')).not.toThrow();
  });
});

describe('uniqueSlug', () => {
  it('appends -2, -3, … until the slug is free', async () => {
    const taken = new Set(['budget', 'budget-2']);
    expect(await uniqueSlug('budget', async (slug) => taken.has(slug))).toBe('budget-3');
  });

  it('treats a reserved word as taken and falls back when the base is empty', async () => {
    expect(await uniqueSlug('search', async () => false)).toBe('search-2');
    expect(await uniqueSlug('', async () => false)).toBe('article');
  });

  it('finds the next number after 2,500 drafts called "Draft" in a few dozen lookups (it used to give up at 1,000)', async () => {
    const taken = new Set(['draft', ...Array.from({ length: 2499 }, (_, i) => `draft-${i + 2}`)]);
    let lookups = 0;
    const slug = await uniqueSlug('draft', async (candidate) => {
      lookups++;
      return taken.has(candidate);
    });
    expect(slug).toBe('draft-2501');
    expect(lookups).toBeLessThan(40);
  });

  it('with gaps among the numbers, still returns a free slug', async () => {
    // 1 to 10 taken, 11 free, 12 to 300 taken, 301 free.
    const taken = new Set(['note', ...Array.from({ length: 299 }, (_, i) => `note-${i + 2}`).filter((slug) => slug !== 'note-11')]);
    const slug = await uniqueSlug('note', async (candidate) => taken.has(candidate));
    expect(taken.has(slug)).toBe(false);
    expect(slug).toMatch(/^note-\d+$/);
  });
});

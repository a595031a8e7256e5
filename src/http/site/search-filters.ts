import { DomainError } from '../../core/errors.js';
import type { SearchFilters } from '../../core/fulltext/search.js';
import type { ResolvedFilters, SearchParams } from '../../core/fulltext/params.js';
import { readWallTime } from '../../core/time/zoned-time.js';
import type { Category } from '../../core/taxonomy/taxonomy.js';
import type { SiteDeps } from './site-context.js';

const DAY = '^$|^\\d{4}-\\d{2}-\\d{2}$';
const SLUG = '^$|^[a-z0-9][a-z0-9-]{0,119}$';

export function searchQuerySchema(maxPage: number) {
  return {
    type: 'object',
    properties: {
      q: { type: 'string', maxLength: 200, default: '' },
      sort: { type: 'string', enum: ['relevance', 'date'], default: 'relevance' },
      section: { type: 'string', pattern: SLUG, default: '' },
      author: { type: 'string', pattern: SLUG, default: '' },
      tag: { type: 'string', pattern: SLUG, default: '' },
      from: { type: 'string', pattern: DAY, default: '' },
      to: { type: 'string', pattern: DAY, default: '' },
      page: { type: 'integer', minimum: 1, maximum: maxPage, default: 1 },
    },
    additionalProperties: false,
  } as const;
}

/** The instant a calendar day of the site's zone starts; a 400 for a day that is not on the calendar. */
function dayStart(day: string, timeZone: string, field: 'from' | 'to'): Date {
  const reading = isCalendarDay(day) ? readWallTime(`${day}T00:00`, timeZone) : undefined;
  if (!reading) throw new DomainError('VALIDATION_FAILED', `“${day}” is not a date: use YYYY-MM-DD, such as 2026-11-29.`, { field });
  // Midnight skipped by a clock change: the day starts when the clocks resume.
  if (reading.kind === 'exact') return reading.instant;
  if (reading.kind === 'repeated') return reading.choices[0].instant;
  const resumed = readWallTime(`${day}T${reading.gapEnd}`, timeZone);
  return resumed?.kind === 'exact' ? resumed.instant : new Date(Date.parse(`${day}T00:00:00Z`));
}

/** YYYY-MM-DD naming a day the calendar has (not 2026-02-30). */
function isCalendarDay(day: string): boolean {
  const [year = NaN, month = NaN, date = NaN] = day.split('-').map(Number);
  const at = new Date(Date.UTC(year, month - 1, date));
  return at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === date;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A section and every section under it. */
function withSubsections(categories: readonly Category[], rootId: number): number[] {
  const ids = new Set([rootId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const category of categories) {
      if (category.parentId !== null && ids.has(category.parentId) && !ids.has(category.id)) {
        ids.add(category.id);
        grew = true;
      }
    }
  }
  return [...ids];
}

export async function resolveSearchFilters(deps: SiteDeps, params: SearchParams): Promise<ResolvedFilters> {
  const timeZone = deps.config.timeZone;
  const search: SearchFilters = {};
  if (params.from) search.from = dayStart(params.from, timeZone, 'from');
  if (params.to) {
    dayStart(params.to, timeZone, 'to');
    search.to = new Date(dayStart(nextDay(params.to), timeZone, 'to').getTime() - 1);
  }
  if (search.from && search.to && search.from > search.to) {
    throw new DomainError('VALIDATION_FAILED', `The date range ends (${params.to}) before it starts (${params.from}).`, { field: 'to' });
  }
  const [sections, author, tag] = await Promise.all([
    deps.store.categories.list(),
    params.author ? deps.store.users.findBySlug(params.author) : undefined,
    params.tag ? deps.store.tags.findBySlug(params.tag) : undefined,
  ]);
  const labels: ResolvedFilters['labels'] = {};
  let unknown: ResolvedFilters['unknown'];
  if (params.section) {
    const section = sections.find((category) => category.slug === params.section);
    if (section) {
      search.sectionIds = withSubsections(sections, section.id);
      labels.section = section.name;
    } else unknown = 'section';
  }
  if (params.author) {
    // Only people with a public byline: the filter must not tell readers who else works here.
    if (author && (await deps.store.users.isBylined(author.id, deps.clock.now()))) {
      search.authorId = author.id;
      labels.author = author.displayName;
    } else unknown ??= 'author';
  }
  if (params.tag) {
    if (tag) {
      search.tagId = tag.id;
      labels.tag = tag.name;
    } else unknown ??= 'tag';
  }
  return { search, labels, sections, ...(unknown ? { unknown } : {}) };
}

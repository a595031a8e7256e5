import type { Category } from '../taxonomy/taxonomy.js';
import type { SearchFilters } from './search.js';

// The search page's parameters and filters, shared by the route that reads them and the view that links them.

/** Every query parameter the search page reads, in the order its links write them. */
export const SEARCH_PARAMS = ['q', 'sort', 'section', 'author', 'tag', 'from', 'to', 'page'] as const;

export interface SearchParams {
  q: string;
  sort: 'relevance' | 'date';
  section: string;
  author: string;
  tag: string;
  from: string;
  to: string;
  page: number;
}

/** The filters as the search needs them, with what the page shows about them. */
export interface ResolvedFilters {
  search: SearchFilters;
  /** Named filters in force, for the page to show and let the reader remove. */
  labels: { section?: string; author?: string; tag?: string };
  /** A filter naming something that does not exist: nothing can match, and the page says which. */
  unknown?: 'section' | 'author' | 'tag';
  sections: readonly Category[];
}

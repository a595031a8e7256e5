/**
 * Word lists for generated benchmark articles. Plain lower-case words with no Markdown or typographer
 * meaning (no quotes, dashes, dots or asterisks), so the generated HTML is exactly what markdown-it makes.
 */

export const NOUNS = [
  'council', 'harbour', 'budget', 'railway', 'school', 'hospital', 'river', 'market', 'bridge', 'airport',
  'museum', 'library', 'farm', 'factory', 'court', 'parliament', 'ministry', 'union', 'festival', 'stadium',
  'village', 'district', 'coastline', 'reservoir', 'tram', 'ferry', 'clinic', 'orchard', 'quarry', 'tunnel',
  'garden', 'pension', 'tariff', 'housing', 'election', 'harvest', 'drought', 'flood', 'storm', 'wildfire',
  'vaccine', 'laboratory', 'satellite', 'telescope', 'archive', 'theatre', 'orchestra', 'bakery', 'fishery', 'mine',
  'forest', 'valley', 'island', 'canal', 'motorway', 'station', 'tower', 'prison', 'university', 'charter',
] as const;

export const ADJECTIVES = [
  'local', 'national', 'coastal', 'rural', 'northern', 'southern', 'eastern', 'western', 'urban', 'historic',
  'temporary', 'permanent', 'regional', 'public', 'private', 'rising', 'falling', 'quiet', 'crowded', 'remote',
  'ageing', 'modern', 'disputed', 'delayed', 'restored', 'flooded', 'shuttered', 'expanded', 'overdue', 'careful',
  'patient', 'bold', 'modest', 'sudden', 'gradual', 'seasonal', 'annual', 'early', 'late', 'independent',
] as const;

export const VERBS = [
  'approves', 'rejects', 'delays', 'expands', 'reopens', 'closes', 'reviews', 'funds', 'questions', 'backs',
  'warns', 'plans', 'weighs', 'revives', 'halts', 'extends', 'trims', 'doubles', 'restores', 'replaces',
  'defends', 'studies', 'welcomes', 'challenges', 'confirms', 'postpones', 'measures', 'protects', 'rebuilds', 'shares',
] as const;

export const PLACES = [
  'Eastbrook', 'Marlow Vale', 'Port Aldane', 'Kessington', 'Ravensholm', 'Lindqvist Bay', 'Oberhollow', 'Santa Veria',
  'Thornbury Cross', 'New Amberly', 'Calder Heights', 'Brightwater', 'Mossgiel', 'Duncaster', 'Vellmoor', 'Ashfordby',
  'Kirrinfield', 'Lowmere', 'Greystane', 'Havenport',
] as const;

export const FILLER = [
  'the', 'a', 'its', 'their', 'this', 'that', 'with', 'without', 'after', 'before', 'during', 'despite', 'because',
  'while', 'and', 'but', 'or', 'so', 'for', 'from', 'into', 'over', 'under', 'near', 'across', 'between', 'some',
  'many', 'few', 'most', 'several', 'every', 'each', 'officials', 'residents', 'workers', 'experts', 'families',
  'volunteers', 'engineers', 'teachers', 'nurses', 'farmers', 'drivers', 'said', 'says', 'expects', 'hopes',
  'argues', 'noted', 'added', 'later', 'again', 'still', 'already', 'soon', 'perhaps', 'mostly', 'rarely', 'often',
  'plan', 'report', 'vote', 'cost', 'delay', 'change', 'study', 'figure', 'week', 'month', 'year', 'season',
] as const;

export const HEADINGS = [
  'What happens next', 'How we got here', 'The cost so far', 'Who is affected', 'What residents say',
  'The numbers behind it', 'A long argument', 'What the council decided', 'Questions that remain', 'The view from outside',
  'Why it matters', 'What changed this week', 'The timetable', 'Voices from the ground', 'Looking further ahead',
  'The other side', 'Lessons from before', 'Where the money goes', 'What experts expect', 'A closer look',
] as const;

export const FIRST_NAMES = ['Ines', 'Tomasz', 'Priya', 'Olufemi', 'Hanna', 'Mateo', 'Aiko', 'Rory', 'Selin', 'Dmitri'] as const;
export const LAST_NAMES = ['Caldwell', 'Okonkwo', 'Varga', 'Lindholm', 'Rasheed', 'Moreau', 'Tanaka', 'Bellweather', 'Quist', 'Abara'] as const;

/** Top-level sections first, then sub-sections naming their parent's slug. */
export const CATEGORIES: ReadonlyArray<{ slug: string; name: string; parent?: string }> = [
  { slug: 'politics', name: 'Politics' },
  { slug: 'economy', name: 'Economy' },
  { slug: 'science', name: 'Science' },
  { slug: 'culture', name: 'Culture' },
  { slug: 'environment', name: 'Environment' },
  { slug: 'world', name: 'World' },
  { slug: 'elections', name: 'Elections', parent: 'politics' },
  { slug: 'local-government', name: 'Local government', parent: 'politics' },
  { slug: 'markets', name: 'Markets', parent: 'economy' },
  { slug: 'health', name: 'Health', parent: 'science' },
  { slug: 'books', name: 'Books', parent: 'culture' },
  { slug: 'climate', name: 'Climate', parent: 'environment' },
];

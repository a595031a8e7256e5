// Judged queries over judged-corpus.ts, answered by hand from the search specification (issue 10), not from
// any engine: each names the articles that must be among the first five results and those that must not
// appear at all, with the reason.
//
// Scores used to judge the ordered ones, with d the age in days:
//   score = W × (0.5 + 0.5 × 2^(−d/30)), W = headline 8, standfirst 4, tags 3, body 1
// so a headline match scores 4…8, standfirst 2…4, tags 1.5…3, body 0.5…1. A match whose words are spread over
// several fields is in the body tier. Ties go to the newer article.

export interface JudgedQuery {
  /** Unique, short; names the test. */
  id: string;
  q: string;
  /** Further query parameters: section, author, tag, from, to, sort. */
  params?: Record<string, string>;
  /** Slugs that must be among the first five results. */
  mustTop5: string[];
  /** When set, the first results must be exactly `mustTop5`, in this order. */
  ordered?: boolean;
  /** Slugs that must not appear anywhere in the results. */
  mustNot: string[];
  /** Further slugs that match and are right to show, though not required in the top five (for precision). */
  alsoRelevant?: string[];
  /** The query must find nothing at all. */
  expectEmpty?: boolean;
  reason: string;
}

// Slugs used more than once, named once.
const CITY_COUNCIL = 'city-council-approves-housing-budget';
const COUNCILS_WARN = 'councils-warn-of-widening-funding-gap';
const COUNCIL_VOTE_2021 = 'council-budget-vote-delayed-by-auditor';
const VOLUNTEERS = 'volunteers-clear-litter-from-river-wey';
const LISBON_TRAM = 'lisbon-tram-fares-rise';
const COUNCIL_DRAFT = 'council-budget-leak-reveals-library-closures';
const ELECTION_COUNT = 'election-count-delayed-in-three-wards';
const POLLING_DAY = 'parties-sharpen-their-pitch-before-polling-day';
const SPEAKER_PROFILE = 'the-art-of-the-possible';
const SHAREHOLDERS = 'shareholders-vote-down-pay-package';
const SPEAKER_DEBATE = 'speaker-rejects-call-for-emergency-debate';
const RUNNER = 'runner-breaks-lisbon-marathon-course-record';
const METRO = 'new-metro-line-running-two-years-late';
const CAFE_PROTEST = 'cafe-owners-protest-rent-rises';
const CAFE_CHAIN = 'cafe-chain-to-close-40-branches';
const CAFE_SCHEDULED = 'cafe-owners-to-get-rent-relief';
const SAO_PAULO = 'sao-paulo-floods-leave-thousands-without-power';
const ZURICH_FINE = 'zurich-regulator-fines-private-bank';
const ALPINE_STORMS = 'insurers-count-the-cost-of-alpine-storms';
const ZURICH_WITHDRAWN = 'zurich-bank-chair-resigns';
const COP30 = 'cop30-climate-talks-open-in-belem';
const KRAKOW = 'krakow-opens-low-emission-zone';
const NATO = 'nato-summit-ends-with-air-defence-pledge';
const MINISTERS_DEFEND = 'ministers-defend-spending-plan';
const DEFENSIVE = 'defensive-errors-cost-united-the-derby';
const FENCE = 'neighbours-fence-dispute-reaches-high-court';
const IMF = 'imf-cuts-growth-forecast-for-eurozone';
const BOE = 'bank-of-england-holds-interest-rates';
const FLOOD_COSTS = 'flood-costs-mount-for-river-towns';
const GOVERNORS = 'former-governors-warn-over-rate-setting';
const INFLATION = 'inflation-falls-for-second-month';
const BANK_HOLIDAY = 'bank-holiday-traffic-warning-for-m25';
const STATE_OF_EMERGENCY = 'governor-declares-state-of-emergency-after-floods';
const STATE_BUDGET = 'emergency-services-stretched-as-state-budget-tightens';
const BEAVERS = 'beavers-return-to-devon-river';
const OSLO = 'oslo-switches-last-diesel-buses-to-electric';
const NORWAY = 'electric-car-sales-overtake-diesel-in-norway';
const GRID = 'grid-operator-plans-electric-cable-under-north-sea';
const GENEVA = 'electric-ferries-enter-service-on-lake-geneva';
const MADRID = 'electric-scooter-ban-stays-in-madrid';
const LEEDS_IN_REVIEW = 'electric-buses-delayed-in-leeds';
const FELIXSTOWE = 'port-of-felixstowe-plans-deeper-berths';
const RED_SEA = 'shipping-rates-double-on-red-sea-diversions';
const TOYS = 'toy-prices-climb-before-christmas';
const RETAILERS = 'retailers-brace-for-a-lean-christmas';
const SEVILLE = 'heatwave-grips-seville';
const OLIVES = 'farmers-fear-heatwave-will-ruin-olive-harvest';
const FERRY_NOW = 'ferry-strike-called-off-after-late-night-talks';
const FERRY_2021 = 'ferry-strike-called-off-after-pay-deal';
const FERRY_LOOMS = 'ferry-strike-looms-over-holiday-weekend';
const ISLAND_TOURISM = 'island-tourism-dips-in-october';
const FERRY_NOINDEX = 'ferry-strike-what-we-know';
const NHS = 'nhs-waiting-lists-fall-for-third-month';
const TRAM_WAITING = 'tram-passengers-left-waiting-after-power-cut';
const OMBUDSMAN = 'complaints-about-energy-bills-hit-a-record';

const COUNCIL_RANKED = [CITY_COUNCIL, COUNCILS_WARN, COUNCIL_VOTE_2021, VOLUNTEERS, LISBON_TRAM];
const ELECTRIC_RANKED = [MADRID, OSLO, NORWAY, GENEVA, GRID];
const FERRY_STRIKE_RANKED = [FERRY_NOW, FERRY_LOOMS, FERRY_2021, ISLAND_TOURISM];

export const judgedQueries: JudgedQuery[] = [
  // ── Words, word forms, AND
  {
    id: 'council',
    q: 'council',
    mustTop5: COUNCIL_RANKED,
    ordered: true,
    mustNot: [COUNCIL_DRAFT],
    reason: 'three headline matches newest first (2 d 7.8, 10 d 7.2, 5 y 4.0), then the body matches (1 d 0.99, 13 d 0.87); the draft is never shown',
  },
  {
    id: 'councils-plural',
    q: 'councils',
    mustTop5: COUNCIL_RANKED,
    mustNot: [COUNCIL_DRAFT],
    reason: 'stemming on both sides: "councils" finds "council" and "Councils"',
  },
  {
    id: 'council-with-stopword',
    q: 'the council',
    mustTop5: COUNCIL_RANKED,
    ordered: true,
    mustNot: [COUNCIL_DRAFT],
    reason: '"the" is a stopword and is ignored, so the answer is the one for "council"',
  },
  {
    id: 'council-budget',
    q: 'council budget',
    mustTop5: [CITY_COUNCIL, COUNCIL_VOTE_2021, COUNCILS_WARN],
    ordered: true,
    mustNot: [COUNCIL_DRAFT, STATE_BUDGET, VOLUNTEERS, LISBON_TRAM],
    reason: 'every word must match; both words in two headlines (2 d, 5 y), then council in a headline with budget in the body (spread: body tier); "budget" alone or "council" alone is not enough',
  },
  {
    id: 'elections',
    q: 'elections',
    mustTop5: [ELECTION_COUNT, POLLING_DAY],
    ordered: true,
    mustNot: [],
    alsoRelevant: [SPEAKER_PROFILE],
    reason: '"Election" in a headline beats "elections" in a standfirst; "elected" in a body shares the stem (elect) and may follow',
  },
  {
    id: 'running',
    q: 'running',
    mustTop5: [METRO, RUNNER],
    ordered: true,
    mustNot: [],
    reason: '"running" in a headline, then "runs" in a body (running and runs both stem to run; "Runner" does not)',
  },
  {
    id: 'running-without-marathon',
    q: 'running -marathon',
    mustTop5: [METRO],
    mustNot: [RUNNER],
    reason: '-word excludes the marathon story, whose body matched "running" through "runs"',
  },

  // ── Accents and case
  {
    id: 'cafe-unaccented',
    q: 'cafe',
    mustTop5: [CAFE_PROTEST, CAFE_CHAIN],
    ordered: true,
    mustNot: [CAFE_SCHEDULED],
    reason: '"cafe" finds "Café" (1 d) and "Cafe" (20 d), both headlines, newer first; the scheduled story is not public yet',
  },
  {
    id: 'cafe-accented',
    q: 'café',
    mustTop5: [CAFE_PROTEST, CAFE_CHAIN],
    ordered: true,
    mustNot: [CAFE_SCHEDULED],
    reason: 'accents fold both ways: "café" finds "Cafe" too',
  },
  {
    id: 'cafes-upper-case-plural',
    q: 'CAFÉS',
    mustTop5: [CAFE_PROTEST, CAFE_CHAIN],
    mustNot: [CAFE_SCHEDULED],
    reason: 'case, accents and plural all fold: CAFÉS → cafe',
  },
  {
    id: 'sao-paulo-unaccented',
    q: 'sao paulo',
    mustTop5: [SAO_PAULO],
    mustNot: [],
    reason: '"sao" finds "São"',
  },
  {
    id: 'sao-paulo-accented',
    q: 'São Paulo',
    mustTop5: [SAO_PAULO],
    mustNot: [],
    reason: 'the accented query finds the same story',
  },
  {
    id: 'zurich-unaccented',
    q: 'zurich',
    mustTop5: [ZURICH_FINE, ALPINE_STORMS],
    ordered: true,
    mustNot: [ZURICH_WITHDRAWN],
    reason: '"zurich" finds "Zürich" in a headline and "Zurich" in a body; the withdrawn Zürich story is gone',
  },
  {
    id: 'zurich-accented',
    q: 'Zürich',
    mustTop5: [ZURICH_FINE, ALPINE_STORMS],
    ordered: true,
    mustNot: [ZURICH_WITHDRAWN],
    reason: '"Zürich" finds the unaccented "Zurich" in a body as well',
  },
  {
    id: 'evian-in-standfirst',
    q: 'evian',
    mustTop5: [GENEVA],
    mustNot: [],
    reason: '"Évian" appears only in a standfirst',
  },
  {
    id: 'jaen-in-body',
    q: 'jaen',
    mustTop5: [OLIVES],
    mustNot: [],
    reason: '"Jaén" appears only in a body',
  },
  {
    id: 'ines-duarte',
    q: 'ines duarte',
    mustTop5: [RUNNER],
    mustNot: [],
    reason: '"Inês Duarte" in a standfirst',
  },
  {
    id: 'krakow',
    q: 'krakow',
    mustTop5: [KRAKOW],
    mustNot: [],
    reason: '"krakow" finds "Kraków" (ó folds to o)',
  },

  // ── Acronyms and numbers
  {
    id: 'nato-upper',
    q: 'NATO',
    mustTop5: [NATO],
    mustNot: [],
    reason: 'an acronym in a headline and a tag',
  },
  {
    id: 'nato-lower',
    q: 'nato',
    mustTop5: [NATO],
    mustNot: [],
    reason: 'case does not matter',
  },
  {
    id: 'cop30',
    q: 'COP30',
    mustTop5: [COP30],
    mustNot: [],
    reason: 'a word made of letters and digits is one word',
  },
  {
    id: 'belem',
    q: 'belem',
    mustTop5: [COP30],
    mustNot: [],
    reason: '"belem" finds "Belém"',
  },
  {
    id: 'imf',
    q: 'imf',
    mustTop5: [IMF],
    mustNot: [],
    reason: 'a three-letter acronym',
  },

  // ── Prefix
  {
    id: 'defen-prefix',
    q: 'defen*',
    mustTop5: [NATO, MINISTERS_DEFEND, DEFENSIVE],
    mustNot: [FENCE],
    reason: 'the prefix finds defence, defend and Defensive; "fence" does not start with "defen"',
  },
  {
    id: 'defence-word',
    q: 'defence',
    mustTop5: [NATO],
    mustNot: [FENCE, DEFENSIVE],
    reason: 'without the star only the word defence (stem defenc) matches; "Defensive" stems to defens (defend is left unjudged: its stem differs, but stemmers vary)',
  },
  {
    id: 'council-prefix',
    q: 'counc*',
    mustTop5: COUNCIL_RANKED,
    mustNot: [COUNCIL_DRAFT],
    reason: 'the prefix finds council, councils and councillors; exactly five public articles match',
  },

  // ── Phrases
  {
    id: 'bank-of-england-phrase',
    q: '"bank of england"',
    mustTop5: [BOE, GOVERNORS],
    ordered: true,
    mustNot: [FLOOD_COSTS, BANK_HOLIDAY, ZURICH_FINE, NHS],
    reason: 'the phrase in a headline, then in a standfirst; "England, a river bank" has both words apart and in the other order',
  },
  {
    id: 'bank-of-england-words',
    q: 'bank of england',
    mustTop5: [BOE, GOVERNORS, FLOOD_COSTS],
    ordered: true,
    mustNot: [BANK_HOLIDAY, ZURICH_FINE, NHS],
    reason: 'unquoted: both words anywhere (headline, standfirst, then the body where they are apart); "of" is a stopword',
  },
  {
    id: 'interest-rates-phrase',
    q: '"interest rates"',
    mustTop5: [BOE, GOVERNORS],
    ordered: true,
    mustNot: [MINISTERS_DEFEND, RED_SEA],
    reason: 'the phrase in a headline, then a standfirst; "rate of income tax" and "Shipping rates" lack "interest"',
  },
  {
    id: 'state-of-emergency-phrase',
    q: '"state of emergency"',
    mustTop5: [STATE_OF_EMERGENCY],
    mustNot: [STATE_BUDGET, SPEAKER_DEBATE, SAO_PAULO],
    reason: 'the phrase matches with the stopword skipped; "Emergency services … state budget" has the words apart',
  },
  {
    id: 'state-emergency-words',
    q: 'state emergency',
    mustTop5: [STATE_OF_EMERGENCY, STATE_BUDGET],
    ordered: true,
    mustNot: [SPEAKER_DEBATE, SAO_PAULO],
    reason: 'both words in two headlines (2 d before 4 d); "statement" is not "state", and "state" alone is not enough',
  },

  // ── Exclusion
  {
    id: 'floods-without-phrase',
    q: 'floods -"state of emergency"',
    mustTop5: [SAO_PAULO, FLOOD_COSTS],
    ordered: true,
    mustNot: [STATE_OF_EMERGENCY],
    alsoRelevant: [BEAVERS],
    reason: '-"phrase" drops the story with the phrase; the other flood headlines remain (2 d, 4 d), then "flood" in a body',
  },
  {
    id: 'electric',
    q: 'electric',
    mustTop5: ELECTRIC_RANKED,
    ordered: true,
    mustNot: [LEEDS_IN_REVIEW],
    reason: 'five headline matches, newest first; the story in review is not public',
  },
  {
    id: 'electric-without-diesel',
    q: 'electric -diesel',
    mustTop5: [MADRID, GENEVA, GRID],
    ordered: true,
    mustNot: [OSLO, NORWAY, LEEDS_IN_REVIEW],
    reason: '-diesel drops both stories that mention diesel',
  },
  {
    id: 'electric-without-diesel-buses',
    q: 'electric -"diesel buses"',
    mustTop5: [MADRID, NORWAY, GENEVA, GRID],
    ordered: true,
    mustNot: [OSLO, LEEDS_IN_REVIEW],
    reason: 'excluding the phrase drops only the Oslo story; "diesel in Norway" is not "diesel buses"',
  },
  {
    id: 'only-exclusion',
    q: '-diesel',
    mustTop5: [],
    mustNot: [OSLO, NORWAY, KRAKOW],
    expectEmpty: true,
    reason: 'a query with only exclusions finds nothing',
  },
  {
    id: 'diesel',
    q: 'diesel',
    mustTop5: [OSLO, NORWAY, KRAKOW],
    ordered: true,
    mustNot: [],
    reason: 'two headlines (5 d, 7 d) before a standfirst (13 d)',
  },

  // ── Ranking: tiers and freshness
  {
    id: 'shipping-tiers',
    q: 'shipping',
    mustTop5: [RED_SEA, RETAILERS, FELIXSTOWE, TOYS],
    ordered: true,
    mustNot: [],
    reason: 'headline 40 d (5.59) > standfirst 25 d (3.12) > tag 3 d (2.90) > body 1 d (0.99): tiers outweigh freshness',
  },
  {
    id: 'shipping-by-date',
    q: 'shipping',
    params: { sort: 'date' },
    mustTop5: [TOYS, FELIXSTOWE, RETAILERS, RED_SEA],
    ordered: true,
    mustNot: [],
    reason: 'sort=date ignores tiers: newest first',
  },
  {
    id: 'heatwave-farmers-spread',
    q: 'heatwave farmers',
    mustTop5: [OLIVES, SEVILLE],
    ordered: true,
    mustNot: [],
    reason: 'both words in one 60-day-old headline (5.0) beat a fresh story with one word in the headline and one in the standfirst, which is body tier (0.99)',
  },
  {
    id: 'ferry-strike',
    q: 'ferry strike',
    mustTop5: FERRY_STRIKE_RANKED,
    ordered: true,
    mustNot: [FERRY_NOINDEX],
    reason: 'near-duplicate headlines newest first (2 h, 3 d, 5 y), then the 1-hour-old body match: an old headline still beats a fresh body; noindex is never found',
  },
  {
    id: 'ferry-strike-with-stopword',
    q: 'the ferry strike',
    mustTop5: FERRY_STRIKE_RANKED,
    ordered: true,
    mustNot: [FERRY_NOINDEX],
    reason: 'the stopword changes nothing',
  },
  {
    id: 'ferry-strike-by-date',
    q: 'ferry strike',
    params: { sort: 'date' },
    mustTop5: [ISLAND_TOURISM, FERRY_NOW, FERRY_LOOMS, FERRY_2021],
    ordered: true,
    mustNot: [FERRY_NOINDEX],
    reason: 'sort=date puts the 1-hour-old body match first',
  },
  {
    id: 'ferries-plural',
    q: 'ferries',
    mustTop5: [FERRY_NOW, FERRY_LOOMS, GENEVA, FERRY_2021, ISLAND_TOURISM],
    ordered: true,
    mustNot: [FERRY_NOINDEX],
    reason: 'ferries/ferry share a stem: headlines at 2 h (8.0), 3 d (7.7), 7.7 d (7.4), 5 y (4.0), then a body (1 h)',
  },
  {
    id: 'waiting-lists-phrase',
    q: '"waiting lists"',
    mustTop5: [NHS],
    mustNot: [TRAM_WAITING],
    reason: 'the tram story has "waiting" in its headline and "list" in its body, not together',
  },
  {
    id: 'waiting-list-words',
    q: 'waiting list',
    mustTop5: [NHS, TRAM_WAITING],
    ordered: true,
    mustNot: [BOE, INFLATION, OMBUDSMAN],
    reason: 'unquoted: the headline match first, then the spread match (body tier); "wait" without "list" is not enough',
  },
  {
    id: 'word-in-link-text',
    q: 'ombudsman',
    mustTop5: [OMBUDSMAN],
    mustNot: [],
    reason: 'a word only inside Markdown link text is body text',
  },

  // ── Filters
  {
    id: 'vote-all-forms',
    q: 'vote',
    mustTop5: [SHAREHOLDERS, COUNCIL_VOTE_2021, CITY_COUNCIL, BOE, ELECTION_COUNT],
    mustNot: [],
    reason: 'vote, voted and Voting share a stem: two headlines, two standfirsts, one body (exactly five)',
  },
  {
    id: 'vote-in-politics',
    q: 'vote',
    params: { section: 'politics' },
    mustTop5: [CITY_COUNCIL, COUNCIL_VOTE_2021, ELECTION_COUNT],
    mustNot: [SHAREHOLDERS, BOE],
    reason: 'section=politics includes its subsection Elections and drops Business',
  },
  {
    id: 'vote-in-elections',
    q: 'vote',
    params: { section: 'elections' },
    mustTop5: [ELECTION_COUNT],
    mustNot: [CITY_COUNCIL, COUNCIL_VOTE_2021, SHAREHOLDERS, BOE],
    reason: 'a subsection does not include its parent',
  },
  {
    id: 'vote-by-author',
    q: 'vote',
    params: { author: 'lucia-ferreira' },
    mustTop5: [ELECTION_COUNT, SHAREHOLDERS],
    mustNot: [CITY_COUNCIL, COUNCIL_VOTE_2021, BOE],
    reason: 'author= keeps her two stories only',
  },
  {
    id: 'council-by-author',
    q: 'council',
    params: { author: 'amina-rahman' },
    mustTop5: [CITY_COUNCIL, COUNCIL_VOTE_2021],
    ordered: true,
    mustNot: [COUNCILS_WARN, VOLUNTEERS, LISBON_TRAM, COUNCIL_DRAFT],
    reason: 'author= drops the other writers; her draft stays hidden',
  },
  {
    id: 'bank-by-tag',
    q: 'bank',
    params: { tag: 'interest-rates' },
    mustTop5: [BOE],
    mustNot: [ZURICH_FINE, FLOOD_COSTS, GOVERNORS, INFLATION, BANK_HOLIDAY],
    reason: 'tag= keeps only the story tagged Interest rates',
  },
  {
    id: 'strike-by-tag',
    q: 'strike',
    params: { tag: 'ferries' },
    mustTop5: [FERRY_NOW, FERRY_LOOMS, FERRY_2021],
    ordered: true,
    mustNot: [ISLAND_TOURISM, FERRY_NOINDEX],
    reason: 'the tourism story mentions the strike but is not tagged Ferries; the noindex one is',
  },
  {
    id: 'electric-by-tag',
    q: 'electric',
    params: { tag: 'transport' },
    mustTop5: [MADRID, OSLO, NORWAY, GENEVA],
    ordered: true,
    mustNot: [GRID, LEEDS_IN_REVIEW],
    reason: 'the grid story is tagged Energy, not Transport',
  },
  {
    id: 'ferry-in-business',
    q: 'ferry',
    params: { section: 'business' },
    mustTop5: FERRY_STRIKE_RANKED,
    ordered: true,
    mustNot: [GENEVA, FERRY_NOINDEX],
    reason: 'the Lake Geneva ferries are in World',
  },
  {
    id: 'electric-between-dates',
    q: 'electric',
    params: { from: '2026-11-22', to: '2026-11-24' },
    mustTop5: [OSLO, NORWAY, GENEVA],
    ordered: true,
    mustNot: [MADRID, GRID],
    reason: 'days in Karachi: Geneva (21 Nov 20:00 UTC) is 22 Nov there, in; Madrid (24 Nov 19:30 UTC) is 25 Nov there, out',
  },
  {
    id: 'electric-from-date',
    q: 'electric',
    params: { from: '2026-11-25' },
    mustTop5: [MADRID],
    mustNot: [OSLO, NORWAY, GENEVA, GRID],
    reason: 'only the story published after midnight 25 Nov in Karachi (though 24 Nov in UTC)',
  },
  {
    id: 'electric-to-date',
    q: 'electric',
    params: { to: '2026-11-21' },
    mustTop5: [GRID],
    mustNot: [GENEVA, NORWAY, OSLO, MADRID],
    reason: 'Geneva is 21 Nov in UTC but 22 Nov in Karachi, so only the 20 Nov story is in',
  },
  {
    id: 'unknown-section',
    q: 'council',
    params: { section: 'no-such-section' },
    mustTop5: [],
    mustNot: COUNCIL_RANKED,
    expectEmpty: true,
    reason: 'an unknown section slug gives an empty result',
  },
  {
    id: 'unknown-author',
    q: 'council',
    params: { author: 'no-such-person' },
    mustTop5: [],
    mustNot: COUNCIL_RANKED,
    expectEmpty: true,
    reason: 'an unknown author slug gives an empty result',
  },
  {
    id: 'unknown-tag',
    q: 'council',
    params: { tag: 'no-such-tag' },
    mustTop5: [],
    mustNot: COUNCIL_RANKED,
    expectEmpty: true,
    reason: 'an unknown tag slug gives an empty result',
  },

  // ── Stopwords only
  {
    id: 'only-the',
    q: 'the',
    mustTop5: [],
    mustNot: [SPEAKER_PROFILE, 'frost-warning-for-the-weekend'],
    expectEmpty: true,
    reason: 'a query made only of stopwords finds nothing, even where "the" is in the headline',
  },
  {
    id: 'only-stopwords',
    q: 'of the and',
    mustTop5: [],
    mustNot: [SPEAKER_PROFILE],
    expectEmpty: true,
    reason: 'several stopwords are still only stopwords',
  },
];

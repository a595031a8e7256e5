import nlp from 'compromise';

/**
 * People, places, organisations and acronyms named in a story, found without a network or a model download
 * (issue 12, STACK.md "Entity extraction"): our own rules (titles before names, initials and name particles,
 * the words that end an organisation's name, the shape of an acronym, every country name the runtime knows)
 * over compromise's lexicon of places and first and last names. compromise's tagger is not run: it cost about
 * 30 ms per 450 words and found no more than the lexicon does here. Editors confirm, merge and reject what
 * comes out; this only suggests.
 */
export type EntityKind = 'person' | 'place' | 'org' | 'acronym';

export interface ExtractedEntities {
  people: string[];
  places: string[];
  organisations: string[];
  acronyms: string[];
}

/** compromise's lexicon (word or phrase, lower case → tags), read once; its tagger is never run (too slow per story). */
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;
const PLACE_TAGS = new Set(['City', 'Country', 'Region', 'Place']);
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);

function lexiconTags(words: readonly string[]): string[] {
  const tags = LEXICON[words.join(' ').toLowerCase()];
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
}

/** Country abbreviations a reader takes for the place, not for an acronym. */
const COUNTRY_ABBREVIATIONS = new Set(['US', 'USA', 'UK', 'UAE']);

/** Every country and territory name the runtime's locale data has, plus the short forms news prose uses. */
const COUNTRY_NAMES: ReadonlySet<string> = (() => {
  const names = new Set<string>(['United States', 'Britain', 'Great Britain', 'England', 'Scotland', 'Wales', 'Russia', 'Turkey', 'Türkiye', 'Holland', 'Burma', 'Ivory Coast', 'Czech Republic', 'Gaza', 'West Bank', 'Kashmir', 'Taiwan', 'Republic of Korea', 'The Hague']);
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = display.of(code);
      if (name && name !== code && !/\d|Unknown|Pseudo/.test(name)) names.add(name.replace(/\s*\(.*\)$/, ''));
    }
  }
  return names;
})();

/** Regions news prose names in more than one word, which no country list holds. */
const REGION_NAMES = ['Latin America', 'North America', 'South America', 'Central America', 'Central Asia', 'South Asia', 'East Asia', 'Southeast Asia', 'West Asia', 'Middle East', 'Eastern Europe', 'Western Europe', 'Central Europe', 'Sub-Saharan Africa', 'North Africa', 'West Africa', 'East Africa', 'Southern Africa', 'Horn of Africa', 'Asia-Pacific', 'Indo-Pacific', 'Caribbean', 'Balkans', 'Sahel', 'Gulf'];
const REGIONS = REGION_NAMES.map((name) => ({ name, pattern: new RegExp(`(?<![\\p{L}-])${escapeRegExp(name)}(?![\\p{L}-])`, 'u') }));

/** Words that end the name of a place ("Arabian Sea", "Aichi Prefecture") or head one ("Strait of Hormuz"). */
const PLACE_ENDINGS = new Set(['Sea', 'Ocean', 'Gulf', 'Bay', 'Strait', 'Straits', 'River', 'Lake', 'Mountains', 'Hills', 'Island', 'Islands', 'Peninsula', 'Desert', 'Valley', 'Prefecture', 'Province', 'Canal', 'Coast', 'Delta', 'Plateau']);

/** Titles and roles written before a name; the name is what follows. Longest first. */
const TITLES = [
  'Chief of Army Staff', 'Chief of Naval Staff', 'Chief of Air Staff', 'Chief of Defence Staff', 'Chief Justice', 'Chief Minister', 'Chief Executive',
  'Prime Minister', 'Deputy Prime Minister', 'Foreign Minister', 'Finance Minister', 'Defence Minister', 'Defense Minister', 'External Affairs Minister', 'Home Minister', 'Minister',
  'Vice President', 'Vice-President', 'President', 'Secretary-General', 'Secretary General', 'Secretary', 'Governor', 'Deputy Governor', 'Lieutenant General', 'Major General', 'General',
  'Air Chief Marshal', 'Air Marshal', 'Admiral', 'Vice Admiral', 'Rear Admiral', 'Commander', 'Captain', 'Colonel', 'Chairman', 'Chairperson', 'Chair', 'Director-General', 'Director General', 'Director',
  'Ambassador', 'High Commissioner', 'Commissioner', 'Justice', 'Judge', 'Senator', 'Chancellor', 'Mayor', 'King', 'Queen', 'Prince', 'Princess', 'Crown Prince', 'Sheikh', 'Emir', 'Pope',
  'Field Marshal', 'Chief Economic Adviser', 'Chief Economist', 'Economist', 'Adviser', 'Advisor', 'Spokesperson', 'Captain', 'Coach', 'Author', 'Translator', 'Grandmaster',
  'Professor', 'Prof.', 'Dr.', 'Dr', 'Mr.', 'Mr', 'Mrs.', 'Mrs', 'Ms.', 'Ms', 'Sir', 'Dame', 'CEO', 'Managing Director', 'Speaker', 'Lt Gen', 'Gen.', 'Gen',
].sort((a, b) => b.length - a.length);

/** TITLES by their first word, as word lists, longest first. */
const TITLES_BY_FIRST_WORD = new Map<string, string[][]>();
for (const title of TITLES) {
  const parts = title.split(' ');
  const list = TITLES_BY_FIRST_WORD.get(parts[0]!) ?? [];
  list.push(parts);
  TITLES_BY_FIRST_WORD.set(parts[0]!, list);
}

/** Lower-case words that may sit inside a name ("Osama bin Laden", "Ursula von der Leyen"). */
const NAME_PARTICLES = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'de', 'da', 'di', 'do', 'du', 'dos', 'das', 'van', 'von', 'der', 'den', 'la', 'le']);

/** Words that end (or head) an organisation's name. */
const ORG_WORDS = new Set([
  'Bank', 'Ministry', 'Department', 'Command', 'Council', 'Agency', 'Organisation', 'Organization', 'Fund', 'Union', 'Corporation', 'Company',
  'Committee', 'Commission', 'Authority', 'Institute', 'Institution', 'Association', 'Federation', 'Court', 'Parliament', 'University', 'Army', 'Navy',
  'Force', 'Forces', 'Board', 'Party', 'Group', 'Bureau', 'Office', 'Service', 'Services', 'Assembly', 'Forum', 'Alliance', 'Society', 'Foundation',
  'Exchange', 'Limited', 'Ltd', 'Inc', 'Academy', 'Secretariat', 'Police', 'Guard', 'Guards', 'Corps', 'Cabinet', 'Senate', 'Congress', 'Directorate',
  'Nations', 'Reserve', 'Confederation', 'Community', 'Administration', 'Organisation', 'Campaign', 'Bundestag', 'Rifles', 'Legion', 'Laboratory', 'Laboratories', 'Centre', 'Center', 'Club', 'League', 'Trust', 'Mission', 'Programme', 'Industries', 'Airlines', 'Motors', 'Holdings', 'Technologies',
]);

const MONTHS_AND_DAYS = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);

/**
 * The shape of an all-capital abbreviation: capitals and digits, inner hyphens allowed ("CIS-MOA", "G20",
 * "COP29"); the one definition the key-fact and question suggestions use too.
 */
export const ACRONYM_PATTERN = String.raw`[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*`;
const ACRONYM = new RegExp(String.raw`(?<![\p{L}\p{N}])${ACRONYM_PATTERN}(?![\p{L}\p{N}])`, 'gu');

/** `text` with the characters a regular expression gives meaning to escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const ROMAN_NUMERAL = /^(?=[IVXLC]+$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** A capitalised word (letters, inner apostrophes and hyphens, or an acronym). */
const CAPITALISED = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|[A-Z0-9]{2,}(?:-[A-Z0-9]+)*)$/u;

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Whether only spaces separate two tokens (a comma, bracket or full stop ends a name). */
function joined(text: string, left: Token, right: Token): boolean {
  const between = text.slice(left.end, right.start);
  // An initial's full stop joins too ("V. Narayanan", "M. K. Stalin").
  return /^ +$/.test(between) || (between === '. ' && /^\p{Lu}$/u.test(left.text));
}

function isCapitalised(word: string): boolean {
  return CAPITALISED.test(word) && !MONTHS_AND_DAYS.has(word);
}

function acronymsOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(ACRONYM)) {
    const word = match[0];
    const letters = word.replace(/[^A-Z0-9]/g, '');
    if (letters.length < 2 || !/[A-Z]/.test(word.slice(1)) && !/\d/.test(word)) continue;
    if (COUNTRY_ABBREVIATIONS.has(word) || ROMAN_NUMERAL.test(word)) continue;
    found.push(word);
  }
  return found;
}

/**
 * Names after a title: "General Asim Munir" → "Asim Munir". `covered` receives the indexes of the title's and
 * the name's words, which therefore cannot start an organisation ("Chief of Army Staff" holds "Army").
 */
function titledPeople(text: string, words: Token[], covered: Set<number>): string[] {
  const people: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const parts of TITLES_BY_FIRST_WORD.get(words[i]!.text) ?? []) {
      if (i + parts.length >= words.length) continue;
      if (!parts.every((part, k) => words[i + k]!.text === part && (k === 0 || joined(text, words[i + k - 1]!, words[i + k]!)))) continue;
      const nameStart = i + parts.length;
      if (!joined(text, words[nameStart - 1]!, words[nameStart]!)) continue;
      const name = nameAt(text, words, nameStart);
      const written = name.length >= 2 ? stripTitle(text.slice(name[0]!.start, name.at(-1)!.end)) : '';
      if (written.includes(' ')) {
        people.push(written);
        for (let k = i; k < nameStart + name.length; k++) covered.add(k);
      }
      break;
    }
  }
  return people;
}

/** Whether the particles from `index` on are followed by a capitalised word ("von der Leyen"). */
function particleLeadsToName(words: Token[], index: number): boolean {
  let j = index;
  while (j < words.length && NAME_PARTICLES.has(words[j]!.text)) j++;
  return j < words.length && isCapitalised(words[j]!.text);
}

/**
 * Places the lexicon knows, longest first: runs of up to three capitalised words ("Andhra Pradesh",
 * "New Zealand"), and the parts of a hyphenated word ("US-Pakistan"; "Timor-Leste" is itself an entry).
 */
function lexiconPlaces(text: string, words: Token[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let length = 3; length >= 1; length--) {
      const span = words.slice(i, i + length);
      if (span.length < length || !span.every((token, k) => isCapitalised(token.text) && (k === 0 || joined(text, span[k - 1]!, token)))) continue;
      const parts = length === 1 ? span[0]!.text.split('-') : [span.map((token) => token.text).join(' ')];
      const whole = lexiconTags(span.map((token) => token.text)).some((tag) => PLACE_TAGS.has(tag));
      if (whole) {
        found.push(text.slice(span[0]!.start, span.at(-1)!.end));
        i += length - 1;
        break;
      }
      if (length === 1 && parts.length > 1) for (const part of parts) if (lexiconTags([part]).some((tag) => PLACE_TAGS.has(tag))) found.push(part);
    }
  }
  return found;
}

/** English endings of ordinary words, and nouns that name things rather than people ("Booker Prize"). */
const ORDINARY_ENDING = /(?:al|ic|ive|ion|ions|ment|ments|ity|ship|ing|ed|ous|ary|ence|ance|ics|ism|ist|ure|ness|ly|ward|wards)$/;
const THING_NOUNS = new Set(['Prize', 'Award', 'Awards', 'Island', 'Islands', 'Outlook', 'Report', 'Day', 'Week', 'Cup', 'Trophy', 'Games', 'Summit', 'Treaty', 'Pact', 'Act', 'Bill', 'Index', 'Policy', 'Plan', 'Scheme', 'Mission', 'Exercise', 'Operation', 'Festival', 'Open', 'Grand', 'Prix']);

/** Whether a capitalised word could be part of a name the lexicon does not know. */
function mayBeName(word: string): boolean {
  return lexiconTags([word]).length === 0 && !ORDINARY_ENDING.test(word) && !THING_NOUNS.has(word) && !ORG_WORDS.has(word);
}

/** Places named by their last word ("Arabian Sea", "Aichi Prefecture") or first ("Strait of Hormuz", "Bay of Bengal"). */
function namedByEnding(text: string, words: Token[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.text;
    if (!PLACE_ENDINGS.has(word)) continue;
    // "Strait of Hormuz": the ending word, "of", and one or two capitalised words.
    if (words[i + 1]?.text === 'of' && words[i + 2] && isCapitalised(words[i + 2]!.text) && joined(text, words[i]!, words[i + 1]!) && joined(text, words[i + 1]!, words[i + 2]!)) {
      let end = i + 2;
      if (words[end + 1] && isCapitalised(words[end + 1]!.text) && joined(text, words[end]!, words[end + 1]!)) end++;
      found.push(text.slice(words[i]!.start, words[end]!.end));
      continue;
    }
    // "Arabian Sea": one or two capitalised words before the ending word.
    let begin = i;
    while (begin > 0 && i - begin < 2 && isCapitalised(words[begin - 1]!.text) && words[begin - 1]!.text !== 'The' && joined(text, words[begin - 1]!, words[begin]!)) begin--;
    if (begin < i) found.push(text.slice(words[begin]!.start, words[i]!.end));
  }
  return found;
}

/**
 * People introduced by name alone: a run of two or more capitalised words whose first word the lexicon knows
 * as a first name, or whose last it knows as a surname ("Donald Trump", "Ding Liren" is missed).
 */
function namedPeople(text: string, words: Token[], covered: ReadonlySet<number>): string[] {
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (covered.has(i)) continue;
    const run = nameAt(text, words, i);
    const coveredAt = run.findIndex((_, k) => covered.has(i + k));
    const name = coveredAt < 0 ? run : run.slice(0, coveredAt);
    if (name.length < 2) continue;
    const first = lexiconTags([name[0]!.text]);
    const last = lexiconTags([name.at(-1)!.text]);
    // Or every word of it is unknown to the lexicon and none starts a sentence: most names from outside the
    // lexicon's English ("Lamine Yamal", "Poonam Gupta").
    const unknown = name.length <= 4 && name.every((token) => mayBeName(token.text)) && !/[.!?]\s*$/.test(text.slice(0, name[0]!.start)) && name[0]!.start > 0;
    if (first.some((tag) => FIRST_NAME_TAGS.has(tag)) || last.includes('LastName') || unknown) found.push(text.slice(name[0]!.start, name.at(-1)!.end));
    i += name.length - 1;
  }
  return found;
}

/** The run of capitalised words (particles allowed inside) starting at `start`, stopping at punctuation. */
function nameAt(text: string, words: Token[], start: number): Token[] {
  const name: Token[] = [];
  for (let j = start; j < words.length && name.length < 8; j++) {
    const word = words[j]!;
    if (name.length > 0 && !joined(text, words[j - 1]!, word)) break;
    if (isCapitalised(word.text) && !ORG_WORDS.has(word.text) && !/^[A-Z0-9-]{2,}$/.test(word.text)) name.push(word);
    else if (name.length > 0 && NAME_PARTICLES.has(word.text) && particleLeadsToName(words, j)) name.push(word);
    else break;
  }
  return name;
}

/** Small words inside an organisation's name ("Ministry of External Affairs", "Food and Agriculture Organization"). */
const CONNECTORS = new Set(['of', 'for', 'and', 'on', '&', 'the']);

/** Whether the connectors from `index` on ("of the") lead, joined by spaces, to a capitalised word. */
function connectorLeadsOn(text: string, words: Token[], index: number): boolean {
  let j = index;
  while (j + 1 < words.length && CONNECTORS.has(words[j]!.text) && joined(text, words[j]!, words[j + 1]!)) j++;
  return j > index && isCapitalised(words[j]!.text);
}

/** Whether a title starts at word `index`. */
function startsTitle(words: Token[], index: number): boolean {
  return (TITLES_BY_FIRST_WORD.get(words[index]!.text) ?? []).some((parts) => {
    if (!parts.every((part, k) => words[index + k]?.text === part)) return false;
    // "General Assembly" goes on naming the organisation; "President Ursula" starts a person.
    const after = words[index + parts.length]?.text;
    return after !== undefined && isCapitalised(after) && !ORG_WORDS.has(after);
  });
}

/**
 * Organisations written out: a run of capitalised words (with "of", "for", "and", "on" inside) holding one of
 * ORG_WORDS, such as "US Central Command", "Reserve Bank of India", "Ministry of External Affairs".
 */
function organisationsOf(text: string, words: Token[], covered: ReadonlySet<number>): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < words.length) {
    if (covered.has(i) || !isCapitalised(words[i]!.text) || (words[i]!.text === 'The' && i + 1 < words.length)) {
      i++;
      continue;
    }
    const run: Token[] = [words[i]!];
    let j = i + 1;
    while (j < words.length && !covered.has(j) && joined(text, words[j - 1]!, words[j]!)) {
      const word = words[j]!.text;
      if (ORG_WORDS.has(run.at(-1)!.text) && startsTitle(words, j)) break;
      if (isCapitalised(word)) run.push(words[j]!);
      else if (word === 'and' && ORG_WORDS.has(run.at(-1)!.text)) break;
      else if (CONNECTORS.has(word) && connectorLeadsOn(text, words, j)) run.push(words[j]!);
      else break;
      j++;
    }
    const orgAt = run.findIndex((token) => ORG_WORDS.has(token.text));
    if (orgAt >= 0) {
      // A trailing connector is not part of the name.
      let end = run.length;
      while (end > 0 && CONNECTORS.has(run[end - 1]!.text)) end--;
      let begin = 0;
      // "Leaders of the North Atlantic Treaty Organization": what comes before the last "of" ahead of the
      // first organisation word names no organisation, so the name starts after it (and its "the").
      const lastOf = run.slice(0, orgAt).map((token) => token.text).lastIndexOf('of');
      if (lastOf >= 0) {
        begin = lastOf + 1;
        while (begin < orgAt && run[begin]!.text === 'the') begin++;
      }
      // Nor is a title before it ("Governor Reserve Bank").
      while (begin < orgAt && TITLES.includes(run[begin]!.text)) begin++;
      const name = run.slice(begin, end).map((token) => token.text).join(' ');
      if (run.slice(begin, end).length >= 2 && !TITLES.includes(name)) found.push(name);
    }
    i = j;
  }
  return found;
}

function clean(name: string): string {
  return name
    .replace(/^[("'‘“]+|[)"'’”.,;:]+$/g, '')
    .replace(/^(?:the|The)\s+(?!Hague|Gambia|Bahamas)/, '')
    .replace(/['’]s$/, '')
    .trim();
}

/** `name` without the titles before it ("Chief of Army Staff General Asim Munir" → "Asim Munir"). */
function stripTitle(name: string): string {
  for (const title of TITLES) if (name.startsWith(`${title} `)) return stripTitle(name.slice(title.length + 1));
  return name;
}

function unique(list: Iterable<string>): string[] {
  return [...new Set(list)];
}

/** Drops a name that is part of a longer one in the same list ("Munir" beside "Asim Munir"). */
function longestForms(names: string[]): string[] {
  return names.filter((name) => !names.some((other) => other !== name && (other.includes(` ${name}`) || other.startsWith(`${name} `))));
}

/**
 * Characters of a story read for its entities: about 10,000 words, more than any news story. The rules are
 * near linear on prose, but a hostile 240,000-character run of titles took over a second.
 */
export const MAX_EXTRACT_CHARS = 60_000;

/** The entities named in `fullText` (plain text: headline, standfirst and body without markup), each once. */
export function extractEntities(fullText: string): ExtractedEntities {
  const text = fullText.slice(0, MAX_EXTRACT_CHARS);
  const words = tokens(text);
  const acronyms = unique(acronymsOf(text));
  const covered = new Set<number>();
  const titled = titledPeople(text, words, covered);
  const organisations = longestForms(unique(organisationsOf(text, words, covered).map(clean)));
  const inOrganisation = (name: string) => organisations.some((org) => org.includes(name));

  const peopleCandidates = [...titled, ...namedPeople(text, words, covered)]
    .map(clean)
    .filter((name) => name.split(' ').length >= 2 && !PLACE_ENDINGS.has(name.split(' ').at(-1)!) && !inOrganisation(name) && !lexiconTags(name.split(' ')).some((tag) => PLACE_TAGS.has(tag)) && !/\d/.test(name) && name.split(' ').every((part) => isCapitalised(part) || NAME_PARTICLES.has(part)));
  const people = longestForms(unique(peopleCandidates));

  const placeCandidates: string[] = [...lexiconPlaces(text, words), ...namedByEnding(text, words)];
  for (const region of REGIONS) if (region.pattern.test(text)) placeCandidates.push(region.name);
  // Country names and abbreviations, also inside compounds ("Afghanistan-related", "US-Pakistan").
  for (const token of words) {
    for (const part of token.text.split('-')) {
      const bare = clean(part);
      if (COUNTRY_NAMES.has(bare) || COUNTRY_ABBREVIATIONS.has(bare)) placeCandidates.push(bare);
    }
  }
  for (const name of COUNTRY_NAMES) if (name.includes(' ') && text.includes(name)) placeCandidates.push(name);
  // A place named only inside an organisation's name ("Bank of England") is not a place of the story.
  let outsideOrganisations = text;
  for (const org of organisations) outsideOrganisations = outsideOrganisations.split(org).join(' ');
  const namedOutside = (place: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(place)}(?![\\p{L}\\p{N}])`, 'u').test(outsideOrganisations);
  const places = longestForms(
    unique(placeCandidates.map(clean)).filter(
      (place) => place.length > 1 && namedOutside(place) && isCapitalised(place.split(' ')[0]!) && !people.some((person) => person.includes(place)) && !organisations.includes(place) && !(acronyms.includes(place) && !COUNTRY_ABBREVIATIONS.has(place)),
    ),
  );
  return { people, places, organisations, acronyms };
}

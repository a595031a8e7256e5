// The fixed corpus the judged search queries (judged-queries.ts) are answered against. Every article here
// was written for this set: short, invented current-affairs copy. Ages are counted back from TEST_NOW
// (2026-11-29T12:00Z); the site's time zone for these tests is Asia/Karachi (UTC+5, no summer time), so a
// story published at 20:00 UTC belongs to the next calendar day there.
//
// Words the judged queries look for were placed on purpose: in the headline, the standfirst, a tag name or
// the body only; as a phrase and apart; with and without accents; in near-duplicates of different ages;
// and in articles readers may not see (drafts, in review, scheduled, withdrawn, noindex).

/** Who may see it. Public when not said. */
export type JudgedVisibility = 'draft' | 'in_review' | 'scheduled' | 'withdrawn' | 'noindex';

export interface JudgedArticle {
  slug: string;
  headline: string;
  standfirst: string;
  /** Markdown. */
  body: string;
  section: string;
  author: string;
  tags: string[];
  /** Published this many hours before TEST_NOW (negative: scheduled for later). */
  hoursAgo: number;
  visibility?: JudgedVisibility;
}

export interface JudgedSection {
  slug: string;
  name: string;
  parent?: string;
}

export interface JudgedAuthor {
  slug: string;
  name: string;
}

/** The site's time zone for the judged tests (the date filters count days in it). */
export const JUDGED_TIME_ZONE = 'Asia/Karachi';

export const judgedSections: JudgedSection[] = [
  { slug: 'politics', name: 'Politics' },
  { slug: 'elections', name: 'Elections', parent: 'politics' },
  { slug: 'business', name: 'Business' },
  { slug: 'world', name: 'World' },
  { slug: 'sport', name: 'Sport' },
  { slug: 'health', name: 'Health' },
  { slug: 'environment', name: 'Environment' },
  { slug: 'science', name: 'Science' },
];

export const judgedAuthors: JudgedAuthor[] = [
  { slug: 'amina-rahman', name: 'Amina Rahman' },
  { slug: 'owen-blake', name: 'Owen Blake' },
  { slug: 'lucia-ferreira', name: 'Lúcia Ferreira' },
  { slug: 'tomas-keller', name: 'Tomas Keller' },
];

const DAY = 24;
const YEAR = 365 * DAY;

export const judgedCorpus: JudgedArticle[] = [
  // ── Local government: "council" in headlines of different ages, in a standfirst as "Councillors", in bodies.
  {
    slug: 'city-council-approves-housing-budget',
    headline: 'City council approves £48m housing budget',
    standfirst: 'Councillors voted 31 to 12 after a four-hour debate on rents and repairs.',
    body: 'The plan pays for 600 new homes over three years. Opposition members said the money arrives too late for families already on the register.\n\nThe authority will borrow a third of the sum.',
    section: 'politics',
    author: 'amina-rahman',
    tags: ['Local government', 'Housing'],
    hoursAgo: 2 * DAY,
  },
  {
    slug: 'councils-warn-of-widening-funding-gap',
    headline: 'Councils warn of a widening funding gap',
    standfirst: 'A survey of 300 authorities finds most expect to cut services next year.',
    body: 'Social care and temporary housing take a growing share of every budget, the survey says. Finance officers want a three-year settlement instead of annual top-ups.',
    section: 'politics',
    author: 'owen-blake',
    tags: ['Local government'],
    hoursAgo: 10 * DAY,
  },
  {
    slug: 'council-budget-vote-delayed-by-auditor',
    headline: 'Council budget vote delayed by auditor',
    standfirst: 'Accounts for 2020 must be signed off before members can set next year’s tax.',
    body: 'The auditor found gaps in the pension figures. Members will now meet in March.',
    section: 'politics',
    author: 'amina-rahman',
    tags: ['Local government'],
    hoursAgo: 5 * YEAR,
  },
  {
    slug: 'volunteers-clear-litter-from-river-wey',
    headline: 'Volunteers clear 400 kg of litter from the River Wey',
    standfirst: 'Shopping trolleys and a moped were among the finds.',
    body: 'More than 80 people waded in on Saturday morning. The council lent skips and gloves, and a local brewery paid for lunch.',
    section: 'environment',
    author: 'tomas-keller',
    tags: ['Rivers'],
    hoursAgo: 1 * DAY,
  },
  {
    slug: 'lisbon-tram-fares-rise',
    headline: 'Lisbon tram fares rise by 10%',
    standfirst: 'A single ticket will cost €3.30 from January.',
    body: 'The city council approved the change in October. Monthly passes are not affected.',
    section: 'world',
    author: 'lucia-ferreira',
    tags: ['Portugal'],
    hoursAgo: 13 * DAY,
  },
  {
    slug: 'council-budget-leak-reveals-library-closures',
    headline: 'Council budget leak reveals library closures',
    standfirst: 'An unsigned memo lists nine branches at risk.',
    body: 'The council has not confirmed the memo. Campaigners plan a march on Saturday.',
    section: 'politics',
    author: 'amina-rahman',
    tags: ['Local government'],
    hoursAgo: 0,
    visibility: 'draft',
  },

  // ── Elections and votes: "election"/"elections"/"elected" share a stem; "vote", "voted", "voting" too.
  {
    slug: 'election-count-delayed-in-three-wards',
    headline: 'Election count delayed in three wards',
    standfirst: 'Returning officers blamed a printing fault on postal ballot papers.',
    body: 'Voting closed at 10pm but counting in the three wards could not start until morning. Candidates were told results would come by noon.',
    section: 'elections',
    author: 'lucia-ferreira',
    tags: ['Local democracy'],
    hoursAgo: 3 * DAY,
  },
  {
    slug: 'parties-sharpen-their-pitch-before-polling-day',
    headline: 'Parties sharpen their pitch before polling day',
    standfirst: 'With the elections a week away, leaders turn to housing and transport.',
    body: 'Canvassers report doorstep questions about bus routes and rents. One party promised free school meals for every primary pupil.',
    section: 'elections',
    author: 'lucia-ferreira',
    tags: ['Local democracy'],
    hoursAgo: 6 * DAY,
  },
  {
    slug: 'the-art-of-the-possible',
    headline: 'The art of the possible',
    standfirst: 'A profile of the new Speaker, who takes the chair on Monday.',
    body: 'She was first elected in 2010 and sat on the transport committee for six years. Colleagues describe her as *patient* and hard to rattle.',
    section: 'politics',
    author: 'amina-rahman',
    tags: ['Parliament'],
    hoursAgo: 8 * DAY,
  },
  {
    slug: 'shareholders-vote-down-pay-package',
    headline: 'Shareholders vote down chief executive’s pay package',
    standfirst: 'Almost 60% opposed the award at the annual meeting.',
    body: 'The board said it would consult investors again. Proxy advisers had urged a revolt.',
    section: 'business',
    author: 'lucia-ferreira',
    tags: ['Corporate governance'],
    hoursAgo: 5 * DAY,
  },
  {
    slug: 'speaker-rejects-call-for-emergency-debate',
    headline: 'Speaker rejects call for emergency debate',
    standfirst: 'MPs wanted time to discuss the shortage of prison places.',
    body: 'The government will make a statement on Thursday instead.',
    section: 'politics',
    author: 'amina-rahman',
    tags: ['Parliament'],
    hoursAgo: 3 * DAY,
  },

  // ── Word forms: "running" and "runs" share a stem; "runner" does not.
  {
    slug: 'runner-breaks-lisbon-marathon-course-record',
    headline: 'Runner breaks Lisbon marathon course record',
    standfirst: 'Inês Duarte finished in 2:19:04, shaving 41 seconds off the old mark.',
    body: 'She runs 160 km a week at altitude in the months before a race. The course was changed last year to avoid tram works.',
    section: 'sport',
    author: 'tomas-keller',
    tags: ['Athletics'],
    hoursAgo: 4 * DAY,
  },
  {
    slug: 'new-metro-line-running-two-years-late',
    headline: 'New metro line running two years late',
    standfirst: 'The project’s costs have risen by a fifth since the tunnelling began.',
    body: 'Engineers found unmapped water mains under the old market. Trains are now due to carry passengers from 2029.',
    section: 'business',
    author: 'owen-blake',
    tags: ['Transport'],
    hoursAgo: 8 * DAY,
  },

  // ── Accents: Café/Cafe, São Paulo, Zürich/Zurich, Belém, Évian, Jaén, Kraków, Inês.
  {
    slug: 'cafe-owners-protest-rent-rises',
    headline: 'Café owners protest rent rises on the high street',
    standfirst: 'Landlords say the increases follow years of frozen rents.',
    body: 'The owner of Café Lumière, Marta Sousa, said her rent would rise by 40 per cent in January. Twelve cafés closed their doors for an hour on Tuesday in protest.',
    section: 'business',
    author: 'lucia-ferreira',
    tags: ['Small business'],
    hoursAgo: 1 * DAY,
  },
  {
    slug: 'cafe-chain-to-close-40-branches',
    headline: 'Cafe chain to close 40 branches',
    standfirst: 'About 900 staff will be offered jobs elsewhere in the group.',
    body: 'The chain blamed energy bills and fewer office workers in city centres.',
    section: 'business',
    author: 'owen-blake',
    tags: ['Retail'],
    hoursAgo: 20 * DAY,
  },
  {
    slug: 'cafe-owners-to-get-rent-relief',
    headline: 'Café owners to get rent relief',
    standfirst: 'A six-month discount on business rates is due to be announced.',
    body: 'Owners of cafés and small shops would pay half the usual amount until June.',
    section: 'business',
    author: 'lucia-ferreira',
    tags: ['Small business'],
    hoursAgo: -2 * DAY,
    visibility: 'scheduled',
  },
  {
    slug: 'sao-paulo-floods-leave-thousands-without-power',
    headline: 'São Paulo floods leave thousands without power',
    standfirst: 'Three days of rain overwhelmed drains in the east of the city.',
    body: 'The state utility said 200,000 homes were still dark on Monday night. Schools in six districts stay shut.',
    section: 'world',
    author: 'lucia-ferreira',
    tags: ['Brazil'],
    hoursAgo: 2 * DAY,
  },
  {
    slug: 'zurich-regulator-fines-private-bank',
    headline: 'Zürich regulator fines private bank',
    standfirst: 'The lender failed to check the source of funds for 14 clients, the watchdog said.',
    body: 'The fine of 9 million francs is the largest this year. The bank said it had since replaced its compliance team.',
    section: 'business',
    author: 'tomas-keller',
    tags: ['Banking', 'Switzerland'],
    hoursAgo: 5 * DAY,
  },
  {
    slug: 'insurers-count-the-cost-of-alpine-storms',
    headline: 'Insurers count the cost of Alpine storms',
    standfirst: 'Claims could reach 1.2 billion francs.',
    body: 'A reinsurer based in Zurich said hail damage to cars made up most of the claims. Ski resorts reopened on Friday.',
    section: 'business',
    author: 'tomas-keller',
    tags: ['Insurance'],
    hoursAgo: 12 * DAY,
  },
  {
    slug: 'zurich-bank-chair-resigns',
    headline: 'Zürich bank chair resigns',
    standfirst: 'The board named an interim successor on Sunday.',
    body: 'The chair had led the lender for six years. Shares were flat in early trading.',
    section: 'business',
    author: 'tomas-keller',
    tags: ['Banking'],
    hoursAgo: 4 * DAY,
    visibility: 'withdrawn',
  },
  {
    slug: 'cop30-climate-talks-open-in-belem',
    headline: 'COP30 climate talks open in Belém',
    standfirst: 'Negotiators arrive with little agreement on finance for poorer countries.',
    body: 'Brazil is hosting the conference at the mouth of the Amazon. Campaigners want a date for ending new oil licences.',
    section: 'world',
    author: 'lucia-ferreira',
    tags: ['Climate', 'Brazil'],
    hoursAgo: 20 * DAY,
  },
  {
    slug: 'krakow-opens-low-emission-zone',
    headline: 'Kraków opens its first low-emission zone',
    standfirst: 'Older petrol and diesel cars face fines from July.',
    body: 'Residents get a two-year grace period. The city will add 40 cameras at the boundary.',
    section: 'world',
    author: 'lucia-ferreira',
    tags: ['Transport', 'Poland'],
    hoursAgo: 13 * DAY,
  },

  // ── Acronyms and prefixes: NATO, IMF, COP30; "defen*" against defence, defend, defensive and "fence".
  {
    slug: 'nato-summit-ends-with-air-defence-pledge',
    headline: 'NATO summit ends with new air defence pledge',
    standfirst: 'Members agreed to pool orders for radar and interceptors.',
    body: 'The alliance will buy systems together to cut prices. Smaller members welcomed the deal; two asked for more time to find the money.',
    section: 'world',
    author: 'owen-blake',
    tags: ['NATO', 'Defence'],
    hoursAgo: 3 * DAY,
  },
  {
    slug: 'ministers-defend-spending-plan',
    headline: 'Ministers defend spending plan',
    standfirst: 'The Treasury insists the numbers add up despite weaker growth.',
    body: 'Opposition MPs called the forecasts hopeful. The plan keeps the current rate of income tax for two more years.',
    section: 'politics',
    author: 'amina-rahman',
    tags: ['Public finances'],
    hoursAgo: 6 * DAY,
  },
  {
    slug: 'defensive-errors-cost-united-the-derby',
    headline: 'Defensive errors cost United the derby',
    standfirst: 'Two mistakes in five minutes turned the game.',
    body: 'The visitors scored twice before half-time and held on. The manager said his players lacked concentration.',
    section: 'sport',
    author: 'tomas-keller',
    tags: ['Football'],
    hoursAgo: 2 * DAY,
  },
  {
    slug: 'neighbours-fence-dispute-reaches-high-court',
    headline: 'Neighbours’ fence dispute reaches High Court',
    standfirst: 'A 30 cm strip of garden has cost both families £80,000 in fees.',
    body: 'The judge urged the two sides to settle. A surveyor’s report will be heard in spring.',
    section: 'world',
    author: 'lucia-ferreira',
    tags: ['Courts'],
    hoursAgo: 9 * DAY,
  },
  {
    slug: 'imf-cuts-growth-forecast-for-eurozone',
    headline: 'IMF cuts growth forecast for the eurozone',
    standfirst: 'The fund sees output rising 0.8% next year.',
    body: 'Germany and Italy face the weakest outlook. The report urged governments to keep deficits in check.',
    section: 'business',
    author: 'owen-blake',
    tags: ['Economy'],
    hoursAgo: 4 * DAY,
  },

  // ── Phrases: "Bank of England" and "interest rates" together and apart.
  {
    slug: 'bank-of-england-holds-interest-rates',
    headline: 'Bank of England holds interest rates at 4%',
    standfirst: 'Seven of nine committee members voted to wait for more evidence on wages.',
    body: 'Markets had expected the decision. The governor said cuts could come in the spring if pay growth cools.',
    section: 'business',
    author: 'owen-blake',
    tags: ['Interest rates'],
    hoursAgo: 1 * DAY,
  },
  {
    slug: 'flood-costs-mount-for-river-towns',
    headline: 'Flood costs mount for river towns',
    standfirst: 'Repairs to walls and pumps will take most of next year.',
    body: 'In the north of England, a river bank gave way near Carlisle on Sunday. Engineers are working to shore it up before more rain arrives.',
    section: 'environment',
    author: 'amina-rahman',
    tags: ['Rivers'],
    hoursAgo: 4 * DAY,
  },
  {
    slug: 'former-governors-warn-over-rate-setting',
    headline: 'Former governors warn over rate-setting',
    standfirst: 'Two former governors of the Bank of England say interest rates must stay free of ministers.',
    body: 'Their letter follows reports that the Treasury wants a say in appointments. The government denied any change is planned.',
    section: 'politics',
    author: 'amina-rahman',
    tags: ['Central banks'],
    hoursAgo: 15 * DAY,
  },
  {
    slug: 'inflation-falls-for-second-month',
    headline: 'Inflation falls for a second month',
    standfirst: 'Lower fuel prices offset dearer food.',
    body: 'The index rose 2.1% in the year to October, down from 2.4%. Economists expect the central bank to wait before cutting.',
    section: 'business',
    author: 'owen-blake',
    tags: ['Economy'],
    hoursAgo: 10 * DAY,
  },
  {
    slug: 'bank-holiday-traffic-warning-for-m25',
    headline: 'Bank holiday traffic warning for the M25',
    standfirst: 'Roadworks will close two junctions from Friday.',
    body: 'Drivers heading to the coast should leave early.',
    section: 'world',
    author: 'owen-blake',
    tags: ['Roads'],
    hoursAgo: 2 * DAY,
  },
  {
    slug: 'english-football-clubs-post-record-losses',
    headline: 'English football clubs post record losses',
    standfirst: 'Wage bills grew faster than income for a fourth season.',
    body: 'The Premier League’s clubs spent 91% of their revenue on pay.',
    section: 'sport',
    author: 'tomas-keller',
    tags: ['Football'],
    hoursAgo: 12 * DAY,
  },

  // ── "state of emergency" as a phrase, and its words apart.
  {
    slug: 'governor-declares-state-of-emergency-after-floods',
    headline: 'Governor declares state of emergency after floods',
    standfirst: 'Rivers rose two metres across the region overnight.',
    body: 'Emergency crews rescued 40 people from cars and rooftops. The army has sent boats and helicopters.',
    section: 'world',
    author: 'lucia-ferreira',
    tags: ['Floods'],
    hoursAgo: 2 * DAY,
  },
  {
    slug: 'emergency-services-stretched-as-state-budget-tightens',
    headline: 'Emergency services stretched as state budget tightens',
    standfirst: 'Ambulance crews say response times have doubled in two years.',
    body: 'The state treasurer promised a review. Unions are balloting members on industrial action.',
    section: 'health',
    author: 'owen-blake',
    tags: ['Health services'],
    hoursAgo: 4 * DAY,
  },
  {
    slug: 'beavers-return-to-devon-river',
    headline: 'Beavers return to a Devon river after 400 years',
    standfirst: 'A licensed release follows a trial on a nearby stream.',
    body: 'Landowners were consulted for two years. The animals’ dams slow flood water on its way downstream.',
    section: 'environment',
    author: 'amina-rahman',
    tags: ['Rivers', 'Wildlife'],
    hoursAgo: 22 * DAY,
  },

  // ── Electric and diesel: exclusion by word and by phrase; dates near midnight in Karachi.
  {
    slug: 'oslo-switches-last-diesel-buses-to-electric',
    headline: 'Oslo switches its last diesel buses to electric',
    standfirst: 'The city’s fleet is now entirely battery-powered.',
    body: 'Drivers were trained over the summer. The old vehicles will be sold to operators abroad.',
    section: 'world',
    author: 'tomas-keller',
    tags: ['Transport'],
    hoursAgo: 5 * DAY, // 2026-11-24 12:00 UTC = 24 Nov 17:00 in Karachi
  },
  {
    slug: 'electric-car-sales-overtake-diesel-in-norway',
    headline: 'Electric car sales overtake diesel in Norway',
    standfirst: 'Nine in ten new cars sold last month had a plug.',
    body: 'Tax breaks for battery vehicles remain in place until 2027. Used diesel prices have fallen sharply.',
    section: 'business',
    author: 'owen-blake',
    tags: ['Transport'],
    hoursAgo: 7 * DAY, // 2026-11-22 12:00 UTC = 22 Nov 17:00 in Karachi
  },
  {
    slug: 'grid-operator-plans-electric-cable-under-north-sea',
    headline: 'Grid operator plans electric cable under the North Sea',
    standfirst: 'The link would carry wind power to 2 million homes.',
    body: 'Construction could start in 2028 if regulators agree. Fishing groups want the route moved away from spawning grounds.',
    section: 'business',
    author: 'tomas-keller',
    tags: ['Energy'],
    hoursAgo: 9 * DAY, // 2026-11-20 12:00 UTC = 20 Nov 17:00 in Karachi
  },
  {
    slug: 'electric-ferries-enter-service-on-lake-geneva',
    headline: 'Electric ferries enter service on Lake Geneva',
    standfirst: 'Two boats now cross between Lausanne and Évian every hour.',
    body: 'The operator says each crossing saves 300 litres of fuel. Tickets cost the same as before.',
    section: 'world',
    author: 'lucia-ferreira',
    tags: ['Transport'],
    hoursAgo: 7 * DAY + 16, // 2026-11-21 20:00 UTC = 22 Nov 01:00 in Karachi
  },
  {
    slug: 'electric-scooter-ban-stays-in-madrid',
    headline: 'Electric scooter ban stays in Madrid',
    standfirst: 'Hire firms lost an appeal against the city’s decision.',
    body: 'Private owners may still ride on cycle lanes. The firms say 600 jobs are at risk.',
    section: 'world',
    author: 'tomas-keller',
    tags: ['Transport'],
    hoursAgo: 4 * DAY + 16.5, // 2026-11-24 19:30 UTC = 25 Nov 00:30 in Karachi
  },
  {
    slug: 'electric-buses-delayed-in-leeds',
    headline: 'Electric buses delayed in Leeds',
    standfirst: 'The charging depot is not ready.',
    body: 'The first electric routes will open in spring instead of January.',
    section: 'business',
    author: 'owen-blake',
    tags: ['Transport'],
    hoursAgo: 0,
    visibility: 'in_review',
  },

  // ── "shipping" in each field once: headline (old), standfirst, tag, body (fresh).
  {
    slug: 'port-of-felixstowe-plans-deeper-berths',
    headline: 'Port of Felixstowe plans deeper berths',
    standfirst: 'Dredging would let the largest container vessels dock at any tide.',
    body: 'Work would take two years and cost £120m. Environmental groups worry about silt in the estuary.',
    section: 'business',
    author: 'owen-blake',
    tags: ['Shipping', 'Ports'],
    hoursAgo: 3 * DAY,
  },
  {
    slug: 'shipping-rates-double-on-red-sea-diversions',
    headline: 'Shipping rates double on Red Sea diversions',
    standfirst: 'Container lines are sending vessels around the Cape of Good Hope.',
    body: 'Journeys from Shanghai to Rotterdam now take 12 days longer. Freight firms are passing the extra costs to retailers.',
    section: 'business',
    author: 'owen-blake',
    tags: ['Trade'],
    hoursAgo: 40 * DAY,
  },
  {
    slug: 'toy-prices-climb-before-christmas',
    headline: 'Toy prices climb before Christmas',
    standfirst: 'Parents face bills up to a fifth higher than last year.',
    body: 'Makers blame higher **shipping** costs and a weak pound. Board games have risen least.',
    section: 'business',
    author: 'lucia-ferreira',
    tags: ['Retail'],
    hoursAgo: 1 * DAY,
  },
  {
    slug: 'retailers-brace-for-a-lean-christmas',
    headline: 'Retailers brace for a lean Christmas',
    standfirst: 'Shipping delays and weak demand squeeze margins.',
    body: 'Stock ordered in the summer is still at sea. Some chains have cut staff hours.',
    section: 'business',
    author: 'owen-blake',
    tags: ['Retail'],
    hoursAgo: 25 * DAY,
  },

  // ── Words spread over fields: "heatwave" and "farmers" together in one headline, or split.
  {
    slug: 'heatwave-grips-seville',
    headline: 'Heatwave grips Seville',
    standfirst: 'Farmers count losses as temperatures pass 44C.',
    body: 'The city opened cooling centres in libraries. Doctors urged older people to stay indoors in the afternoon.',
    section: 'world',
    author: 'lucia-ferreira',
    tags: ['Weather'],
    hoursAgo: 1 * DAY,
  },
  {
    slug: 'farmers-fear-heatwave-will-ruin-olive-harvest',
    headline: 'Farmers fear heatwave will ruin olive harvest',
    standfirst: 'Prices for oil could rise again next year.',
    body: 'Growers in Jaén say trees dropped fruit early. Some have started irrigating at night.',
    section: 'world',
    author: 'lucia-ferreira',
    tags: ['Weather', 'Farming'],
    hoursAgo: 60 * DAY,
  },

  // ── Near-duplicates of different ages: the ferry strike.
  {
    slug: 'ferry-strike-called-off-after-late-night-talks',
    headline: 'Ferry strike called off after late-night talks',
    standfirst: 'Crews accepted a 6% rise over two years.',
    body: 'Sailings to the islands resume on Thursday. The union said members had won a fair deal.',
    section: 'business',
    author: 'owen-blake',
    tags: ['Ferries', 'Industrial action'],
    hoursAgo: 2,
  },
  {
    slug: 'ferry-strike-called-off-after-pay-deal',
    headline: 'Ferry strike called off after pay deal',
    standfirst: 'Crews will receive back pay from April.',
    body: 'Sailings were cancelled for three days last week. Tourism businesses said the dispute cost them bookings.',
    section: 'business',
    author: 'owen-blake',
    tags: ['Ferries'],
    hoursAgo: 5 * YEAR + 5 * DAY,
  },
  {
    slug: 'ferry-strike-looms-over-holiday-weekend',
    headline: 'Ferry strike looms over holiday weekend',
    standfirst: 'Talks between the operator and the union broke down on Monday.',
    body: 'Travellers were told to check before setting out. The operator plans a reduced timetable if the walkout goes ahead.',
    section: 'business',
    author: 'amina-rahman',
    tags: ['Ferries', 'Industrial action'],
    hoursAgo: 3 * DAY,
  },
  {
    slug: 'island-tourism-dips-in-october',
    headline: 'Island tourism dips in October',
    standfirst: 'Hotel bookings fell by a quarter compared with last year.',
    body: 'A ferry strike in early October kept visitors away. Restaurants on the harbour front closed two days a week.',
    section: 'business',
    author: 'amina-rahman',
    tags: ['Tourism'],
    hoursAgo: 1,
  },
  {
    slug: 'ferry-strike-what-we-know',
    headline: 'Ferry strike: what we know',
    standfirst: 'Which sailings are affected, and how to claim a refund.',
    body: 'This explainer is kept out of search engines while the details change.',
    section: 'business',
    author: 'amina-rahman',
    tags: ['Ferries'],
    hoursAgo: 1,
    visibility: 'noindex',
  },

  // ── Health: "waiting lists" as a phrase and apart.
  {
    slug: 'nhs-waiting-lists-fall-for-third-month',
    headline: 'NHS waiting lists fall for a third month',
    standfirst: 'About 7.4 million treatments are still outstanding in England.',
    body: 'Hospitals cleared more hip and knee operations than planned. Cancer targets were missed again.',
    section: 'health',
    author: 'amina-rahman',
    tags: ['NHS', 'Hospitals'],
    hoursAgo: 6 * DAY,
  },
  {
    slug: 'tram-passengers-left-waiting-after-power-cut',
    headline: 'Tram passengers left waiting after power cut',
    standfirst: 'Services stopped for two hours in the evening rush.',
    body: 'The operator will publish a list of refunds next week.',
    section: 'business',
    author: 'tomas-keller',
    tags: ['Transport'],
    hoursAgo: 2 * DAY,
  },
  {
    slug: 'flu-jab-uptake-lags-among-over-65s',
    headline: 'Flu jab uptake lags among over-65s',
    standfirst: 'Pharmacies report shorter queues than last winter.',
    body: 'Officials urge people to book before Christmas. Supplies are not a problem this year.',
    section: 'health',
    author: 'amina-rahman',
    tags: ['Vaccines'],
    hoursAgo: 5 * DAY,
  },

  // ── A word only inside Markdown link text, and assorted distractors.
  {
    slug: 'complaints-about-energy-bills-hit-a-record',
    headline: 'Complaints about energy bills hit a record',
    standfirst: 'Households waited months for refunds, the regulator found.',
    body: 'Most cases involved faulty smart meters:\n\n- estimated readings\n- lost credit after a switch\n\nSee the [full report from the ombudsman](https://example.org/energy-report) for the figures by supplier.',
    section: 'business',
    author: 'amina-rahman',
    tags: ['Energy'],
    hoursAgo: 11 * DAY,
  },
  {
    slug: 'frost-warning-for-the-weekend',
    headline: 'Frost warning for the weekend',
    standfirst: 'Temperatures could fall to minus 8 in the glens.',
    body: 'Gritters will be out from Friday evening. Drivers are asked to check the forecast before setting out.',
    section: 'environment',
    author: 'tomas-keller',
    tags: ['Weather'],
    hoursAgo: 1 * DAY,
  },
  {
    slug: 'telescope-finds-water-vapour-around-distant-planet',
    headline: 'Telescope finds water vapour around a distant planet',
    standfirst: 'The planet orbits a red dwarf 40 light years away.',
    body: 'Astronomers used three nights of observations. They stress that vapour alone does not mean life.',
    section: 'science',
    author: 'tomas-keller',
    tags: ['Space'],
    hoursAgo: 14 * DAY,
  },
  {
    slug: 'museum-returns-bronze-figures-to-benin',
    headline: 'Museum returns bronze figures to Benin',
    standfirst: 'The handover ends a 20-year campaign.',
    body: 'Curators in Abuja will display the figures from March. The museum said it is reviewing 300 more objects.',
    section: 'world',
    author: 'lucia-ferreira',
    tags: ['Museums'],
    hoursAgo: 16 * DAY,
  },
  {
    slug: 'rugby-union-confirms-new-season-dates',
    headline: 'Rugby union confirms new season dates',
    standfirst: 'The league will start a week later because of the autumn internationals.',
    body: 'Clubs asked for more rest between matches. Broadcasters agreed the change last month.',
    section: 'sport',
    author: 'tomas-keller',
    tags: ['Rugby'],
    hoursAgo: 30 * DAY,
  },
  {
    slug: 'chipmaker-opens-plant-in-dresden',
    headline: 'Chipmaker opens plant in Dresden',
    standfirst: 'The factory will employ 2,000 people by 2028.',
    body: 'Subsidies covered a third of the cost. Local colleges are training technicians.',
    section: 'business',
    author: 'tomas-keller',
    tags: ['Manufacturing'],
    hoursAgo: 18 * DAY,
  },
];

// Demo content for Newsdesk: invented authors, categories and articles used to
// seed a fresh installation and to exercise the public site in tests.
// All prose in this file is original demo copy written for Newsdesk.

export interface DemoAuthor {
  slug: string;
  displayName: string;
  email: string;
  bio: string;
  /**
   * Demo bylines are profiles, not staff: the lowest role and no password (nobody can sign in as one), so
   * demo content never brings an account that could run the newsroom. The bios' job titles are fiction.
   */
  role: 'contributor';
}

export interface DemoCategory {
  slug: string;
  name: string;
  description: string;
  parentSlug?: string;
}

export interface DemoArticle {
  slug: string;
  title: string;
  dek: string;
  excerpt?: string;
  bodyMd: string;
  categorySlug: string;
  tagNames: string[];
  authorSlugs: string[];
  hoursAgo: number;
  updatedHoursAgo?: number;
  status?: 'published' | 'draft' | 'scheduled';
}

export const demoAuthors: DemoAuthor[] = [
  {
    slug: 'farah-siddiqui',
    displayName: 'Farah Siddiqui',
    email: 'farah.siddiqui@example.com',
    bio: 'Farah Siddiqui is editor-in-chief of Newsdesk. She has reported on politics and diplomacy in South Asia and the Gulf for more than two decades.',
    role: 'contributor',
  },
  {
    slug: 'tomas-ellery',
    displayName: 'Tomás Ellery',
    email: 'tomas.ellery@example.com',
    bio: 'Tomás Ellery is news editor at Newsdesk, overseeing the international and economy desks. He previously worked as a foreign correspondent in Madrid and Brussels.',
    role: 'contributor',
  },
  {
    slug: 'imran-qadir',
    displayName: 'Imran Qadir',
    email: 'imran.qadir@example.com',
    bio: 'Imran Qadir is defence and diplomatic correspondent, covering security policy, the armed forces and regional affairs.',
    role: 'contributor',
  },
  {
    slug: 'claire-donnelly',
    displayName: 'Claire Donnelly',
    email: 'claire.donnelly@example.com',
    bio: 'Claire Donnelly is economics correspondent, writing about central banks, public finances and trade.',
    role: 'contributor',
  },
];

export const demoCategories: DemoCategory[] = [
  {
    slug: 'international',
    name: 'International',
    description: 'Diplomacy, conflict and politics from around the world, and how global events shape the region.',
  },
  {
    slug: 'economy',
    name: 'Economy',
    description: 'Growth, inflation, public finances and the policy decisions that shape household budgets.',
  },
  {
    slug: 'banking',
    name: 'Banking',
    description: 'Central banks, commercial lenders, interest rates and the regulation of the financial system.',
    parentSlug: 'economy',
  },
  {
    slug: 'defence',
    name: 'Defence',
    description: 'Armed forces, security policy, military cooperation and the defence industry.',
  },
  {
    slug: 'important-days',
    name: 'Important Days',
    description: 'Explainers on international observances and anniversaries: where they came from and why they matter.',
  },
  {
    slug: 'business',
    name: 'Business',
    description: 'Companies, markets, trade and the entrepreneurs building new enterprises.',
  },
];

export const demoArticles: DemoArticle[] = [
  // ---------------------------------------------------------------- International
  {
    slug: 'pakistan-cabinet-approves-cis-moa-with-united-states',
    title: "Pakistan's cabinet approves security communications agreement with United States",
    dek: 'The federal cabinet has cleared the way for Islamabad to sign a renewed defence communications pact with Washington, replacing an agreement that lapsed in 2020.',
    bodyMd: `Pakistan's federal cabinet has approved the signing of a Communication Interoperability and Security Memorandum of Agreement (CIS-MOA) with the United States, reviving a framework for secure defence communications between the two countries that expired in 2020.

The approval was granted through a summary circulated among cabinet members rather than at a full sitting, officials said. The Ministry of Defence is expected to take the agreement forward, with the formal signing to follow once both sides have completed the remaining procedural steps.

## What the agreement covers

A CIS-MOA sets out the terms under which two militaries can exchange secure communications and operate compatible equipment. In practice, it governs how encrypted communications systems supplied by the United States may be installed, used and protected on platforms operated by a partner's armed forces.

Officials familiar with the process said the renewed agreement would provide a basis for:

- continued access to US-origin communications and navigation equipment fitted to military platforms;
- the secure exchange of information during joint exercises and training;
- safeguards to prevent sensitive technology from being passed to third parties.

Without such an arrangement, officials said, the maintenance and upgrading of some systems already in Pakistan's inventory could become more difficult, since suppliers generally require a formal security framework before releasing controlled technology.

## A relationship with a long history

Pakistan first signed the CIS-MOA in 2005, at a time when defence ties between Islamabad and Washington were expanding alongside military operations in Afghanistan. That agreement ran for 15 years and was not renewed when it expired in 2020. Military cooperation between the two countries has moved through several cycles since then. Pakistan's armed forces operate a range of American-made equipment, including combat aircraft, and the two militaries maintain contact through US Central Command, whose area of responsibility covers Pakistan and Afghanistan.

The decision comes against a shifting regional backdrop. The United States has deepened its strategic partnership with India in recent years, while Pakistan's defence relationship with China has grown considerably, including purchases of major Chinese weapons systems. Security along Pakistan's western border with Afghanistan also remains a pressing concern for Islamabad.

## What comes next

Neither government has published the text of the agreement, and officials did not say how long the new arrangement would run or whether its terms would be made public. Opposition lawmakers may seek a briefing in parliament, where defence arrangements with foreign governments have drawn scrutiny in the past. Officials described the approval as an effort to put existing cooperation on a formal footing rather than a change in policy, and said Pakistan would continue to pursue balanced relations with all major powers.`,
    categorySlug: 'international',
    tagNames: ['Pakistan', 'United States', 'Defence cooperation', 'CIS-MOA'],
    authorSlugs: ['imran-qadir', 'farah-siddiqui'],
    hoursAgo: 5,
    updatedHoursAgo: 3,
  },
  {
    slug: 'general-assembly-elects-five-non-permanent-security-council-members',
    title: 'General Assembly elects five new non-permanent members of the Security Council',
    dek: "The incoming members will take their seats in January for two-year terms on the UN's most powerful body.",
    excerpt: 'A secret ballot in New York has filled the five rotating Security Council seats that fall vacant at the end of the year.',
    bodyMd: `The United Nations General Assembly has elected five countries to serve as non-permanent members of the Security Council, filling the seats that fall vacant at the end of the year. The incoming members will join the council on 1 January and serve until the end of the following year.

Voting took place by secret ballot in the Assembly Hall in New York. Candidates needed the support of two-thirds of the member states present and voting, a threshold that can force repeated rounds when a regional group puts forward more contenders than there are seats.

## How the vote works

The Security Council has 15 members. Five of them, China, France, Russia, the United Kingdom and the United States, hold permanent seats and the power of veto. The remaining ten are elected for staggered two-year terms, with half replaced each year.

Seats are distributed among regional groups so that Africa, Asia-Pacific, Latin America and the Caribbean, Eastern Europe, and Western Europe and other states are all represented. Outgoing members cannot stand for immediate re-election.

## What the new members inherit

The newcomers arrive at a council that diplomats describe as deeply divided, with disagreements among the permanent members frequently blocking action on major conflicts. Elected members often try to build influence through the humanitarian and thematic files they lead, and by taking turns to hold the monthly presidency.

Diplomats said the incoming delegations were expected to prioritise humanitarian access in conflict zones, the security implications of climate change, and the renewal of several peacekeeping mandates that come up for review during their terms.`,
    categorySlug: 'international',
    tagNames: ['United Nations', 'Elections', 'Diplomacy'],
    authorSlugs: ['tomas-ellery'],
    hoursAgo: 30,
  },
  {
    slug: 'aid-agencies-warn-of-funding-gap-ahead-of-afghan-winter',
    title: 'Aid agencies warn of funding gap as Afghanistan braces for winter',
    dek: 'Humanitarian groups say shortfalls in donor funding could leave remote communities without food and fuel during the coldest months.',
    bodyMd: `Humanitarian agencies working in Afghanistan have warned that a shortfall in donor funding could leave millions of people without adequate food, fuel and shelter as temperatures fall in the coming weeks.

Aid officials said this year's appeal for the country had received only a fraction of the money requested, forcing organisations to reduce rations, close some mobile health clinics and concentrate on the most vulnerable households.

## Remote districts most at risk

Winter routinely cuts off mountain communities in the central and north-eastern provinces, where snow can close roads for weeks at a time. Agencies normally try to pre-position food, blankets and heating fuel before the passes close, but several groups said they had been unable to complete those deliveries.

Health workers also pointed to the seasonal rise in respiratory infections among young children, and to the difficulty families face in reaching clinics when transport costs climb during the coldest months.

## Returnees add to the pressure

The strain has been compounded by the arrival of large numbers of Afghans returning from neighbouring countries, many with few possessions and no home to go back to. Reception centres near the border crossings with Pakistan and Iran have struggled to cope at peak times, aid workers said.

Agencies are urging donors to release funds quickly, arguing that assistance delivered before the worst of the weather is far cheaper and more effective than emergency operations mounted once communities are already cut off.`,
    categorySlug: 'international',
    tagNames: ['Afghanistan', 'United Nations', 'Humanitarian aid'],
    authorSlugs: ['imran-qadir'],
    hoursAgo: 78,
  },

  // ---------------------------------------------------------------- Economy
  {
    slug: 'mid-year-budget-review-shows-revenue-gap-narrowing',
    title: 'Mid-year budget review shows revenue gap narrowing but debt costs climbing',
    dek: "Pakistan's finance ministry says tax collection has improved, yet interest payments continue to absorb the largest share of federal spending.",
    bodyMd: `Pakistan's finance ministry says federal tax collection in the first half of the fiscal year has run ahead of the same period last year, narrowing the gap against annual targets, but warns that interest payments on public debt continue to crowd out other spending.

The findings are set out in a mid-year budget review presented to the cabinet this week, which is also expected to inform discussions with international lenders on the country's fiscal path.

## The revenue picture

According to the review, stronger collection from income tax and sales tax accounted for most of the improvement, helped by higher nominal prices and efforts to bring more retailers into the tax net. Customs receipts were weaker than expected because import volumes remained subdued.

Officials acknowledged that the annual revenue target remains demanding and that further administrative measures may be needed in the second half of the year.

## Debt servicing dominates

The document shows that interest payments on domestic and external debt remain the single largest item of federal expenditure, larger than the development programme and the defence budget combined. Because much of the domestic debt is short-term, the cost of servicing it is closely tied to the central bank's policy rate.

Economists said any easing in interest rates would offer the government meaningful relief, though they cautioned that the savings would take time to feed through as older borrowing is refinanced.

## What the review means for the second half

The ministry has indicated that it intends to keep the primary balance, the budget position before interest payments, in surplus. That is likely to mean continued restraint on development spending, and provincial governments are expected to be asked to contribute larger cash surpluses.`,
    categorySlug: 'economy',
    tagNames: ['Pakistan', 'Budget', 'Interest rates'],
    authorSlugs: ['claire-donnelly', 'tomas-ellery'],
    hoursAgo: 22,
    updatedHoursAgo: 18,
  },
  {
    slug: 'exporters-press-for-faster-tax-refunds-as-trade-gap-widens',
    title: 'Exporters press for faster tax refunds as trade gap widens',
    dek: 'Industry groups say delayed sales tax refunds are tying up working capital just as imports are once again outpacing exports.',
    excerpt: 'Manufacturers say billions of rupees in verified refund claims are still outstanding, forcing them to borrow at high rates to fund new orders.',
    bodyMd: `Exporters' associations have urged the government to speed up the payment of sales tax refunds, arguing that delays are tying up working capital at a time when the trade deficit has widened again.

Industry representatives said in a joint statement that billions of rupees in verified refund claims remained outstanding, forcing manufacturers to borrow at high interest rates to finance orders.

## Pressure on working capital

Textile and leather manufacturers, which account for the bulk of the country's exports, said the problem was most acute for small and medium-sized firms without access to cheaper financing. Several said they had turned down orders because they could not pay for raw materials in advance.

The associations are asking for:

- automatic refunds within a fixed number of days of a claim being filed;
- clearance of the existing backlog in instalments;
- a simplified process for firms with a clean compliance record.

## Trade figures under scrutiny

Official data show that imports have risen faster than exports over recent months, reversing part of the improvement recorded earlier in the year. Economists attribute the shift partly to a recovery in demand for machinery and fuel.

The United States remains the largest single destination for Pakistani goods, and exporters say staying competitive in that market depends on predictable costs. The Federal Board of Revenue said it was processing claims as quickly as verification allowed.`,
    categorySlug: 'economy',
    tagNames: ['Trade', 'Pakistan', 'Exports', 'United States'],
    authorSlugs: ['claire-donnelly'],
    hoursAgo: 52,
  },
  {
    slug: 'freight-rates-ease-as-global-shipping-demand-cools',
    title: 'Freight rates ease as global shipping demand cools',
    dek: 'A wave of new container ships and softer orders from Western retailers are pushing transport costs down on major routes.',
    bodyMd: `Container freight rates on the main east-west shipping routes have eased over the past month, according to industry indices, as demand cools and newly built vessels continue to enter service.

The decline offers some relief to importers and retailers after a volatile period in which disruption to key sea lanes pushed transport costs sharply higher and forced many carriers onto longer routes.

## Capacity outpaces demand

Shipping lines ordered large numbers of container vessels during the boom years, and many of those ships are now being delivered. Analysts said the additional capacity was arriving just as orders from European and North American retailers had begun to slow.

Some carriers have responded by cancelling scheduled sailings in an effort to support prices, a practice the industry calls blank sailing.

## What it means for prices

Lower freight costs tend to feed through to consumer prices with a lag of several months, economists said, which could help central banks in import-dependent economies as they judge whether inflation is easing for good.

However, analysts cautioned that rates remain sensitive to security risks at maritime chokepoints, and that any renewed disruption could quickly reverse the recent fall.`,
    categorySlug: 'economy',
    tagNames: ['Trade', 'Shipping', 'Inflation'],
    authorSlugs: ['tomas-ellery'],
    hoursAgo: 96,
  },

  // ---------------------------------------------------------------- Banking
  {
    slug: 'state-bank-holds-policy-rate-as-inflation-slows',
    title: 'State Bank holds policy rate steady as inflation slows',
    dek: 'The central bank kept its benchmark rate unchanged, saying it wants clearer evidence that price pressures are easing before it cuts.',
    bodyMd: `The State Bank of Pakistan has left its benchmark policy rate unchanged, saying it wants firmer evidence that inflation is on a sustained downward path before it begins to lower borrowing costs.

In a statement after its monetary policy committee met, the central bank said headline inflation had slowed in recent months, helped by lower food prices and a stable exchange rate, but that core inflation remained elevated.

## Why the committee waited

The committee pointed to several risks that could push prices back up, including planned adjustments to energy tariffs, uncertainty over global commodity prices and the possibility of slippage against fiscal targets. It said keeping real interest rates positive was necessary to anchor expectations.

Analysts had been divided ahead of the meeting, with some expecting a modest cut given the improvement in monthly inflation figures.

## Reaction from business

Business groups expressed disappointment, arguing that high financing costs are holding back investment and weighing on manufacturing output. Banks, which have earned strong returns from lending to the government, are expected to see little immediate change to their margins.

The central bank said it would continue to assess incoming data and stood ready to adjust policy as conditions warranted. Its next scheduled meeting is in about six weeks.`,
    categorySlug: 'banking',
    tagNames: ['Interest rates', 'Pakistan', 'Inflation', 'Monetary policy'],
    authorSlugs: ['claire-donnelly'],
    hoursAgo: 9,
    updatedHoursAgo: 7,
  },
  {
    slug: 'harbourline-bank-and-calder-mutual-agree-merger',
    title: 'Harbourline Bank and Calder Mutual agree all-share merger',
    dek: 'The deal would create one of the larger mid-sized lenders in the market, subject to regulatory and shareholder approval.',
    excerpt: 'The two lenders say greater scale will help them absorb the rising cost of technology and compliance, though unions want early talks on jobs.',
    bodyMd: `Harbourline Bank and Calder Mutual have agreed to combine in an all-share deal that would create one of the larger mid-sized lenders in the market, the two banks said in a joint statement to the stock exchange.

Under the proposed terms, Calder Mutual shareholders would receive new Harbourline shares, leaving them with roughly 40 per cent of the enlarged group. The combined bank would trade under the Harbourline name, with Calder's branches rebranded over 18 months.

## The case for the deal

The banks argued that greater scale would allow them to spread the rising costs of technology, cyber-security and regulatory compliance across a larger customer base. Harbourline's strength in small-business lending is seen as a good fit with Calder's large base of retail depositors.

Executives said they expected savings from merging back-office functions and overlapping IT systems, though they declined to say how many jobs might be affected. Unions representing bank staff said they would seek early consultation.

## Regulatory hurdles

The transaction requires approval from the banking regulator and the competition authority, as well as votes by both sets of shareholders. Analysts said competition concerns were likely to be limited, since the two lenders overlap relatively little in most regions.

> Consolidation among mid-tier banks has been expected for some time, because smaller lenders face many of the same fixed costs as their much larger rivals.

That was the view of one banking analyst, who added that further deals in the sector were likely if this one secured approval.`,
    categorySlug: 'banking',
    tagNames: ['Mergers', 'Banking regulation'],
    authorSlugs: ['claire-donnelly', 'farah-siddiqui'],
    hoursAgo: 40,
  },
  {
    slug: 'lenders-trim-fixed-mortgage-rates-as-markets-price-in-cuts',
    title: 'Lenders trim fixed mortgage rates as markets price in cuts',
    dek: 'A fall in wholesale funding costs has prompted several large lenders to lower the price of two- and five-year fixed deals.',
    bodyMd: `Several large mortgage lenders have reduced rates on fixed-rate home loans this week, as expectations grow in financial markets that central bank interest rates have peaked.

The cuts, mostly on two- and five-year fixed deals, follow a fall in swap rates, the wholesale benchmarks that lenders use to price fixed-rate products. Brokers said the reductions were modest but marked a change in direction after a long period of rising costs for borrowers.

## Relief for some borrowers

Households approaching the end of fixed-rate deals stand to benefit most, although many will still face significantly higher repayments than on loans taken out when rates were at historic lows. Brokers reported a pick-up in enquiries from first-time buyers who had paused their search.

## Caution from lenders

Lenders remain wary of affordability pressures and have kept lending criteria tight. Arrears have risen from low levels, and banks are setting aside more money to cover potential losses.

Economists warned that mortgage pricing could change direction quickly if inflation data surprised on the upside, pushing market expectations of rate cuts further into the future.`,
    categorySlug: 'banking',
    tagNames: ['Interest rates', 'Mortgages', 'Housing'],
    authorSlugs: ['tomas-ellery'],
    hoursAgo: 70,
  },

  // ---------------------------------------------------------------- Defence
  {
    slug: 'multinational-naval-exercise-concludes-in-arabian-sea',
    title: 'Multinational naval exercise concludes in the Arabian Sea',
    dek: 'Warships and patrol aircraft from several navies practised search-and-rescue, boarding and escort operations during the drills.',
    bodyMd: `A multinational naval exercise in the Arabian Sea has concluded after several days of drills involving warships, maritime patrol aircraft and observers from a large number of countries, the Pakistan Navy said.

The exercise, hosted from Karachi, combined a harbour phase of seminars and planning sessions with a sea phase focused on practical cooperation between participating fleets.

## Drills at sea

Ships taking part practised manoeuvring in formation, search-and-rescue procedures, boarding operations against suspect vessels and the protection of merchant shipping. Officials said the drills were intended to build familiarity between navies that may one day need to work together in a crisis.

The harbour phase included discussions on piracy, drug trafficking, illegal fishing and the security of undersea infrastructure such as cables and pipelines.

## Why the sea lanes matter

The northern Arabian Sea lies close to some of the world's busiest shipping routes, including the approaches to the Strait of Hormuz, through which a large share of global oil supplies passes. Regional navies have stepped up patrols in recent years in response to attacks on merchant vessels and concerns over smuggling.

Defence analysts said such exercises also serve a diplomatic purpose, giving participating countries a chance to demonstrate their commitment to freedom of navigation and to strengthen defence cooperation with partners outside formal alliances.`,
    categorySlug: 'defence',
    tagNames: ['Naval exercise', 'Maritime security', 'Pakistan', 'Defence cooperation'],
    authorSlugs: ['imran-qadir', 'farah-siddiqui', 'tomas-ellery'],
    hoursAgo: 14,
    updatedHoursAgo: 12,
  },
  {
    slug: 'nato-defence-ministers-turn-to-depleted-ammunition-stocks',
    title: 'Nato defence ministers turn their attention to depleted ammunition stocks',
    dek: 'Allies are weighing longer-term contracts and joint purchasing to persuade manufacturers to expand production.',
    excerpt: 'Officials say stocks of shells and air-defence interceptors have been run down, and industry wants firm orders before building new capacity.',
    bodyMd: `Nato defence ministers meeting in Brussels have focused on rebuilding stocks of ammunition and air-defence interceptors, which officials say have been run down by supplies to Ukraine and years of under-investment.

Ministers discussed ways to encourage manufacturers to expand production lines, including longer-term contracts and joint purchasing by groups of allies to give industry the certainty it needs to invest.

## Industrial capacity under strain

European defence companies have said they are prepared to increase output but need firm orders before committing to new factories and recruitment. Officials acknowledged that some bottlenecks, such as shortages of explosives and specialist components, would take years to resolve.

The United States has pressed European allies to take on a bigger share of the burden, and several governments have announced increases in defence budgets to meet or exceed the alliance's guideline of spending 2 per cent of national output on defence.

## Differing priorities

Diplomats said there was broad agreement on the need for larger stockpiles, but differences over how quickly spending should rise and whether joint borrowing should be used to pay for it. Members on the alliance's eastern flank have argued for the most urgent action.

The outcome of the discussions is expected to feed into planning ahead of the alliance's next summit.`,
    categorySlug: 'defence',
    tagNames: ['Nato', 'Defence spending', 'United States'],
    authorSlugs: ['imran-qadir'],
    hoursAgo: 60,
  },

  // ---------------------------------------------------------------- Important Days
  {
    slug: 'world-food-day-what-the-observance-is-for',
    title: 'World Food Day: what the annual observance is for, and why it still matters',
    dek: 'Marked every 16 October, the day commemorates the founding of the UN food agency and puts a spotlight on global hunger.',
    bodyMd: `World Food Day is observed every year on 16 October, the date on which the Food and Agriculture Organization of the United Nations (FAO) was founded in 1945. The organisation's member states agreed to establish the day in 1979, and it has been marked in countries around the world since the early 1980s.

## Why the day exists

The observance is intended to draw attention to hunger and malnutrition, and to the systems that produce, transport and distribute food. Each year the FAO chooses a theme, which in recent years has ranged from water and food security to the right to food.

Schools, farmers' groups, charities and governments use the day to hold events, publish research and announce programmes. In many countries it also serves as a moment to review progress against national nutrition targets.

## The scale of the problem

According to UN estimates, hundreds of millions of people still face chronic hunger, and a far larger number cannot afford a healthy diet. Conflict, economic shocks and extreme weather are consistently identified as the main drivers.

At the same time, a significant share of the food produced worldwide is lost or wasted between the farm and the plate, a paradox that campaigners say shows the need for better storage, transport and distribution rather than simply higher production.

## What to watch

Critics argue that awareness days can become ritual rather than action. Supporters counter that they provide a fixed point in the calendar for holding governments to their commitments, including the Sustainable Development Goal of ending hunger by 2030.`,
    categorySlug: 'important-days',
    tagNames: ['United Nations', 'Food security', 'Explainer'],
    authorSlugs: ['farah-siddiqui'],
    hoursAgo: 110,
  },
  {
    slug: 'international-day-of-persons-with-disabilities-explained',
    title: 'International Day of Persons with Disabilities: the story behind 3 December',
    dek: 'Proclaimed by the UN in 1992, the day has become a focal point for campaigns on accessibility, inclusion and rights.',
    excerpt: 'How a UN observance helped shift the debate on disability from charity towards rights, and what campaigners want governments to do next.',
    bodyMd: `The International Day of Persons with Disabilities falls on 3 December each year. It was proclaimed by the United Nations General Assembly in 1992, at the close of the UN Decade of Disabled Persons, to promote the rights and well-being of disabled people in every area of society.

## From charity to rights

The observance reflects a broader change in how disability is understood: away from a purely medical or charitable framing and towards one centred on rights, participation and the removal of barriers. That change was codified in the Convention on the Rights of Persons with Disabilities, adopted by the General Assembly in 2006 and in force since 2008.

The convention obliges the states that ratify it to ensure access to education, employment, justice, transport and public information on an equal basis with others. The great majority of UN member states have now ratified it.

## Why it matters

The World Health Organization estimates that around 1.3 billion people, roughly one in six of the world's population, experience significant disability. Many face lower employment rates, poorer access to health care and a higher risk of poverty.

Campaigners use the day to highlight practical measures that can make a measurable difference, such as:

- accessible public buildings, transport and websites;
- sign-language interpretation for public broadcasts and services;
- inclusive places in mainstream schools, with the support pupils need.`,
    categorySlug: 'important-days',
    tagNames: ['United Nations', 'Accessibility', 'Explainer'],
    authorSlugs: ['tomas-ellery'],
    hoursAgo: 86,
    updatedHoursAgo: 80,
  },

  // ---------------------------------------------------------------- Business
  {
    slug: 'textile-trade-fair-in-karachi-draws-foreign-buyers',
    title: 'Textile trade fair in Karachi draws buyers from dozens of countries',
    dek: 'Manufacturers used the three-day event to court new customers and to press their case on energy costs.',
    bodyMd: `A three-day textile and apparel trade fair in Karachi has drawn buyers from dozens of countries, organisers said, as manufacturers look for new orders to offset weaker demand in some traditional markets.

Hundreds of local companies exhibited fabrics, home textiles, garments and technical textiles at the city's expo centre, with delegations from Europe, the Middle East, Central Asia and North America in attendance.

## Exporters seek new markets

Exhibitors said interest was strongest in home textiles and ready-made garments, where Pakistani producers have invested in new capacity over the past decade. Several firms reported signing letters of intent, although organisers cautioned that it would take months to see how many turned into firm orders.

Manufacturers also used the event to voice concerns about energy costs, which they say remain higher than those faced by competitors in Bangladesh, India and Vietnam.

## Sustainability in focus

A growing number of exhibitors highlighted certification for organic cotton, water recycling and supply-chain traceability, reflecting requirements increasingly set by European retailers. Buyers said meeting such standards was becoming a condition of doing business rather than an optional extra.

Trade officials said the fair was part of a wider effort to lift exports, which remain heavily concentrated in textiles.`,
    categorySlug: 'business',
    tagNames: ['Trade', 'Pakistan', 'Textiles', 'Exports'],
    authorSlugs: ['claire-donnelly', 'imran-qadir'],
    hoursAgo: 26,
  },
  {
    slug: 'payments-start-up-ledgerline-raises-series-a',
    title: 'Payments start-up Ledgerline raises $18m to expand merchant lending',
    dek: 'The company uses sales data from its card terminals to offer small working-capital loans to shopkeepers.',
    excerpt: 'The Series A round stands out in a subdued funding climate, with investors favouring start-ups that can show a path to profit.',
    bodyMd: `Ledgerline, a payments start-up that provides card terminals and short-term credit to small retailers, has raised $18m in a Series A funding round, the company said.

The round was led by a regional venture capital fund, with participation from existing investors. The company said it would use the money to expand its merchant lending product, hire engineers and launch in two more cities over the next year.

## How the business works

Ledgerline's model is built on payment data. By processing card and digital wallet payments for shops, the company gains a view of each merchant's daily sales, which it uses to offer small working-capital loans repaid automatically as a share of future takings.

Its founders said the approach allows them to lend to businesses that banks often turn away because they lack formal accounts or collateral.

## A tougher funding climate

The deal stands out at a time when venture funding for start-ups in emerging markets has fallen well below its peak, with investors favouring companies that can show a clear route to profitability. Ledgerline said its payments business had reached break-even, though its lending arm is still loss-making.

Analysts noted that lending-led fintech models carry credit risk, and that regulators in several markets have tightened rules on digital lenders in response to concerns about high charges and aggressive debt collection.`,
    categorySlug: 'business',
    tagNames: ['Start-ups', 'Fintech', 'Venture capital'],
    authorSlugs: ['tomas-ellery'],
    hoursAgo: 46,
  },
  {
    slug: 'logistics-groups-invest-in-cold-storage-for-food-exports',
    title: 'Logistics groups step up investment in cold storage for food exports',
    dek: 'Companies are betting that rising shipments of fruit, meat and seafood will sustain demand for temperature-controlled warehouses and lorries.',
    bodyMd: `Logistics companies are increasing investment in refrigerated warehousing and transport, betting that rising exports of fruit, vegetables, meat and seafood will create steady demand for temperature-controlled storage.

Several firms have announced plans in recent weeks to build cold-storage facilities near ports and major agricultural districts, while others are adding refrigerated lorries to their fleets.

## Closing a costly gap

Industry groups estimate that a significant share of perishable produce is lost between harvest and sale because of inadequate storage and slow transport. Better cold chains could reduce those losses, improve prices for farmers and help exporters meet the quality standards demanded by overseas buyers.

## Obstacles remain

Investors say the economics of cold storage depend heavily on reliable and affordable electricity, and several projects include rooftop solar installations to limit exposure to power cuts and tariff increases. Access to long-term finance is another constraint while interest rates remain high.

Executives said they hoped new trade agreements and faster port handling would make it easier to ship perishable goods, and called for clearer food-safety regulation to give buyers greater confidence.`,
    categorySlug: 'business',
    tagNames: ['Trade', 'Logistics', 'Food security'],
    authorSlugs: ['farah-siddiqui'],
    hoursAgo: 0.5,
  },

  // ---------------------------------------------------------------- Not public
  {
    slug: 'parliamentary-committee-to-examine-port-concession-plan',
    title: 'Parliamentary committee to examine port concession plan',
    dek: 'Lawmakers will question officials on proposals to hand the running of a container terminal to a private operator.',
    bodyMd: `A parliamentary committee is to examine government proposals to award a long-term concession for the operation of a container terminal to a private operator, members said.

The committee has asked the ministry responsible for maritime affairs to provide details of the bidding process, the expected revenue for the state and the safeguards for existing port employees.

## Questions over terms

Members said they wanted to understand how the tariffs charged to shipping lines would be regulated once the terminal passed into private hands, and what investment commitments the operator would be required to make.

## Supporters and critics

Supporters of the plan say private management could improve efficiency and cut waiting times for vessels, benefiting exporters. Critics argue that strategic infrastructure should remain under public control and that previous concessions have delivered mixed results.`,
    categorySlug: 'business',
    tagNames: ['Trade', 'Ports'],
    authorSlugs: ['claire-donnelly'],
    hoursAgo: 2,
    status: 'draft',
  },
  {
    slug: 'energy-regulator-publishes-winter-gas-allocation-plan',
    title: 'Energy regulator publishes winter gas allocation plan',
    dek: 'Households and essential services will be given priority over industry during the months of peak demand.',
    bodyMd: `The energy regulator has published its plan for allocating natural gas over the winter, setting out which users will be prioritised when domestic supply falls short of demand.

Under the plan, household consumers and essential services such as hospitals will receive priority, followed by fertiliser plants and export-oriented industry. Power generation and captive power plants are expected to face the largest reductions at peak times.

## Pressure on supply

Domestic gas production has been declining for several years, increasing reliance on imported liquefied natural gas, which is more expensive and exposed to swings in global prices.

## Industry concerns

Manufacturers warned that interruptions to supply could disrupt production and delay export orders, and called for more predictable scheduling. The regulator said it would review the plan monthly in light of supply conditions.`,
    categorySlug: 'economy',
    tagNames: ['Pakistan', 'Energy'],
    authorSlugs: ['tomas-ellery'],
    hoursAgo: -24,
    status: 'scheduled',
  },
];

/**
 * Hand-labelled paragraphs for the entity extractor (issue 12): original news prose written for these tests,
 * with the people, places, organisations and acronyms a reader would pick out. Labelling rules are in
 * LABELLING_RULES below.
 */
export interface LabelledParagraph {
  id: string;            // 'p01' … 'p36'
  text: string;
  people: string[];
  places: string[];
  organisations: string[];
  acronyms: string[];
}

export const LABELLING_RULES = `Each list names an entity once, spelt exactly as in the paragraph, with no leading "the".
People: the fullest form of the name that the paragraph gives, with titles and roles dropped (General, Field Marshal,
Prime Minister, Governor, Justice, Sheikh, Prince, Dr, Mr). A later surname-only mention adds nothing. Initials stay
part of the name (V. Narayanan). Particles stay too (bin, de la, da, do, van der, von der).
Places: countries, cities, states, provinces, regions, continents, islands, seas, bays and rivers used as nouns,
including country names that stand for a government or a national team. US, UK, UAE and USA are places, not
acronyms; when a paragraph writes both United States and US, both spellings are listed. Adjectives (Indian,
French, Emirati, Belgian) are never places. A place inside a hyphenated compound is listed on its own
(Afghanistan-related gives Afghanistan; US-Pakistan gives US and Pakistan; Mumbai-headquartered gives Mumbai).
Organisations: named bodies written in words (ministries, central banks and their committees, companies,
international bodies, armed forces and their commands, courts, parliaments, parties, universities, federations),
by the fullest form in the text. Generic references (the ministry, the central bank, the fund) are not listed.
Nesting: entities do not nest. A place or person inside an organisation name is not listed separately on that
account (Bank of England gives no England; Satish Dhawan Space Centre gives no person), but a place inside a
title (Chief Justice of India, Crown Prince of Abu Dhabi) or inside a name this scheme does not label is listed.
Acronyms: every all-capital abbreviation of two or more characters, letters first, with digits and hyphens allowed
inside (CIS-MOA, G20, COP30, PSLV-C60, GDP, TB), as written, whatever it stands for, except the country
abbreviations above. Mixed-case short forms (MoU, MoSPI, SpaDeX, RoDTEP) and initials in personal names are not
acronyms.
Never entities: months, weekdays, festivals, named days, named agreements, exercises, tournaments, races, summits,
awards, ships, missiles, books, reports and themes written in words, languages and planets.`;

export const LABELLED_PARAGRAPHS: readonly LabelledParagraph[] = [
  {
    id: 'p01',
    text: 'India and the United Arab Emirates signed four agreements in New Delhi on Tuesday after talks between Prime Minister Narendra Modi and the Crown Prince of Abu Dhabi, Sheikh Khaled bin Mohamed bin Zayed Al Nahyan. One pact links the Unified Payments Interface (UPI) with the Emirati instant payment platform, and another lets Indian Strategic Petroleum Reserves Limited (ISPRL) store crude oil in Fujairah. The Ministry of External Affairs said the UAE remained among the largest investors in India.',
    people: ['Narendra Modi', 'Khaled bin Mohamed bin Zayed Al Nahyan'],
    places: ['India', 'United Arab Emirates', 'New Delhi', 'Abu Dhabi', 'Fujairah', 'UAE'],
    organisations: ['Indian Strategic Petroleum Reserves Limited', 'Ministry of External Affairs'],
    acronyms: ['UPI', 'ISPRL'],
  },
  {
    id: 'p02',
    text: 'The Reserve Bank of India (RBI) cut the repo rate by 50 basis points to 5.5 per cent on Friday, its third reduction this year. Announcing the decision in Mumbai, Governor Sanjay Malhotra said retail inflation measured by the Consumer Price Index (CPI) had fallen well below the target of four per cent. The Monetary Policy Committee (MPC) voted unanimously, and the bank also lowered the cash reserve ratio (CRR). It kept its GDP growth projection for the year at 6.5 per cent.',
    people: ['Sanjay Malhotra'],
    places: ['Mumbai'],
    organisations: ['Reserve Bank of India', 'Monetary Policy Committee'],
    acronyms: ['RBI', 'CPI', 'MPC', 'CRR', 'GDP'],
  },
  {
    id: 'p03',
    text: 'The Bank of England held Bank Rate at 4 per cent on Thursday, with the nine members of its Monetary Policy Committee split five votes to four. Governor Andrew Bailey said price pressures in the UK were easing more slowly than hoped, although wage growth had cooled. Figures from the Office for National Statistics (ONS) earlier in the week showed the economy grew by 0.1 per cent in the third quarter. Traders in London now expect a cut in February.',
    people: ['Andrew Bailey'],
    places: ['UK', 'London'],
    organisations: ['Bank of England', 'Monetary Policy Committee', 'Office for National Statistics'],
    acronyms: ['ONS'],
  },
  {
    id: 'p04',
    text: 'The eighth edition of the India-France joint military exercise Shakti began on Monday at Umroi in Meghalaya. The Indian Army contingent of 90 personnel is drawn mainly from a battalion of the Rajputana Rifles, while the French side comes from a unit of the French Foreign Legion. Over two weeks, the troops will rehearse counter-terrorism drills under a United Nations (UN) peacekeeping mandate, including the use of drones and heliborne operations in semi-urban terrain.',
    people: [],
    places: ['India', 'France', 'Umroi', 'Meghalaya'],
    organisations: ['Indian Army', 'Rajputana Rifles', 'French Foreign Legion', 'United Nations'],
    acronyms: ['UN'],
  },
  {
    id: 'p05',
    text: 'Field Marshal Asim Munir, the Chief of Army Staff, met the commander of US Central Command (CENTCOM), Admiral Brad Cooper, in Rawalpindi on Wednesday. According to a statement from Inter-Services Public Relations (ISPR), the two sides discussed Afghanistan-related security concerns, counter-terrorism cooperation and the renewal of the Communications Interoperability and Security Memorandum of Agreement (CIS-MOA). Officials said the US-Pakistan defence dialogue would resume in Washington next spring.',
    people: ['Asim Munir', 'Brad Cooper'],
    places: ['Rawalpindi', 'Afghanistan', 'US', 'Pakistan', 'Washington'],
    organisations: ['US Central Command', 'Inter-Services Public Relations'],
    acronyms: ['CENTCOM', 'ISPR', 'CIS-MOA'],
  },
  {
    id: 'p06',
    text: 'The Indian Space Research Organisation (ISRO) launched its PSLV-C60 rocket from the Satish Dhawan Space Centre in Sriharikota, Andhra Pradesh, carrying twin satellites for the Space Docking Experiment, or SpaDeX. Chairman V. Narayanan said both spacecraft had reached a circular orbit about 475 km up. Once the docking succeeds, India will become the fourth country after the United States, Russia and China to demonstrate the technology in orbit.',
    people: ['V. Narayanan'],
    places: ['Sriharikota', 'Andhra Pradesh', 'India', 'United States', 'Russia', 'China'],
    organisations: ['Indian Space Research Organisation', 'Satish Dhawan Space Centre'],
    acronyms: ['ISRO', 'PSLV-C60'],
  },
  {
    id: 'p07',
    text: 'World Environment Day is observed every year on 5 June under the leadership of the United Nations Environment Programme (UNEP). This year the global host is the Republic of Korea, with the main events held on Jeju Island, and the theme is ending plastic pollution. UNEP Executive Director Inger Andersen urged governments meeting in Geneva in August to conclude a binding treaty on plastics. The day was first celebrated in 1974.',
    people: ['Inger Andersen'],
    places: ['Republic of Korea', 'Jeju Island', 'Geneva'],
    organisations: ['United Nations Environment Programme'],
    acronyms: ['UNEP'],
  },
  {
    id: 'p08',
    text: 'The Norwegian Nobel Committee awarded the Nobel Peace Prize to Nihon Hidankyo, a grassroots movement of survivors of the atomic bombings of Hiroshima and Nagasaki. Committee chair Jørgen Watne Frydnes said the group had helped build a powerful global norm against the use of nuclear weapons. The award ceremony took place in Oslo on 10 December. The International Campaign to Abolish Nuclear Weapons (ICAN), itself a laureate in 2017, welcomed the decision.',
    people: ['Jørgen Watne Frydnes'],
    places: ['Hiroshima', 'Nagasaki', 'Oslo'],
    organisations: ['Norwegian Nobel Committee', 'Nihon Hidankyo', 'International Campaign to Abolish Nuclear Weapons'],
    acronyms: ['ICAN'],
  },
  {
    id: 'p09',
    text: 'India won the ICC Champions Trophy in Dubai on Sunday, beating New Zealand by four wickets in the final. Captain Rohit Sharma top-scored with 76, and spinner Varun Chakravarthy finished as the leading wicket-taker for his side. Sharma, who also led the team to the world title last year, was named player of the match. The Board of Control for Cricket in India (BCCI) announced a cash reward of 58 crore rupees. New Zealand, led by Mitchell Santner, had also lost to India in the group stage.',
    people: ['Rohit Sharma', 'Varun Chakravarthy', 'Mitchell Santner'],
    places: ['India', 'Dubai', 'New Zealand'],
    organisations: ['Board of Control for Cricket in India'],
    acronyms: ['ICC', 'BCCI'],
  },
  {
    id: 'p10',
    text: 'John Dramani Mahama of the National Democratic Congress (NDC) won the presidential election in Ghana with about 56 per cent of the vote, defeating Vice-President Mahamudu Bawumia of the New Patriotic Party (NPP). The Electoral Commission declared the result in Accra on 9 December. Mahama, who led the country from 2012 to 2017, was sworn in on 7 January. Observers from the Economic Community of West African States (ECOWAS) described the poll as peaceful and orderly.',
    people: ['John Dramani Mahama', 'Mahamudu Bawumia'],
    places: ['Ghana', 'Accra'],
    organisations: ['National Democratic Congress', 'New Patriotic Party', 'Electoral Commission', 'Economic Community of West African States'],
    acronyms: ['NDC', 'NPP', 'ECOWAS'],
  },
  {
    id: 'p11',
    text: 'Leaders of the G20 met in Johannesburg in November for the first summit of the group held on the African continent. South Africa, which held the rotating presidency, put debt relief for low-income countries and a just energy transition at the top of the agenda. President Cyril Ramaphosa closed the meeting on Sunday, and the presidency passes to the United States for the following year. The African Union (AU), a permanent member since the New Delhi summit of 2023, was represented by Chairperson Mahmoud Ali Youssouf.',
    people: ['Cyril Ramaphosa', 'Mahmoud Ali Youssouf'],
    places: ['Johannesburg', 'South Africa', 'United States', 'New Delhi'],
    organisations: ['African Union'],
    acronyms: ['G20', 'AU'],
  },
  {
    id: 'p12',
    text: 'India recorded a merchandise trade deficit of about 22 billion dollars in October, according to figures released by the Ministry of Commerce and Industry. Exports slipped marginally, while imports rose on heavy gold purchases from Switzerland and the UAE. Commerce Secretary Rajesh Agrawal said electronics shipments to the United States and the Netherlands stayed strong. The Federation of Indian Export Organisations (FIEO) asked for faster refunds under the RoDTEP scheme.',
    people: ['Rajesh Agrawal'],
    places: ['India', 'Switzerland', 'UAE', 'United States', 'Netherlands'],
    organisations: ['Ministry of Commerce and Industry', 'Federation of Indian Export Organisations'],
    acronyms: ['FIEO'],
  },
  {
    id: 'p13',
    text: 'The government has appointed Poonam Gupta as a Deputy Governor of the Reserve Bank of India for three years. She was previously Director General of the National Council of Applied Economic Research (NCAER) in New Delhi and has worked at the International Monetary Fund (IMF) and the World Bank in Washington. Gupta will oversee the monetary policy department and join the rate-setting panel. The Appointments Committee of the Cabinet (ACC) approved the appointment on Wednesday.',
    people: ['Poonam Gupta'],
    places: ['New Delhi', 'Washington'],
    organisations: ['Reserve Bank of India', 'National Council of Applied Economic Research', 'International Monetary Fund', 'World Bank', 'Appointments Committee of the Cabinet'],
    acronyms: ['NCAER', 'IMF', 'ACC'],
  },
  {
    id: 'p14',
    text: 'Warships from India, Japan, Australia and the United States completed the Malabar naval exercise off Guam on Saturday. The Indian Navy deployed the stealth frigate INS Sahyadri, while the Japan Maritime Self-Defense Force (JMSDF) sent a helicopter destroyer. The drills covered anti-submarine warfare, air defence and underwater domain awareness. Vice Admiral Rajesh Pendharkar, who heads the Eastern Naval Command, reviewed the preparations before the ships sailed across the Indo-Pacific.',
    people: ['Rajesh Pendharkar'],
    places: ['India', 'Japan', 'Australia', 'United States', 'Guam', 'Indo-Pacific'],
    organisations: ['Indian Navy', 'Japan Maritime Self-Defense Force', 'Eastern Naval Command'],
    acronyms: ['INS', 'JMSDF'],
  },
  {
    id: 'p15',
    text: 'European Commission President Ursula von der Leyen and Prime Minister Narendra Modi announced in New Delhi that negotiations on the India-EU free trade agreement (FTA) would conclude by the end of the year. Von der Leyen travelled with the entire College of Commissioners, a first for a visit outside Europe. The two sides also set up a working group of the Trade and Technology Council (TTC) on semiconductors and clean energy.',
    people: ['Ursula von der Leyen', 'Narendra Modi'],
    places: ['New Delhi', 'India', 'Europe'],
    organisations: ['European Commission', 'College of Commissioners', 'Trade and Technology Council'],
    acronyms: ['EU', 'FTA', 'TTC'],
  },
  {
    id: 'p16',
    text: 'Real gross domestic product (GDP) in India grew by 8.2 per cent in the July-September quarter, the fastest pace in six quarters, according to the National Statistics Office (NSO). Manufacturing and financial services led the expansion, while farm output rose modestly. Chief Economic Adviser V. Anantha Nageswaran said the figures supported an upward revision of the full-year forecast. Gross value added (GVA) rose by 8.1 per cent. The Ministry of Statistics and Programme Implementation will publish revised estimates in February.',
    people: ['V. Anantha Nageswaran'],
    places: ['India'],
    organisations: ['National Statistics Office', 'Ministry of Statistics and Programme Implementation'],
    acronyms: ['GDP', 'NSO', 'GVA'],
  },
  {
    id: 'p17',
    text: 'Mathieu van der Poel of the Netherlands won Paris-Roubaix for the third year in a row in April, finishing ahead of world champion Tadej Pogačar of Slovenia, who had crashed on a corner in the closing stages. Mads Pedersen of Denmark took third place. Van der Poel, who rides for the Belgian team Alpecin-Deceuninck, also won the race in 2023 and 2024. The race is part of the UCI World Tour and ends in a velodrome in northern France.',
    people: ['Mathieu van der Poel', 'Tadej Pogačar', 'Mads Pedersen'],
    places: ['Netherlands', 'Paris', 'Roubaix', 'Slovenia', 'Denmark', 'France'],
    organisations: ['Alpecin-Deceuninck'],
    acronyms: ['UCI'],
  },
  {
    id: 'p18',
    text: 'Saudi Arabia and Pakistan signed a Strategic Mutual Defence Agreement in Riyadh on 17 September, under which aggression against either country will be treated as aggression against both. The pact was signed by Crown Prince Mohammed bin Salman and Prime Minister Shehbaz Sharif. Analysts noted that the Pakistan Armed Forces have trained Saudi personnel for decades. Officials of the Gulf Cooperation Council (GCC) were briefed on the agreement later in the week.',
    people: ['Mohammed bin Salman', 'Shehbaz Sharif'],
    places: ['Saudi Arabia', 'Pakistan', 'Riyadh'],
    organisations: ['Pakistan Armed Forces', 'Gulf Cooperation Council'],
    acronyms: ['GCC'],
  },
  {
    id: 'p19',
    text: 'The National Aeronautics and Space Administration (NASA) and the Indian Space Research Organisation launched the NISAR radar imaging satellite on a GSLV-F16 rocket from Sriharikota in July. The mission carries an L-band radar built at the Jet Propulsion Laboratory (JPL) in California and an S-band radar from the Space Applications Centre in Ahmedabad. Project scientists said NISAR will map nearly all land and ice surfaces twice every 12 days, tracking earthquakes, glaciers and crops.',
    people: [],
    places: ['Sriharikota', 'California', 'Ahmedabad'],
    organisations: ['National Aeronautics and Space Administration', 'Indian Space Research Organisation', 'Jet Propulsion Laboratory', 'Space Applications Centre'],
    acronyms: ['NASA', 'NISAR', 'GSLV-F16', 'JPL'],
  },
  {
    id: 'p20',
    text: 'The 11th International Day of Yoga (IDY) was observed on 21 June with the theme Yoga for One Earth, One Health. Prime Minister Narendra Modi led a mass session on the beach in Visakhapatnam, Andhra Pradesh, alongside Chief Minister N. Chandrababu Naidu. The Ministry of Ayush coordinated events in more than 190 countries. The United Nations General Assembly proclaimed the day in December 2014 on a resolution moved by India.',
    people: ['Narendra Modi', 'N. Chandrababu Naidu'],
    places: ['Visakhapatnam', 'Andhra Pradesh', 'India'],
    organisations: ['Ministry of Ayush', 'United Nations General Assembly'],
    acronyms: ['IDY'],
  },
  {
    id: 'p21',
    text: 'Spain won the UEFA European Championship in Berlin, defeating England 2-1 in the final. Mikel Oyarzabal scored the winner four minutes from time after Cole Palmer had equalised for England. Teenager Lamine Yamal was named young player of the tournament, and Rodri received the award for the best player. Coach Luis de la Fuente said the Royal Spanish Football Federation (RFEF) would build on the success before the next World Cup.',
    people: ['Mikel Oyarzabal', 'Cole Palmer', 'Lamine Yamal', 'Rodri', 'Luis de la Fuente'],
    places: ['Spain', 'Berlin', 'England'],
    organisations: ['Royal Spanish Football Federation'],
    acronyms: ['UEFA', 'RFEF'],
  },
  {
    id: 'p22',
    text: 'The US Federal Reserve lowered its benchmark rate by a quarter of a percentage point to a range of 3.75 to 4 per cent on Wednesday. Chair Jerome Powell told reporters in Washington that a further cut in December was far from certain. The Federal Open Market Committee (FOMC) also said it would stop shrinking its balance sheet from 1 December. Two members dissented. Treasury Secretary Scott Bessent welcomed the move, while the yield on the 10-year note rose.',
    people: ['Jerome Powell', 'Scott Bessent'],
    places: ['Washington'],
    organisations: ['US Federal Reserve', 'Federal Open Market Committee'],
    acronyms: ['FOMC'],
  },
  {
    id: 'p23',
    text: 'Timor-Leste became the 11th member of the Association of Southeast Asian Nations (ASEAN) at the summit in Kuala Lumpur in October. Prime Minister Anwar Ibrahim of Malaysia, who chaired the meeting, said the accession completed the family of Southeast Asia. Prime Minister Xanana Gusmão described the day as historic. Leaders also signed an upgraded ASEAN-China Free Trade Area (ACFTA) agreement, while Thailand and Cambodia signed a joint declaration on their disputed border.',
    people: ['Anwar Ibrahim', 'Xanana Gusmão'],
    places: ['Timor-Leste', 'Kuala Lumpur', 'Malaysia', 'Southeast Asia', 'China', 'Thailand', 'Cambodia'],
    organisations: ['Association of Southeast Asian Nations'],
    acronyms: ['ASEAN', 'ACFTA'],
  },
  {
    id: 'p24',
    text: 'The Defence Research and Development Organisation (DRDO) flight-tested the Agni-5 missile fitted with Multiple Independently Targetable Re-entry Vehicle (MIRV) technology from an island off the coast of Odisha. Defence Minister Rajnath Singh congratulated the scientists and said the test placed India among a small group of nations with the capability. Personnel of the Strategic Forces Command (SFC) observed the launch, and tracking ships in the Bay of Bengal monitored the warheads.',
    people: ['Rajnath Singh'],
    places: ['Odisha', 'India', 'Bay of Bengal'],
    organisations: ['Defence Research and Development Organisation', 'Strategic Forces Command'],
    acronyms: ['DRDO', 'MIRV', 'SFC'],
  },
  {
    id: 'p25',
    text: 'Banu Mushtaq, a writer and lawyer from Karnataka, won the International Booker Prize for Heart Lamp, a collection of short stories translated from Kannada by Deepa Bhasthi. It is the first book written in Kannada to win the award, which was presented at a ceremony in London in May. The prize of 50,000 pounds is split equally between author and translator. Jury chair Max Porter praised the translation, and the Booker Prize Foundation said the book had been chosen from a longlist of 13 titles.',
    people: ['Banu Mushtaq', 'Deepa Bhasthi', 'Max Porter'],
    places: ['Karnataka', 'London'],
    organisations: ['Booker Prize Foundation'],
    acronyms: [],
  },
  {
    id: 'p26',
    text: 'The International Monetary Fund (IMF) kept its forecast for world growth at about 3.2 per cent for this year in its latest World Economic Outlook (WEO), released in Washington in October. Chief Economist Pierre-Olivier Gourinchas said higher tariffs imposed by the US had so far caused less damage than feared. The fund projected growth of 6.6 per cent for India and 4.8 per cent for China, and trimmed its outlook for Japan. Managing Director Kristalina Georgieva warned of risks from high public debt.',
    people: ['Pierre-Olivier Gourinchas', 'Kristalina Georgieva'],
    places: ['Washington', 'US', 'India', 'China', 'Japan'],
    organisations: ['International Monetary Fund'],
    acronyms: ['IMF', 'WEO'],
  },
  {
    id: 'p27',
    text: 'Justice Surya Kant was sworn in as the 53rd Chief Justice of India (CJI) by President Droupadi Murmu at a ceremony in New Delhi on 24 November. He succeeds Bhushan Ramkrishna Gavai and will serve until February 2027. Born in Hisar, Haryana, Kant began his judicial career at the Punjab and Haryana High Court and later served as Chief Justice of the Himachal Pradesh High Court. The Supreme Court Bar Association (SCBA) will host a reception for him on Monday.',
    people: ['Surya Kant', 'Droupadi Murmu', 'Bhushan Ramkrishna Gavai'],
    places: ['India', 'New Delhi', 'Hisar', 'Haryana'],
    organisations: ['Punjab and Haryana High Court', 'Himachal Pradesh High Court', 'Supreme Court Bar Association'],
    acronyms: ['CJI', 'SCBA'],
  },
  {
    id: 'p28',
    text: 'Eighteen-year-old D. Gukesh became the youngest undisputed world chess champion after defeating Ding Liren of China in the 14th and final game of their title match in Singapore. The player from Chennai won the match by 7.5 points to 6.5. The International Chess Federation (FIDE) confirmed the prize fund of 2.5 million dollars, and the All India Chess Federation (AICF) announced a felicitation. Tamil Nadu Chief Minister M. K. Stalin presented him with a cheque of five crore rupees.',
    people: ['D. Gukesh', 'Ding Liren', 'M. K. Stalin'],
    places: ['China', 'Singapore', 'Chennai', 'Tamil Nadu'],
    organisations: ['International Chess Federation', 'All India Chess Federation'],
    acronyms: ['FIDE', 'AICF'],
  },
  {
    id: 'p29',
    text: 'Friedrich Merz of the Christian Democratic Union (CDU) was elected Chancellor of Germany by the Bundestag in May, but only in a second round of voting, a first in the post-war history of the country. His coalition with the Social Democratic Party (SPD) holds 328 of the 630 seats. Merz promised to strengthen European defence within the North Atlantic Treaty Organization (NATO) and to revive growth. Lars Klingbeil of the SPD became Vice-Chancellor and Finance Minister in Berlin.',
    people: ['Friedrich Merz', 'Lars Klingbeil'],
    places: ['Germany', 'Berlin'],
    organisations: ['Christian Democratic Union', 'Bundestag', 'Social Democratic Party', 'North Atlantic Treaty Organization'],
    acronyms: ['CDU', 'SPD', 'NATO'],
  },
  {
    id: 'p30',
    text: 'The COP30 climate summit under the UNFCCC was held in November in Belém, a city near the mouth of the Amazon in northern Brazil. President Luiz Inácio Lula da Silva opened the talks by calling for a roadmap away from fossil fuels. Summit president André Corrêa do Lago, a veteran diplomat, steered the negotiations on adaptation finance. A new fund for standing forests, the TFFF, drew pledges from Norway, Indonesia and Germany, with the World Bank acting as trustee.',
    people: ['Luiz Inácio Lula da Silva', 'André Corrêa do Lago'],
    places: ['Belém', 'Amazon', 'Brazil', 'Norway', 'Indonesia', 'Germany'],
    organisations: ['World Bank'],
    acronyms: ['COP30', 'UNFCCC', 'TFFF'],
  },
  {
    id: 'p31',
    text: 'India and the United Kingdom signed a Comprehensive Economic and Trade Agreement (CETA) near London in July, during a visit by Prime Minister Narendra Modi. Modi and Prime Minister Keir Starmer said the deal would remove tariffs on about 99 per cent of Indian exports to the UK and lower duties on British whisky and cars. Commerce and Industry Minister Piyush Goyal and Business and Trade Secretary Jonathan Reynolds signed the text. The Confederation of Indian Industry (CII) welcomed the pact, which needs approval from the UK Parliament.',
    people: ['Narendra Modi', 'Keir Starmer', 'Piyush Goyal', 'Jonathan Reynolds'],
    places: ['India', 'United Kingdom', 'London', 'UK'],
    organisations: ['Confederation of Indian Industry', 'UK Parliament'],
    acronyms: ['CETA', 'CII'],
  },
  {
    id: 'p32',
    text: 'World Tuberculosis Day is marked on 24 March, the date in 1882 when Robert Koch announced the discovery of the bacterium that causes the disease. The World Health Organization (WHO) says TB is again the leading infectious killer, with India, Indonesia, the Philippines and Pakistan bearing a large share of cases. Director-General Tedros Adhanom Ghebreyesus urged donors in Geneva to restore funding cut earlier this year. India runs its campaign through the National TB Elimination Programme (NTEP).',
    people: ['Robert Koch', 'Tedros Adhanom Ghebreyesus'],
    places: ['India', 'Indonesia', 'Philippines', 'Pakistan', 'Geneva'],
    organisations: ['World Health Organization'],
    acronyms: ['WHO', 'TB', 'NTEP'],
  },
  {
    id: 'p33',
    text: 'Challa Sreenivasulu Setty took charge as Chairman of the State Bank of India (SBI) for three years, succeeding Dinesh Kumar Khara, who retired on reaching the age limit. He had been picked by the Financial Services Institutions Bureau (FSIB), which selects heads of public sector banks and insurers. Setty joined the bank as a probationary officer in 1988. The Mumbai-headquartered lender is the largest in India by assets, with offices in about 30 countries including the UK and Singapore.',
    people: ['Challa Sreenivasulu Setty', 'Dinesh Kumar Khara'],
    places: ['Mumbai', 'India', 'UK', 'Singapore'],
    organisations: ['State Bank of India', 'Financial Services Institutions Bureau'],
    acronyms: ['SBI', 'FSIB'],
  },
  {
    id: 'p34',
    text: 'A contingent of the Indian Air Force (IAF) joined Exercise Pitch Black, hosted by the Royal Australian Air Force (RAAF) at its bases in Darwin and Tindal in the Northern Territory. About 140 aircraft from 20 countries, including Singapore, Germany and the Philippines, took part over three weeks. Group Captain Arjun Mehra, who led the Indian detachment, said the large-force drills improved interoperability. A refuelling aircraft of the French Air and Space Force supported the night missions.',
    people: ['Arjun Mehra'],
    places: ['Darwin', 'Tindal', 'Northern Territory', 'Singapore', 'Germany', 'Philippines'],
    organisations: ['Indian Air Force', 'Royal Australian Air Force', 'French Air and Space Force'],
    acronyms: ['IAF', 'RAAF'],
  },
  {
    id: 'p35',
    text: 'Eight producers in the group led by the Organization of the Petroleum Exporting Countries (OPEC) agreed at an online meeting on Sunday to raise output by 137,000 barrels per day in December and then pause increases in the first quarter. Saudi Arabia and Russia lead the group, which also includes Iraq, the UAE, Kuwait, Kazakhstan, Algeria and Oman. Saudi Energy Minister Prince Abdulaziz bin Salman said the pause reflected seasonal demand. Brent crude rose after the decision.',
    people: ['Abdulaziz bin Salman'],
    places: ['Saudi Arabia', 'Russia', 'Iraq', 'UAE', 'Kuwait', 'Kazakhstan', 'Algeria', 'Oman'],
    organisations: ['Organization of the Petroleum Exporting Countries'],
    acronyms: ['OPEC'],
  },
  {
    id: 'p36',
    text: 'Leaders of the North Atlantic Treaty Organization (NATO) met in The Hague in June and agreed that allies would spend 5 per cent of GDP on defence and related security by 2035. Secretary General Mark Rutte, a former prime minister of the Netherlands, chaired the summit, with Prime Minister Dick Schoof as host. Spain won flexibility on the target, and US President Donald Trump attended the main session. Ukraine was represented by President Volodymyr Zelensky at a dinner on the eve of the meeting.',
    people: ['Mark Rutte', 'Dick Schoof', 'Donald Trump', 'Volodymyr Zelensky'],
    places: ['The Hague', 'Netherlands', 'Spain', 'US', 'Ukraine'],
    organisations: ['North Atlantic Treaty Organization'],
    acronyms: ['NATO', 'GDP'],
  },
];

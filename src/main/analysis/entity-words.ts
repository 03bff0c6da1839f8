import nlp from 'compromise/two'
import { OUTLET_DOMAINS } from './outlets'

/** The parts of compromise's shipped model this analyser reads. */
interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> }
  two: { orgWords: Record<string, boolean> }
}

// compromise types its model as `object`; the shape above is what version 14 ships.
const model = nlp.model() as CompromiseModel
const lexicon = model.one.lexicon

/** The tags compromise's lexicon gives a lower-cased word or phrase (empty when unknown). */
export function lexiconTags(phrase: string): readonly string[] {
  const tags = lexicon[phrase]
  if (tags === undefined) return []
  return typeof tags === 'string' ? [tags] : tags
}

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person'])
const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place'])
const PROPER_TAGS = new Set([
  ...NAME_TAGS,
  ...PLACE_TAGS,
  'Organization',
  'ProperNoun',
  'SportsTeam',
  'Honorific',
  'Actor'
])

/** Scottish, Irish, Welsh and other first names common in British news that the lexicon lacks. */
const MALE_FIRST_NAMES = new Set(
  (
    'alasdair alastair angus callum cillian colm conor darragh dafydd declan donal dónal eamon ' +
    'éamon eoin euan ewan feargal fergus fionn fraser hamish iain innes lachlan murdo oisin ' +
    'oisín pádraig padraig rhys ronan ruaridh ruairi ruairí seamus séamus sean seán tadhg ' +
    'torquil barnaby dean aled'
  ).split(' ')
)
const FEMALE_FIRST_NAMES = new Set(
  (
    'aoife ailsa aisling bethan bríd brid caoimhe catriona cerys ciara clodagh dervla eilidh ' +
    'gráinne grainne isla kirsty lorna mairead máiread mhairi morag morna morven niamh nuala ' +
    'orla roisin róisín saoirse shona sian siân sinead sinéad imogen priya'
  ).split(' ')
)

/** Whether the lexicon knows the word as a first name, and which gender if it does. */
export function firstNameGender(word: string): 'male' | 'female' | 'either' | null {
  const lower = word.toLowerCase()
  if (MALE_FIRST_NAMES.has(lower)) return 'male'
  if (FEMALE_FIRST_NAMES.has(lower)) return 'female'
  const tags = lexiconTags(lower)
  if (tags.length === 0 && lower.includes('-')) return firstNameGender(lower.split('-')[0]!)
  const male = tags.includes('MaleName')
  const female = tags.includes('FemaleName')
  if (male && female) return 'either'
  if (male) return 'male'
  if (female) return 'female'
  return tags.includes('FirstName') ? 'either' : null
}

/** Whether the lexicon knows the word as a surname. */
export function isKnownLastName(word: string): boolean {
  return lexiconTags(word.toLowerCase()).includes('LastName')
}

/** Whether a capitalised word at the start of a sentence is most likely an ordinary word. */
export function isOrdinaryWord(word: string): boolean {
  const lower = word.toLowerCase()
  if (STOP_WORDS.has(lower)) return true
  const tags = lexiconTags(lower)
  return tags.length > 0 && !tags.some((tag) => PROPER_TAGS.has(tag))
}

/** Words never part of a name: pronouns, months and weekdays, common sentence openers. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'i a an the this that these those it its he she they we you his her their our my your him them ' +
    'us me but and or so yet if when while as after before since although though because in on at ' +
    'by for from with without to of about into over under between during against despite amid ' +
    'meanwhile however yesterday today tonight tomorrow earlier later now then there here also ' +
    'still just even only speaking asked according following last next every each some many most ' +
    'more other such both all no not never what which who whom whose where why how ' +
    'monday tuesday wednesday thursday friday saturday sunday january february april june july ' +
    'august september october november december jan feb apr jun jul aug sep sept oct nov dec ' +
    'gmt bst utc am pm tv ok covid am pm'
  ).split(' ')
)

/** Months that are also surnames ("Theresa May"): only a stop word when no name precedes. */
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['may', 'march'])

/** Honorifics written before a name and dropped from it ("Mr Johnson" → "Johnson"). */
export const PLAIN_HONORIFICS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor'
])

/** Honorifics that are part of a British name ("Sir Keir Starmer", "Lord Frost"). */
export const NAME_HONORIFICS: ReadonlySet<string> = new Set([
  'sir',
  'dame',
  'lord',
  'lady',
  'baroness',
  'baron'
])

/** Head words of a role or job title ("Foreign Secretary", "Kremlin spokesman"). */
export const ROLE_HEADS: ReadonlySet<string> = new Set(
  (
    'president minister secretary chancellor spokesman spokeswoman spokesperson leader chief ' +
    'commander general ambassador envoy adviser advisor director head governor mayor senator ' +
    'congressman congresswoman representative mp mep msp premier king queen prince princess ' +
    'chairman chairwoman chair ceo founder official officer commissioner judge editor ' +
    'correspondent analyst economist councillor speaker prosecutor lawyer attorney diplomat ' +
    'negotiator pope archbishop bishop colonel lieutenant captain admiral marshal sergeant major ' +
    'secretary-general chancellor-elect president-elect deputy vice-president whip ' +
    'spokesperson reporter professor researcher expert taoiseach tánaiste skipper detective ' +
    'constable inspector superintendent member comhairle activist ' +
    'campaigner democrat sen rep gov gen lt col sgt capt maj adm supt insp det cllr owner ' +
    'pensioner farmer grower headteacher teacher nurse doctor surgeon consultant paediatrician ' +
    'driver worker student shopkeeper landlord landlady publican manager coach executive ' +
    'supervisor administrator cr vet veterinarian teenager striker midfielder defender ' +
    'goalkeeper winger forward batsman bowler jockey trainer referee umpire'
  ).split(' ')
)

/** Lower-case words that may stand inside a role before its head ("foreign minister"). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set(
  (
    'foreign defence defense home prime deputy vice shadow chief senior former junior health ' +
    'justice interior finance economy economic trade culture education transport energy ' +
    'environment security armed forces general press top military government communications ' +
    'executive managing opposition party state international regional local acting interim ' +
    'outgoing incoming first second lead principal cabinet national political policy army navy ' +
    'air force intelligence official public affairs treasury ceann science crime diplomatic ' +
    'business sports technology legal social media arts consumer medical investigations digital ' +
    'republican democratic presidential'
  ).split(' ')
)

/** Last words of organisation names, on top of compromise's own list. */
const ORGANISATION_HEADS = new Set(
  (
    'ministry department party council commission agency office committee union bank institute ' +
    'university college corporation group association foundation army navy forces police service ' +
    'court parliament government assembly federation organisation organization fund authority ' +
    'board trust society network news times post guardian telegraph herald journal gazette ' +
    'mirror express independent observer standard tribune chronicle broadcasting company ltd plc ' +
    'inc llc commons lords senate congress cabinet alliance coalition guard brigade regiment ' +
    'battalion fleet command directorate secretariat tribunal inquiry charity campaign movement ' +
    'institution convention forum league pact prize award awards conference summit festival ' +
    'museum library academy centre center hospital school programme initiative project'
  ).split(' ')
)

/** First words of organisation names ("Ministry of Defence", "Bank of England"). */
const ORGANISATION_STARTS = new Set(
  'ministry department bank university house office court council college institute church'.split(
    ' '
  )
)

/** Whether a lower-cased word may connect the words of a name that follows an organisation or role word. */
export const CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'the', 'on', '&'])

/** Whether a lower-cased word can be followed by "of"/"for" inside a name ("Ministry of Defence"). */
export function takesConnector(word: string): boolean {
  return (
    ORGANISATION_STARTS.has(word) ||
    ORGANISATION_HEADS.has(word) ||
    ROLE_HEADS.has(word) ||
    model.two.orgWords[word] === true
  )
}

/** Organisations every news article cites, by lower-case form, with their usual spelling. */
const KNOWN_ORGANISATIONS: Readonly<Record<string, string>> = {
  kremlin: 'Kremlin',
  nato: 'Nato',
  eu: 'EU',
  un: 'UN',
  'european union': 'European Union',
  'united nations': 'United Nations',
  'european commission': 'European Commission',
  'downing street': 'Downing Street',
  'number 10': 'Number 10',
  'white house': 'White House',
  pentagon: 'Pentagon',
  whitehall: 'Whitehall',
  'state department': 'State Department',
  'foreign office': 'Foreign Office',
  'home office': 'Home Office',
  treasury: 'Treasury',
  'bank of england': 'Bank of England',
  parliament: 'Parliament',
  congress: 'Congress',
  labour: 'Labour',
  conservatives: 'Conservatives',
  tories: 'Tories',
  'lib dems': 'Lib Dems',
  'liberal democrats': 'Liberal Democrats',
  snp: 'SNP',
  'plaid cymru': 'Plaid Cymru',
  reform: 'Reform UK',
  'reform uk': 'Reform UK',
  'sinn féin': 'Sinn Féin',
  'fianna fáil': 'Fianna Fáil',
  'fine gael': 'Fine Gael',
  dup: 'DUP',
  hamas: 'Hamas',
  hezbollah: 'Hezbollah',
  'wagner group': 'Wagner Group',
  nhs: 'NHS',
  fcdo: 'FCDO',
  imf: 'IMF',
  who: 'WHO',
  opec: 'Opec',
  ofcom: 'Ofcom',
  ofsted: 'Ofsted',
  interpol: 'Interpol',
  europol: 'Europol',
  g7: 'G7',
  g20: 'G20',
  twitter: 'Twitter',
  facebook: 'Facebook',
  google: 'Google',
  meta: 'Meta',
  telegram: 'Telegram',
  'the sunday times': 'The Sunday Times',
  'the observer': 'The Observer',
  'the mail on sunday': 'The Mail on Sunday',
  'the sun': 'The Sun',
  'the times': 'The Times',
  'the guardian': 'The Guardian',
  bbc: 'BBC',
  itv: 'ITV',
  tass: 'Tass',
  'ria novosti': 'RIA Novosti',
  interfax: 'Interfax',
  ukrinform: 'Ukrinform',
  'associated press': 'Associated Press',
  'press association': 'Press Association',
  'pa media': 'PA Media'
}

/** Acronyms and their full names, merged when an article uses both. */
export const ACRONYMS: Readonly<Record<string, string>> = {
  un: 'United Nations',
  eu: 'European Union',
  mod: 'Ministry of Defence',
  nhs: 'National Health Service',
  imf: 'International Monetary Fund',
  who: 'World Health Organization',
  nato: 'North Atlantic Treaty Organization',
  fcdo: 'Foreign, Commonwealth and Development Office'
}

/** Places the lexicon lacks or spells otherwise, by lower-case form. */
const KNOWN_PLACES: Readonly<Record<string, string>> = {
  britain: 'Britain',
  'great britain': 'Great Britain',
  uk: 'UK',
  us: 'US',
  usa: 'USA',
  kyiv: 'Kyiv',
  kiev: 'Kiev',
  kharkiv: 'Kharkiv',
  odesa: 'Odesa',
  odessa: 'Odessa',
  mariupol: 'Mariupol',
  donbas: 'Donbas',
  donbass: 'Donbass',
  donetsk: 'Donetsk',
  luhansk: 'Luhansk',
  kherson: 'Kherson',
  zaporizhzhia: 'Zaporizhzhia',
  bakhmut: 'Bakhmut',
  lviv: 'Lviv',
  dnipro: 'Dnipro',
  crimea: 'Crimea',
  belgorod: 'Belgorod',
  westminster: 'Westminster',
  gaza: 'Gaza',
  'west bank': 'West Bank',
  europe: 'Europe',
  'northern ireland': 'Northern Ireland',
  'the west': 'the West',
  brussels: 'Brussels',
  moscow: 'Moscow',
  london: 'London',
  washington: 'Washington',
  'new york': 'New York',
  edinburgh: 'Edinburgh',
  cardiff: 'Cardiff',
  belfast: 'Belfast',
  taiwan: 'Taiwan',
  beijing: 'Beijing'
}

const OUTLET_NAMES = new Map<string, string>()
for (const name of [...Object.values(OUTLET_DOMAINS), ...Object.values(KNOWN_ORGANISATIONS)]) {
  OUTLET_NAMES.set(name.toLowerCase(), name)
  OUTLET_NAMES.set(name.toLowerCase().replace(/^the /, ''), name)
}

/** The usual spelling of a well-known organisation or outlet ("the times" → "The Times"), or null. */
export function knownOrganisation(phrase: string): string | null {
  const lower = phrase.toLowerCase()
  return KNOWN_ORGANISATIONS[lower] ?? OUTLET_NAMES.get(lower) ?? null
}

/** The usual spelling of a well-known place, or null. */
export function knownPlace(phrase: string): string | null {
  const lower = phrase.toLowerCase()
  const known = KNOWN_PLACES[lower]
  if (known) return known
  return lexiconTags(lower).some((tag) => PLACE_TAGS.has(tag)) ? phrase : null
}

/** Whether compromise's lexicon or the tables call a phrase an organisation. */
export function looksLikeOrganisation(words: readonly string[]): boolean {
  const lower = words.map((word) => word.toLowerCase())
  const phrase = lower.join(' ')
  if (knownOrganisation(phrase) || lexiconTags(phrase).includes('Organization')) return true
  const last = lower.at(-1)!
  if (words.length >= 2 && (ORGANISATION_HEADS.has(last) || model.two.orgWords[last] === true)) {
    return true
  }
  return (
    words.length >= 3 &&
    ORGANISATION_STARTS.has(lower[0]!) &&
    (lower.includes('of') || lower.includes('for'))
  )
}

/** Whether a single word is the head of an organisation's name ("Federation", "Council"). */
export function isOrganisationWord(word: string): boolean {
  const lower = word.toLowerCase()
  return ORGANISATION_HEADS.has(lower) || model.two.orgWords[lower] === true
}

/** Last words that always make a place ("Moray Firth", "Mill Road"), never a surname. */
const PLACE_ENDINGS = new Set(
  (
    'firth bay street road avenue valley estuary crescent boulevard square quay wharf harbour ' +
    'island islands peninsula mountains heights gardens terrace loch glen sound straits strait'
  ).split(' ')
)

/** Last words of a place unless a first name comes first ("Swan Hill", not "Damon Hill"). */
const SURNAME_PLACE_ENDINGS = new Set(
  'hill hills heath moor dale downs fields common lake bridge cross'.split(' ')
)

/** First words of place names ("River Tay", "Mount Kenya"). */
const PLACE_STARTS = new Set(['river', 'mount', 'lake', 'loch', 'isle', 'cape'])

/** Whether the words look like a place's name by their first or last word ("Swan Hill"). */
export function looksLikePlace(words: readonly string[]): boolean {
  if (words.length < 2) return false
  const first = words[0]!.toLowerCase()
  const last = words.at(-1)!.toLowerCase()
  if (PLACE_ENDINGS.has(last) || PLACE_STARTS.has(first)) return true
  return SURNAME_PLACE_ENDINGS.has(last) && firstNameGender(words[0]!) === null
}

/**
 * Whether a word is a plural noun or an inflected verb ("Campaigners", "Cries", "Injecting"),
 * which a surname is not; `alone`: the word is the whole name, where guessing is safer.
 */
export function isCommonWord(word: string, alone: boolean): boolean {
  const lower = word.toLowerCase()
  const tags = new Set<string>(nlp(lower).json()[0]?.terms[0]?.tags ?? [])
  if (tags.has('Person') || tags.has('ProperNoun') || tags.has('LastName')) return false
  if (tags.has('PastTense') || tags.has('Gerund')) return true
  // Before a surname an unknown first name ending in "s" ("Andreas") is easily taken for a plural.
  if (!alone) return lexiconTags(lower).includes('Plural') || /(?:ers|ists|ians)$/.test(lower)
  return tags.has('Plural') || (tags.has('PresentTense') && lower.endsWith('s'))
}

/**
 * Whether the last word of a name is a plural common noun ("Virginia Democrats", "Muslim
 * Refugees"), not a surname ending in "s" ("Roberts", "Jones").
 */
export function isPluralEnding(word: string): boolean {
  const lower = word.toLowerCase()
  if (!lower.endsWith('s') || isKnownLastName(lower)) return false
  if (lexiconTags(lower).includes('Plural') || isDemonym(lower)) return true
  const singular = lexiconTags(lower.slice(0, -1))
  return singular.length > 0 && !singular.some((tag) => PROPER_TAGS.has(tag))
}

/** Acronyms of parliamentary titles written after a name's role ("Cork South-Central TD"). */
export const TITLE_ACRONYMS: ReadonlySet<string> = new Set(['td', 'mp', 'msp', 'mla', 'mep', 'ms'])

/** Titles of more than one word that name an office, not a person ("Ceann Comhairle"). */
export function isRoleTitle(words: readonly string[]): boolean {
  const lower = words.map((word) => word.toLowerCase())
  return (
    ROLE_HEADS.has(lower.at(-1)!) &&
    lower.every((word) => ROLE_HEADS.has(word) || ROLE_MODIFIERS.has(word))
  )
}

/** Whether a word is an acronym an organisation would use ("BBC", "MoD"), not a place or role. */
export function isAcronym(word: string): boolean {
  if (!/^\p{Lu}[\p{Lu}\d]{1,5}$|^\p{Lu}\p{Ll}\p{Lu}$/u.test(word)) return false
  const lower = word.toLowerCase()
  return !KNOWN_PLACES[lower] && !ROLE_HEADS.has(lower) && !STOP_WORDS.has(lower)
}

/** Whether a word is a nationality or people ("Russian", "Ukrainians"). */
export function isDemonym(word: string): boolean {
  const lower = word.toLowerCase()
  return (
    lexiconTags(lower).includes('Demonym') ||
    lexiconTags(lower.replace(/s$/, '')).includes('Demonym')
  )
}

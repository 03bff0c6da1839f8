import {
  firstNameGender,
  isKnownLastName,
  isOrdinaryWord,
  knownOrganisation,
  knownPlace,
  lexiconTags,
  looksLikeOrganisation
} from '../entity-words'
import { isCapitalised, selectTokens, type Token } from './tokens'

/** Grammatical gender a person is referred to by, when known. */
export type Gender = 'male' | 'female' | null

/** A person or organisation named in the article. */
export interface Speaker {
  name: string
  aliases: string[]
  role: string | null
  gender: Gender
  organisation: boolean
}

/** What a phrase such as "UK Foreign Secretary Liz Truss" or "she" names. */
export interface SpeakerPhrase {
  kind: 'name' | 'pronoun' | 'generic'
  /** The name as written ("Liz Truss"), the pronoun ("she") or the description ("a spokesman"). */
  text: string
  role: string | null
  gender: Gender
  organisation: boolean
  start: number
  end: number
}

const HONORIFICS = new Map<string, Gender>(
  Object.entries({
    mr: 'male',
    'mr.': 'male',
    mrs: 'female',
    'mrs.': 'female',
    ms: 'female',
    'ms.': 'female',
    miss: 'female',
    dr: null,
    'dr.': null,
    prof: null,
    'prof.': null,
    cllr: null,
    sir: 'male',
    dame: 'female',
    lord: 'male',
    lady: 'female'
  } satisfies Record<string, Gender>)
)

/** Words that describe a position rather than name a person ("Foreign Secretary", "Sen."). */
export const ROLE_WORDS = new Set(
  (
    'president vice prime minister secretary foreign home chancellor senator sen. sen rep. rep del. representative ' +
    'congressman congresswoman governor gov. gov mayor judge justice ambassador general gen. attorney speaker ' +
    'chairman chairwoman chair director spokesman spokeswoman spokesperson leader chief executive ceo cfo ' +
    'deputy former candidate nominee presidential democratic republican gop democrat state house senate ' +
    'white uk u.s. us british american national campaign manager adviser advisor aide strategist pollster ' +
    'analyst professor prof. dr. commissioner officer official press communications founder co-founder ' +
    'owner editor correspondent reporter anchor host commentator author lawyer economist chancellor mp ' +
    'mep minister. party defense defence interior justice health education treasury finance labor labour ' +
    'conservative liberal independent chairperson head member senior junior assistant associate acting ' +
    'lt. col. sgt. capt. adm. maj. rev. father pastor bishop pope king queen prince princess emperor ' +
    'crown sheriff detective inspector superintendent constable commander colonel captain lieutenant ' +
    'sergeant admiral major private first lady councillor councilman councilwoman alderman assemblyman ' +
    'skipper coach taoiseach tánaiste tanaiste premier td msp mla garda archbishop rabbi imam ' +
    'headteacher headmaster headmistress ' +
    'assemblywoman delegate trustee president-elect vice-president secretary-general gop-led republican-led ' +
    'former. incoming outgoing then-candidate then-secretary fellow rival opponent running mate ' +
    'majority minority whip leader. new york texas florida ohio california boss policy security'
  ).split(' ')
)

const ORGANISATION_WORDS = new Set(
  (
    'times post news journal herald telegraph guardian tribune globe gazette chronicle daily weekly ' +
    'magazine press agency network party committee campaign department ministry office council agency ' +
    'association foundation institute kremlin commission bureau administration government court ' +
    'university college company corporation inc. group union league federation center centre service ' +
    'services fund bank board police army navy force forces team club organization organisation ' +
    'cnn nbc abc cbs bbc msnbc fox reuters ap afp bloomberg politico breitbart npr pbs nyt wsj ' +
    'twitter facebook google microsoft apple congress senate house parliament pentagon fbi cia nsa ' +
    'gop dnc rnc un nato eu project coalition alliance caucus watch poll survey nations states' +
    ' review hill axios vox buzzfeed huffpost salon slate cosmopolitan variety'
  ).split(' ')
)

/** True for a word that makes a phrase an organisation's name ("Department", "Council"). */
export function isOrganisationWord(word: string): boolean {
  return ORGANISATION_WORDS.has(word.toLowerCase())
}

const NAME_PARTICLES = new Set([
  'de',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'la',
  'le',
  'du',
  'bin',
  'al',
  'del',
  'dos',
  'ibn'
])

const PRONOUN_GENDER = new Map<string, Gender>(
  Object.entries({
    he: 'male',
    she: 'female',
    they: null,
    we: null,
    i: null,
    it: null
  } satisfies Record<string, Gender>)
)

const MALE_NAMES = new Set(
  (
    'john james robert michael william david richard joseph thomas charles christopher daniel matthew ' +
    'anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason ' +
    'jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel ' +
    'gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas ' +
    'zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin ' +
    'arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne ' +
    'roy ralph randy eugene vincent russell elijah louis bobby philip johnny boris rishi keir nigel tony ' +
    'gordon nick jim bill bernie ted marco mike chris jeb ben rand lindsey newt rudy barack hugh liam ' +
    'oliver harry charlie alfie ian graham neil simon colin martin stuart craig darren lee dean jamie ' +
    'vladimir volodymyr emmanuel olaf angus rory callum ross hamish dominic jeremy sajid michael jared ' +
    'steve dan tom tim rick ron newt reince sean mitt barry dick al bob doug greg ken jeff josh matt ' +
    'pat phil rob sam stan will'
  ).split(' ')
)

const FEMALE_NAMES = new Set(
  (
    'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret ' +
    'sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca ' +
    'sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha ' +
    'katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie ' +
    'joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha ' +
    'jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia ' +
    'judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella ' +
    'charlotte rose alexis kayla hillary liz theresa priti nicola kemi angela ursula marine jacinda ' +
    'kamala nikki carly sarah elizabeth huma donna debbie kellyanne hope ivanka melania chelsea michelle ' +
    'condoleezza madeleine nancy dianne claire lucy sophie jane kate katie harriet yvette rachel suella ' +
    'penny andrea jo gemma holly chloe ella amelia mia ava jasmine zoe'
  ).split(' ')
)

/** Guesses gender from a first name, using a short list of common names. */
export function genderOfFirstName(word: string): Gender {
  const lower = word.toLowerCase()
  if (FEMALE_NAMES.has(lower)) return 'female'
  if (MALE_NAMES.has(lower)) return 'male'
  const known = firstNameGender(word)
  return known === 'male' || known === 'female' ? known : null
}

/**
 * Whether a word is a first name: one of the short lists, or a first name in the lexicon. The
 * lexicon's genders are not used ("Lindsey" is listed as female), only its knowing the name.
 */
export function isFirstName(word: string): boolean {
  return genderOfFirstName(word) !== null || firstNameGender(word) !== null
}

/** Nouns for one person in the words of a story ("the pensioner said", "the striker added"). */
const PERSON_NOUNS = new Set(
  (
    'pensioner teenager youngster child victim survivor owner resident neighbour neighbor ' +
    'driver teacher nurse doctor vet farmer patient passenger tenant landlord landlady player ' +
    'striker midfielder goalkeeper defender winger captain coach manager boss gaffer veteran ' +
    'star singer actor writer author campaigner activist candidate entrepreneur founder chef ' +
    'student pupil retiree volunteer shopkeeper publican councillor academic scientist ' +
    'economist historian professor lecturer surgeon paediatrician consultant witness'
  ).split(' ')
)
/** Words ending like a person's noun that name things ("the letter", "the poster"). */
const THING_NOUNS = new Set(
  'letter paper poster flyer banner newsletter computer order number cover filter sticker'.split(
    ' '
  )
)
const FEMALE_NOUN =
  /^(?:woman|mother|mum|mom|grandmother|gran|granny|wife|daughter|sister|girl|aunt|queen|granddaughter|niece|actress|widow|\p{Ll}+woman)$/u
const MALE_NOUN =
  /^(?:man|father|dad|grandad|granddad|grandfather|husband|son|brother|boy|uncle|king|grandson|nephew|widower|\p{Ll}+man)$/u

/** The gender a noun for a person implies ("grandad", "businesswoman"), or null. */
export function nounGender(noun: string): Gender {
  return FEMALE_NOUN.test(noun) ? 'female' : MALE_NOUN.test(noun) ? 'male' : null
}

/**
 * True for a lower-case noun that names one person: "grandad", "pensioner", "70-year-old",
 * "organiser", "historian"; false for things ("sign", "website", "letter") and groups.
 */
export function isPersonNoun(noun: string): boolean {
  if (nounGender(noun) || PERSON_NOUNS.has(noun) || noun.endsWith('-year-old')) return true
  return /(?:[^e]er|or|ist|ian)$/u.test(noun) && !THING_NOUNS.has(noun)
}

/** True for he, she, they and the like. */
export function isPronoun(word: string): boolean {
  return word.length <= 4 && PRONOUN_GENDER.has(word.toLowerCase())
}

/** The gender a pronoun implies. */
export function pronounGender(word: string): Gender {
  return PRONOUN_GENDER.get(word.toLowerCase()) ?? null
}

function isRoleWord(word: string): boolean {
  return ROLE_WORDS.has(word.toLowerCase())
}

function isHonorific(word: string): boolean {
  return word.length <= 5 && HONORIFICS.has(word.toLowerCase())
}

const NOT_NAMES = new Set(
  (
    'the a an this that these those it its he she they we i you his her their our my ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april ' +
    'june july august september october november december today yesterday tonight indeed ' +
    'however meanwhile but and so yet still also then now hours days minutes after before ' +
    'when while as if in on at for with from by of to speaking asked horrified partial full ' +
    'transcript according one some many most several both all every each other another'
  ).split(' ')
)

/** True when a capitalised word can be part of a name. */
function isNameWord(token: Token): boolean {
  if (!token.word || NOT_NAMES.has(token.text.toLowerCase())) return false
  return isCapitalised(token.text) || NAME_PARTICLES.has(token.text)
}

function stripPossessive(word: string): string {
  const last = word.charCodeAt(word.length - 1)
  // ' ’ s S
  if (last === 39 || last === 8217) return word.slice(0, -1)
  if (last !== 115) return word
  const mark = word.charCodeAt(word.length - 2)
  return mark === 39 || mark === 8217 ? word.slice(0, -2) : word
}

/**
 * Where "of" follows a person's name in a phrase ("Sen. Ann Ortega of New Mexico", "Meg Hart of
 * the Farmers Union"): the index of that "of", or -1. The name needs a title before it or a known
 * first name, so "Secretary of State Lee" and "Federal Bureau of Investigation" are left whole.
 */
function personBeforeOf(tokens: Token[]): number {
  const of = tokens.findIndex((t) => t.text === 'of' || t.text === 'for')
  if (of < 2 || of + 1 >= tokens.length) return -1
  const next = tokens[of + 1].text === 'the' ? tokens[of + 2] : tokens[of + 1]
  if (!next || !isCapitalised(next.text)) return -1
  let k = of
  while (
    k > 0 &&
    isNameWord(tokens[k - 1]) &&
    !isRoleWord(tokens[k - 1].text) &&
    !isHonorific(tokens[k - 1].text)
  )
    k--
  const name = tokens.slice(k, of)
  if (name.length === 0 || name.length > 3) return -1
  if (name.some((t) => ORGANISATION_WORDS.has(stripPossessive(t.text).toLowerCase()))) return -1
  const titled = k > 0 && (isHonorific(tokens[k - 1].text) || isRoleWord(tokens[k - 1].text))
  const firstName = name.length >= 2 && isFirstName(name[0].text)
  // "Ann Lee for Acme Polling": a full name before "for" and an employer after it.
  const employer = tokens[of].text === 'for' && name.length >= 2
  return titled || firstName || employer ? of : -1
}

const ORGANISATION_LINKS = new Set(['of', 'for', 'and', '&', 'the', 'on'])

/**
 * "The Department of Health and Social Care", "Institute for Fiscal Studies": the words of an
 * organisation named as a body "of" or "for" something, or null.
 */
function organisationOf(words: Token[]): Token[] | null {
  const head = words.findIndex(
    (w, i) =>
      i + 2 < words.length &&
      isCapitalised(w.text) &&
      ORGANISATION_WORDS.has(w.text.toLowerCase()) &&
      (words[i + 1].text === 'of' || words[i + 1].text === 'for')
  )
  if (head < 0) return null
  const rest = words.slice(head + 2)
  if (!isCapitalised(rest[rest.length - 1].text)) return null
  if (!rest.every((w) => isCapitalised(w.text) || ORGANISATION_LINKS.has(w.text))) return null
  let first = head
  while (
    first > 0 &&
    isCapitalised(words[first - 1].text) &&
    !isRoleWord(words[first - 1].text) &&
    !/^(?:the|a|an)$/i.test(words[first - 1].text)
  )
    first--
  return words.slice(first)
}

/**
 * Reads the speaker phrase made of `tokens` (already cut to the phrase): splits it into role and
 * name ("UK Foreign Secretary Liz Truss" → role "UK Foreign Secretary", name "Liz Truss"),
 * recognises pronouns and organisations, and keeps descriptions such as "a spokesman" as generic.
 */
export function readSpeakerPhrase(
  tokens: Token[],
  apposition: string | null
): SpeakerPhrase | null {
  const words = tokens.filter((t) => t.word || t.text === '-' || t.text === '&')
  if (words.length === 0) return null
  const ofAt = personBeforeOf(tokens)
  if (ofAt > 0) return readSpeakerPhrase(tokens.slice(0, ofAt), apposition)
  const body = organisationOf(words)
  if (body) {
    return {
      kind: 'name',
      text: body.map((w) => w.text).join(' '),
      role: apposition,
      gender: null,
      organisation: true,
      start: body[0].start,
      end: body[body.length - 1].end
    }
  }
  const first = words[0]
  const start = tokens[0].start
  const end = tokens[tokens.length - 1].end
  if (words.length === 1 && isPronoun(first.text)) {
    return {
      kind: 'pronoun',
      text: first.text.toLowerCase(),
      role: apposition,
      gender: pronounGender(first.text),
      organisation: false,
      start,
      end
    }
  }
  let k = words.length
  // "The Post’s Ann Lee": the name stops at the possessive of her employer.
  while (
    k > 0 &&
    isNameWord(words[k - 1]) &&
    !isRoleWord(words[k - 1].text) &&
    !(k < words.length && /['’]s$/u.test(words[k - 1].text))
  )
    k--
  // A particle cannot start a name.
  while (k < words.length && NAME_PARTICLES.has(words[k].text)) k++
  const nameWords = words.slice(k)
  const before = words.slice(0, k)
  const determiner = before.length > 0 && /^(the|a|an)$/i.test(before[0].text)
  const lastLower = stripPossessive(words[words.length - 1].text).toLowerCase()
  const organisation =
    ORGANISATION_WORDS.has(lastLower) ||
    (determiner && before.length === 1 && nameWords.length > 0) ||
    (nameWords.length > 0 &&
      /^[\p{Lu}&]{2,}$/u.test(nameWords[nameWords.length - 1].text) &&
      nameWords.length === 1 &&
      !/^[A-Z]\.$/.test(nameWords[0].text))
  if (nameWords.length === 0 || (organisation && determiner)) {
    const described = words.map((w) => w.text).join(' ')
    if (organisation && nameWords.length > 0) {
      const name = words
        .slice(determiner && !isCapitalised(words[0].text) ? 1 : 0)
        .map((w) => w.text)
        .join(' ')
      return {
        kind: 'name',
        text: name,
        role: apposition,
        gender: null,
        organisation: true,
        start,
        end
      }
    }
    if (organisation && ORGANISATION_WORDS.has(lastLower) && !determiner) {
      return {
        kind: 'name',
        text: described,
        role: apposition,
        gender: null,
        organisation: true,
        start,
        end
      }
    }
    return {
      kind: 'generic',
      text: described,
      role: apposition,
      gender: null,
      organisation,
      start,
      end
    }
  }
  let gender: Gender = null
  const roleWords = before.filter((w) => !/^(the|a|an)$/i.test(w.text))
  for (const w of roleWords) {
    if (isHonorific(w.text)) gender = HONORIFICS.get(w.text.toLowerCase()) ?? null
  }
  // A lone name ("Lee") is a surname: it says nothing of gender.
  if (!gender && nameWords.length > 1) gender = genderOfFirstName(nameWords[0].text)
  const roleText = roleWords
    .filter((w) => !isHonorific(w.text))
    .map((w) => w.text)
    .join(' ')
  const honorific = roleWords.find((w) => isHonorific(w.text))
  const name = nameWords.map((w) => w.text).join(' ')
  return {
    kind: 'name',
    text: honorific && nameWords.length === 1 ? `${honorific.text} ${name}` : name,
    role: roleText || apposition,
    gender,
    organisation,
    start,
    end
  }
}

/** One person in the article, with every form of their name. */
interface Person {
  name: string
  aliases: Set<string>
  role: string | null
  gender: Gender
  organisation: boolean
}

/** A place where a person is named or referred to. */
interface Mention {
  position: number
  person: Person
}

/** The people and organisations an article names, for resolving "Johnson", "Mr Johnson" and "he". */
export interface SpeakerIndex {
  people: Person[]
  byLastWord: Map<string, Person[]>
  byFirstWord: Map<string, Person[]>
  /** Names found by {@link indexNames}, in text order. */
  named: Mention[]
  /** Mentions made while attributing quotes (a cue's speaker, a resolved pronoun), in order. */
  attributed: Mention[]
}

/**
 * How far back (in characters) a pronoun or a description such as "the senator" looks for the
 * person it means; no article refers back further, and the bound keeps long pastes linear.
 */
export const MENTION_WINDOW = 20000

/** At most this many mentions are looked at, so a pronoun nobody fits costs little. */
export const MENTION_LIMIT = 150

function lastWordKey(name: string): string {
  return stripPossessive(name.slice(name.lastIndexOf(' ') + 1)).toLowerCase()
}

function bareName(name: string): string {
  return name
    .split(' ')
    .filter((w) => !isHonorific(w))
    .join(' ')
}

/** Creates an empty index. */
export function createSpeakerIndex(): SpeakerIndex {
  return { people: [], byLastWord: new Map(), byFirstWord: new Map(), named: [], attributed: [] }
}

/**
 * Records a full name ("Boris Johnson") or a short one ("Mr Johnson", "Johnson") at `position`
 * (or nowhere, for null), merging it with a person already known by the same last word, and
 * returns that person.
 */
export function addPerson(
  index: SpeakerIndex,
  phrase: { text: string; role: string | null; gender: Gender; organisation: boolean },
  position: number | null
): Person {
  const name = bareName(phrase.text)
  const key = lastWordKey(name)
  const words = name.split(' ')
  const candidates = index.byLastWord.get(key) ?? []
  const fits = (p: Person) => !phrase.gender || !p.gender || phrase.gender === p.gender
  let person = candidates.find(
    (p) =>
      (words.length === 1 || p.name.split(' ').length === 1 || p.name.split(' ')[0] === words[0]) &&
      fits(p)
  )
  // "Sir Keir" after "Sir Keir Danbury": a lone word that is no one's surname but someone's first
  // name is that person.
  if (!person && words.length === 1 && candidates.length === 0) {
    person = (index.byFirstWord.get(key) ?? []).find((p) => p.name.includes(' ') && fits(p))
  }
  if (!person) {
    person = {
      name,
      aliases: new Set(),
      role: phrase.role,
      gender: phrase.gender,
      organisation: phrase.organisation
    }
    index.people.push(person)
    candidates.push(person)
    index.byLastWord.set(key, candidates)
    const firstKey = words[0].toLowerCase()
    const byFirst = index.byFirstWord.get(firstKey) ?? []
    byFirst.push(person)
    index.byFirstWord.set(firstKey, byFirst)
  } else if (words.length > person.name.split(' ').length) {
    person.aliases.add(person.name)
    person.name = name
    const firstKey = words[0].toLowerCase()
    const byFirst = index.byFirstWord.get(firstKey) ?? []
    byFirst.push(person)
    index.byFirstWord.set(firstKey, byFirst)
  }
  if (phrase.text !== person.name) person.aliases.add(phrase.text)
  if (!person.role && phrase.role) person.role = phrase.role
  if (!person.gender && phrase.gender) person.gender = phrase.gender
  if (position !== null) mentionPerson(index, person, position)
  return person
}

/** Finds the person a name refers to: "Johnson" and "Mr Johnson" give "Boris Johnson". */
export function findPerson(
  index: SpeakerIndex,
  text: string,
  gender: Gender,
  position?: number
): Person | null {
  const name = bareName(text)
  const words = name.split(' ')
  const byLast = index.byLastWord.get(lastWordKey(name)) ?? []
  const fits = (p: Person) => !gender || !p.gender || p.gender === gender
  let best: Person | null = null
  const sharing: Person[] = []
  for (const p of byLast) {
    if (!fits(p)) continue
    // "Ó Cróinín" and "Mac Aodha" are surnames of two words: "Dónal Ó Cróinín" ends with one.
    const surname = p.name.endsWith(` ${name}`)
    if (
      words.length > 1 &&
      !surname &&
      p.name.split(' ')[0] !== words[0] &&
      p.name.split(' ').length > 1
    )
      continue
    if (p.name.includes(' ')) sharing.push(p)
    if (!best || p.name.split(' ').length > best.name.split(' ').length) best = p
  }
  // "Mrs Cowie" when Alasdair and Morag Cowie are both named: the one whose gender is known to
  // fit, else the one named last before `position`.
  if (words.length === 1 && sharing.length > 1) {
    const matching = gender ? sharing.filter((p) => p.gender === gender) : []
    if (matching.length === 1) return matching[0]
    const pool = matching.length > 1 ? matching : sharing
    if (position !== undefined) {
      let latest: Person | null = null
      visitMentionsBefore(index, position, (person) => {
        if (!pool.includes(person)) return false
        latest = person
        return true
      })
      if (latest) return latest
    }
  }
  if (best || words.length > 1) return best
  for (const p of index.byFirstWord.get(words[0].toLowerCase()) ?? []) {
    if (fits(p) && p.name.split(' ').length > 1) return p
  }
  return null
}

/**
 * Calls `visit` for each mention before `position`, nearest first, going back no further than
 * {@link MENTION_WINDOW} characters or {@link MENTION_LIMIT} mentions; stops when `visit` returns
 * true.
 */
export function visitMentionsBefore(
  index: SpeakerIndex,
  position: number,
  visit: (person: Person, distance: number) => boolean
): void {
  const lists = [index.named, index.attributed]
  const cursors = lists.map((list) => lastIndexBefore(list, position))
  for (let seen = 0; seen < MENTION_LIMIT; seen++) {
    let pick = -1
    for (let l = 0; l < lists.length; l++) {
      const k = cursors[l]
      if (k >= 0 && (pick < 0 || lists[l][k].position > lists[pick][cursors[pick]].position)) {
        pick = l
      }
    }
    if (pick < 0) return
    const mention = lists[pick][cursors[pick]]
    cursors[pick]--
    const distance = position - mention.position
    if (distance > MENTION_WINDOW) return
    if (visit(mention.person, distance)) return
  }
}

/** The index of the last mention in `list` (ascending) before `position`, or -1. */
function lastIndexBefore(list: Mention[], position: number): number {
  let low = 0
  let high = list.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (list[middle].position < position) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  return found
}

/** How near (in characters) the last person named must be to be meant whatever their gender. */
const NEAREST_REACH = 300

/** True for a person with a full name that reads as a person's ("Aled Pugh", not "New Hampshire"). */
function isPersonLike(person: Person): boolean {
  const words = person.name.split(' ')
  if (words.length < 2 || person.organisation) return false
  return isFirstName(words[0]) || looksLikePersonName(words)
}

/**
 * Resolves "he", "she" or "they" at `position` to the nearest earlier person whose gender fits,
 * preferring people whose gender is known to fit over people whose gender is unknown.
 */
export function resolvePronoun(
  index: SpeakerIndex,
  gender: Gender,
  plural: boolean,
  position: number
): Person | null {
  let best: Person | null = null
  let bestScore = Infinity
  let nearest = true
  visitMentionsBefore(index, position, (person, distance) => {
    // Every mention further back scores at least its distance.
    if (distance >= bestScore) return true
    const first = nearest
    nearest = false
    if (plural !== person.organisation) return false
    if (gender && person.gender && person.gender !== gender) return false
    // The person named last, close by, is meant even when no list knows their gender.
    const known =
      (gender && person.gender === gender) ||
      (first && distance < NEAREST_REACH && isPersonLike(person))
    const score = known ? distance : distance * 3 + 200
    if (score < bestScore) {
      bestScore = score
      best = person
    }
    return false
  })
  return best
}

/** Resolves a description such as "the senator" to the latest person whose role contains it. */
export function resolveDescription(
  index: SpeakerIndex,
  noun: string,
  position: number
): Person | null {
  let found: Person | null = null
  const head = noun.split(' ').pop() ?? noun
  visitMentionsBefore(index, position, (person) => {
    if (!person.role || !person.role.toLowerCase().includes(noun)) return false
    // "the book" is not "the author of the book": the noun must name the role, not what it is of.
    const roleHead = person.role.toLowerCase().split(/\s(?:of|at|for|in|from|with|on)\s/u)[0]
    if (!roleHead.split(/[\s,]+/u).includes(head)) return false
    found = person
    return true
  })
  return found
}

/** Records that `person` is mentioned at `position` while quotes are being attributed. */
export function mentionPerson(index: SpeakerIndex, person: Person, position: number): void {
  const list = index.attributed
  let k = list.length
  // Attribution moves forward through the text, so the new mention belongs near the end.
  while (k > 0 && list[k - 1].position > position) k--
  if (k > 0 && list[k - 1].position === position && list[k - 1].person === person) return
  if (k === list.length) list.push({ position, person })
  else list.splice(k, 0, { position, person })
}

/** The person a run of capitalised words names, and where in the run the name starts. */
function nameInRun(run: Token[]): {
  offset: number
  phrase: { text: string; role: string | null; gender: Gender; organisation: boolean }
} | null {
  // The name starts at a known first name, or right after an honorific or a title.
  let k = 0
  while (k < run.length - 1 && !isFirstName(run[k].text)) {
    if (isHonorific(run[k].text) || isRoleWord(run[k].text)) {
      let m = k
      while (m < run.length - 1 && (isHonorific(run[m].text) || isRoleWord(run[m].text))) m++
      if (m > k) {
        k = m
        break
      }
    }
    k++
  }
  const titled = k > 0 && (isHonorific(run[k - 1].text) || isRoleWord(run[k - 1].text))
  const gender = genderOfFirstName(run[k].text)
  if (!isFirstName(run[k].text) && !titled) return null
  let end = k
  while (end < run.length && end - k < 4 && !isRoleWord(run[end].text)) end++
  let name = run.slice(k, end).filter((t) => t.word)
  // "The Harbour Ledger’s Tomas Quell": the name starts after its employer's possessive.
  const owner = name.findLastIndex((t, i) => i < name.length - 1 && /['’]s$/u.test(t.text))
  if (owner >= 0) {
    k = run.indexOf(name[owner + 1])
    name = name.slice(owner + 1)
  }
  if (name.length === 0 || (name.length === 1 && !titled)) return null
  if (ORGANISATION_WORDS.has(stripPossessive(name[name.length - 1].text).toLowerCase())) return null
  const roleWords = run.slice(0, k).filter((t) => isRoleWord(t.text) || isHonorific(t.text))
  const honorific = roleWords.find((t) => isHonorific(t.text))
  const role = roleWords
    .filter((t) => !isHonorific(t.text))
    .map((t) => t.text)
    .join(' ')
  const nameText = name.map((t) => stripPossessive(t.text)).join(' ')
  return {
    offset: k,
    phrase: {
      text: honorific && name.length === 1 ? `${honorific.text} ${nameText}` : nameText,
      role: role || null,
      gender: honorific ? (HONORIFICS.get(honorific.text.toLowerCase()) ?? gender) : gender,
      organisation: false
    }
  }
}

/**
 * "Rakeyia Scott" after "Keith Lamont Scott": two or three capitalised words ending in the surname of
 * someone already named are a person too (a relative), even when the first name is one no list knows.
 */
function relativeInRun(index: SpeakerIndex, run: Token[]): ReturnType<typeof nameInRun> {
  const words = run.filter((t) => t.word)
  if (words.length < 2 || words.length > 3 || words.length !== run.length) return null
  if (words.some((t) => isRoleWord(t.text) || isHonorific(t.text) || /['’]s$/u.test(t.text)))
    return null
  if (!words.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text))) return null
  // "What Sanders wants": a word opening the sentence is no first name.
  if (isOrdinaryWord(words[0].text) && !isFirstName(words[0].text)) return null
  const relatives = index.byLastWord.get(words[words.length - 1].text.toLowerCase())
  if (!relatives || !relatives.some((p) => !p.organisation && p.name.includes(' '))) return null
  if (relatives.some((p) => p.name.split(' ')[0] === words[0].text)) return null
  return {
    offset: 0,
    phrase: {
      text: words.map((t) => t.text).join(' '),
      role: null,
      gender: null,
      organisation: false
    }
  }
}

/**
 * "her husband Craig, 36," and "Mr Cowie's grandson, Ewan,": a relative named by first name
 * alone, with the gender the kinship word gives.
 */
function relativeByFirstName(
  text: string,
  token: Token
): { text: string; role: null; gender: Gender; organisation: false } | null {
  // Cheapest test first, without a regular expression: this runs for every lone capitalised word.
  let k = token.start - 1
  while (k >= 0 && text.charCodeAt(k) === 32) k--
  if (text.charCodeAt(k) === 44) k--
  const end = k + 1
  while (k >= 0 && text.charCodeAt(k) >= 97 && text.charCodeAt(k) <= 122) k--
  if (end - k < 4 || !KIN.has(text.slice(k + 1, end))) return null
  if (!/^\p{Lu}\p{Ll}+$/u.test(token.text) || !isFirstName(token.text)) return null
  const kin = kinBefore(text, token.start)
  if (!kin) return null
  const gender = nounGender(kin) ?? genderOfFirstName(token.text)
  const before = text.slice(Math.max(0, token.start - 80), token.start)
  // "Gemma Whitlow, 34, and her husband Craig" and "Mr Cowie's grandson, Ewan": the family name.
  const family =
    /\p{Lu}\p{Ll}+ (\p{Lu}[\p{L}’'-]+)(?:, \d{1,3},)? and (?:his|her) \p{Ll}+,? $/u.exec(before) ??
    /\b(?:Mr|Mrs|Ms|Miss|Dr)\.? (\p{Lu}[\p{L}-]+)['’]s? \p{Ll}+,? $/u.exec(before)
  const name = family ? `${token.text} ${family[1]}` : token.text
  return { text: name, role: null, gender, organisation: false }
}

/**
 * The role an apposition gives a person named from `start` to `end`: "The chancellor, Dan Reid,"
 * and "Ruth Abernethy, an entomologist at Charles Sturt University," give "chancellor" and
 * "entomologist at Charles Sturt University".
 */
function roleAround(text: string, start: number, end: number): string | null {
  const before =
    /(?:^|[.!?\n]\s*)(?:The|the)\s+((?:[\p{L}’'-]+\s+){0,3}\p{Ll}[\p{L}’'-]*),\s*$/u.exec(
      text.slice(Math.max(0, start - 60), start)
    )
  if (before) return before[1]
  const after = /^,\s*(?:the|a|an)\s+(\p{Ll}[^,.;:\n“”"‘’]{2,70}?),/u.exec(
    text.slice(end, end + 90)
  )
  return after ? after[1] : null
}

/** What follows a person's full name: an apposition ("…, a lorry driver,", "…, 34,", "…, who"). */
const PERSON_FOLLOWER = /^,\s*(?:a|an|who|whose|aged|\d{1,3},)\s/u

/** Relatives named after a possessive ("his wife, Morag Cowie"); {@link nounGender} gives their gender. */
const KIN = new Set(
  (
    'wife husband son daughter brother sister mother father widow widower partner grandson ' +
    'granddaughter nephew niece uncle aunt cousin'
  ).split(' ')
)

const KIN_BEFORE =
  /(?:\b(?:his|her|their|my|our)|\p{Lu}\p{L}+['’]s?)\s+(?:\p{Ll}+\s+)?(\p{Ll}+)\s*,?\s*$/u

/** The kinship word just before `start` after a possessive ("her husband", "Mr Lee's son,"), or null. */
function kinBefore(text: string, start: number): string | null {
  const kin = KIN_BEFORE.exec(text.slice(Math.max(0, start - 40), start))
  return kin && KIN.has(kin[1]) ? kin[1] : null
}

const NOT_PERSON_TAGS = new Set(['Place', 'Country', 'City', 'Region', 'Organization', 'Month'])

/** Last words of places, bodies and things that look like names ("Pinellas County", "Lake Erie"). */
const THING_WORDS = new Set(
  (
    'county institution amendment shoal lake street village tower heights dialogue studios front ' +
    'sentinel gym voters advisers decisions world river mount bay hill firth valley road avenue'
  ).split(' ')
)

/**
 * Whether words no list knows as a first name still look like a person's name: no place or
 * organisation the lexicon knows, no ordinary word first ("Well Anderson") and none last unless
 * it is a known surname ("Rust Belt" no, "Ann Slaughter" yes).
 */
function looksLikePersonName(words: string[]): boolean {
  const phrase = words.join(' ')
  if (knownPlace(phrase) || knownOrganisation(phrase) || looksLikeOrganisation(words)) return false
  if (words.some((w) => lexiconTags(w.toLowerCase()).some((tag) => NOT_PERSON_TAGS.has(tag))))
    return false
  const last = words[words.length - 1]
  if (words.some((w) => THING_WORDS.has(w.toLowerCase()))) return false
  if (isOrdinaryWord(words[0])) return false
  return !isOrdinaryWord(last) || isKnownLastName(last)
}

/**
 * "Nadia Price said" and "Nadia Price, a consumer expert,": two or three capitalised words followed
 * by a speech verb or an apposition name a person, even when no list knows the first name.
 */
function personInContext(
  text: string,
  run: Token[],
  isSpeechVerb: (word: string) => boolean
): ReturnType<typeof nameInRun> {
  const words = run.filter((t) => t.word)
  if (words.length < 2 || words.length > 3 || words.length !== run.length) return null
  if (!words.every((t) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(t.text))) return null
  if (words.some((t) => isRoleWord(t.text) || isHonorific(t.text))) return null
  if (ORGANISATION_WORDS.has(words[words.length - 1].text.toLowerCase())) return null
  if (!looksLikePersonName(words.map((t) => t.text))) return null
  const after = text.slice(run[run.length - 1].end, run[run.length - 1].end + 24)
  const verb = /^,?\s(\p{Ll}+)/u.exec(after)
  const kin = kinBefore(text, run[0].start)
  if (!kin && !PERSON_FOLLOWER.test(after) && !(verb && isSpeechVerb(verb[1]))) return null
  return {
    offset: 0,
    phrase: {
      text: words.map((t) => t.text).join(' '),
      role: null,
      gender: (kin ? nounGender(kin) : null) ?? genderOfFirstName(words[0].text),
      organisation: false
    }
  }
}

/**
 * Scans the whole text for person names introduced with a first name, honorific or title
 * ("Boris Johnson", "Mr Johnson", "Sen. Ted Cruz") and records them in the index.
 */
export function indexNames(
  text: string,
  index: SpeakerIndex,
  quoted: (position: number) => boolean,
  isSpeechVerb: (word: string) => boolean = () => false
): void {
  // Only capitalised words, name particles and hyphens can make up a name.
  const tokens = selectTokens(text, (start, end, word) =>
    word
      ? isCapitalised(text[start]) ||
        (end - start <= 3 && NAME_PARTICLES.has(text.slice(start, end)))
      : text[start] === '-'
  )
  const adjacent = (j: number) => j > 0 && tokens[j].ordinal === tokens[j - 1].ordinal + 1
  const mentions: Mention[] = []
  const seen = new Map<string, { offset: number; person: Person } | null>()
  let i = 0
  while (i < tokens.length) {
    const token = tokens[i]
    if (!token.word || !isCapitalised(token.text)) {
      i++
      continue
    }
    let j = i
    while (
      j < tokens.length &&
      (j === i || adjacent(j)) &&
      (isNameWord(tokens[j]) || tokens[j].text === '-') &&
      j - i < 10
    ) {
      if (
        tokens[j].text === '-' &&
        !(j + 1 < tokens.length && adjacent(j + 1) && isCapitalised(tokens[j + 1].text))
      )
        break
      if (j > i && hasBreak(text, tokens[j - 1].end, tokens[j].start)) break
      j++
    }
    if (j - i < 2) {
      const single = j === i + 1 ? relativeByFirstName(text, token) : null
      if (single && !quoted(token.start)) {
        const person = addPerson(index, single, null)
        mentions.push({ position: token.start, person })
      }
      i++
      continue
    }
    const run = tokens.slice(i, j)
    i = j
    // Articles repeat names: each distinct run is read once.
    const key = run.map((t) => t.text).join(' ')
    let found = seen.get(key)
    if (found === undefined) {
      const named =
        nameInRun(run) ?? relativeInRun(index, run) ?? personInContext(text, run, isSpeechVerb)
      found = named ? { offset: named.offset, person: addPerson(index, named.phrase, null) } : null
      seen.set(key, found)
    }
    if (found && !quoted(run[found.offset].start)) {
      mentions.push({ position: run[found.offset].start, person: found.person })
      if (!found.person.role && !found.person.organisation) {
        found.person.role = roleAround(text, run[found.offset].start, run[run.length - 1].end)
      }
    }
  }
  for (const token of tokens) {
    if (!token.word || !isCapitalised(token.text) || quoted(token.start)) continue
    const people = index.byLastWord.get(lastWordKey(token.text))
    if (people && people.length === 1) mentions.push({ position: token.start, person: people[0] })
  }
  mentions.sort((a, b) => a.position - b.position)
  index.named = mentions
}

function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true
  return false
}

/** The public view of a person in the index. */
export function describePerson(person: Person): Speaker {
  return {
    name: person.name,
    aliases: [...person.aliases].filter((a) => a !== person.name),
    role: person.role,
    gender: person.gender,
    organisation: person.organisation
  }
}

export type { Person }

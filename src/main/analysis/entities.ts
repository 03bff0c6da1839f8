import type {
  OrganisationProposalSchema,
  PersonProposalSchema,
  PlaceProposalSchema
} from '@shared/model'
import type { z } from 'zod'
import {
  ACRONYMS,
  AMBIGUOUS_MONTHS,
  CONNECTORS,
  NAME_HONORIFICS,
  PLAIN_HONORIFICS,
  ROLE_HEADS,
  ROLE_MODIFIERS,
  STOP_WORDS,
  firstNameGender,
  isAcronym,
  isDemonym,
  isKnownLastName,
  isOrdinaryWord,
  isOrganisationWord,
  isCommonWord,
  isPluralEnding,
  TITLE_ACRONYMS,
  isRoleTitle,
  knownOrganisation,
  knownPlace,
  lexiconTags,
  looksLikeOrganisation,
  looksLikePlace,
  takesConnector
} from './entity-words'
import type { Gender } from './quotes/speakers'
import { isCapitalised } from './quotes/tokens'

/** A person another stage already identified (the quotes stage's speakers). */
export interface KnownPerson {
  name: string
  aliases: string[]
  role: string | null
}

/** The people, organisations and places an article cites, in order of first mention. */
export interface Entities {
  people: z.infer<typeof PersonProposalSchema>[]
  organisations: z.infer<typeof OrganisationProposalSchema>[]
  places: z.infer<typeof PlaceProposalSchema>[]
}

interface Token {
  text: string
  start: number
  end: number
}

interface Word extends Token {
  lower: string
}

interface Part {
  words: Word[]
  /** Index in the token list of the part's first and last word. */
  first: number
  last: number
  sentenceInitial: boolean
  weak: boolean
}

interface PersonMention {
  kind: 'person'
  nameWords: string[]
  form: string
  role: string | null
  start: number
  gender: Gender
  evidence: boolean
  weak: boolean
  /** The honorific written before the name ("mr", "sir"), lower-cased. */
  honorific: string | null
  /** One word after "in", "at", "near", "from", "of": a place unless a person has that name. */
  placeContext: boolean
}

interface NamedMention {
  kind: 'organisation' | 'place'
  name: string
  form: string
  start: number
  certain: boolean
  weak: boolean
  alias: string | null
  /** Index of the last token of the part the mention came from. */
  lastToken: number
}

type Mention = PersonMention | NamedMention

const TOKEN_PATTERN =
  /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[’'.-][\p{L}\p{M}\p{N}]+)*|\n|[^\s\p{L}\p{N}]/gu
const POSSESSIVE = /[’']s$/
const SENTENCE_END = new Set([
  '.',
  '!',
  '?',
  '\n',
  ':',
  ';',
  '“',
  '‘',
  '"',
  "'",
  '(',
  '—',
  '–',
  '•',
  '«',
  '„'
])
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'gen',
  'lt',
  'col',
  'sgt',
  'prof',
  'no',
  'rev',
  'capt',
  'maj',
  'adm',
  'gov',
  'sen',
  'rep'
])
const ALWAYS_STOP = new Set(['gmt', 'bst', 'utc', 'am', 'pm', 'tv', 'ok', 'i', 'a'])
const SPEECH_VERBS = new Set(
  (
    'said says say told tells added adds asked asks explained explains warned warns insisted ' +
    'insists claimed claims stated states declared declares replied replies wrote writes urged ' +
    'urges argued argues admitted admits announced announces confirmed confirms noted notes ' +
    'suggested suggests revealed reveals tweeted posted continued'
  ).split(' ')
)
const MALE_HONORIFICS = new Set(['mr', 'sir', 'lord', 'baron'])
const FEMALE_HONORIFICS = new Set(['mrs', 'ms', 'miss', 'dame', 'lady', 'baroness'])
/** Honorifics before a first name: "Sir Keir" is Sir Keir Danbury; "Lord Patel" is a surname. */
const FIRST_NAME_HONORIFICS = new Set(['sir', 'dame'])
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'of'])
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your'])
/** Words before "the minister, X," that make it no role of X's ("unlike the minister, X,"). */
const NOT_BEFORE_APPOSITION = new Set('like unlike than besides except as'.split(' '))
/** Verbs that, after "who", state a role: "Miriam Catto, who chairs the committee,". */
const ROLE_VERBS = new Set(
  (
    'chairs chaired leads led heads headed runs ran founded co-founded owns owned manages ' +
    'managed directs directed edits edited represents represented'
  ).split(' ')
)
/** Nouns naming a relation that an apposition gives as a role ("His wife, Morag Cowie,"). */
const RELATION_WORDS = new Set(
  (
    'wife husband son daughter father mother brother sister partner neighbour neighbor friend ' +
    'colleague grandson granddaughter grandfather grandmother widow widower fiancé fiancée ' +
    'cousin nephew niece uncle aunt boss owner organiser organizer'
  ).split(' ')
)
/** Titles used alone to address an office-holder ("Mr Speaker"), never a surname. */
const ADDRESS_TITLES = new Set(
  (
    'speaker president chairman chairwoman chair deputy minister secretary taoiseach tánaiste ' +
    'premier governor commissioner comhairle'
  ).split(' ')
)
/** Lower-case particles inside surnames ("Ursula von der Leyen"). */
const NAME_PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'da',
  'di',
  'du',
  'la',
  'le',
  'bin',
  'al',
  'ibn'
])
/** Roles whose words after "for" name a constituency: "MP for Haltwhistle". */
const CONSTITUENCY_ROLES = new Set(['mp', 'member', 'td', 'msp', 'mla', 'mep'])
const FINITE_VERB_TAGS = ['PastTense', 'PresentTense', 'Modal', 'Copula', 'Auxiliary']
const TITLE_CASE_SHARE = 0.6

function tokenise(body: string): Token[] {
  const tokens: Token[] = []
  for (const match of body.matchAll(TOKEN_PATTERN)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length })
  }
  return tokens
}

function isWord(token: Token | undefined): token is Token {
  return token !== undefined && /^[\p{L}\p{N}]/u.test(token.text)
}

function isCapitalisedWord(token: Token | undefined): token is Token {
  return isWord(token) && isCapitalised(token.text)
}

function isAllCaps(text: string): boolean {
  return text.length >= 2 && text === text.toUpperCase() && /\p{Lu}/u.test(text)
}

function isStop(word: Word, previous: Word | undefined): boolean {
  if (ALWAYS_STOP.has(word.lower)) return true
  if (isAllCaps(word.text)) return false
  if (AMBIGUOUS_MONTHS.has(word.lower)) {
    return !previous || firstNameGender(previous.text) === null
  }
  return STOP_WORDS.has(word.lower)
}

function startsSentence(tokens: Token[], index: number): boolean {
  const previous = tokens[index - 1]
  if (!previous) return true
  if (!SENTENCE_END.has(previous.text)) return false
  if (previous.text === '.') {
    const before = tokens[index - 2]
    return !(before && ABBREVIATIONS.has(before.text.toLowerCase()))
  }
  return true
}

/** Lines written in title case (headlines), where capitals say nothing about names. */
function titleCaseLines(body: string): [number, number][] {
  const ranges: [number, number][] = []
  for (const match of body.matchAll(/[^\n]+/g)) {
    // A sentence ends with punctuation; a headline or label usually does not.
    if (/[.!?:;’”'"]\s*$/.test(match[0]) || match[0].length > 200) continue
    const words = match[0].match(/\p{L}[\p{L}’'-]*/gu) ?? []
    const long = words.filter((word) => word.length > 3)
    if (long.length < 4) continue
    const capitalised = long.filter((word) => isCapitalised(word)).length
    if (capitalised / long.length >= TITLE_CASE_SHARE) {
      ranges.push([match.index, match.index + match[0].length])
    }
  }
  return ranges
}

function texts(words: readonly Word[]): string[] {
  return words.map((word) => word.text)
}

function toWord(token: Token): Word {
  const text = token.text.replace(POSSESSIVE, '')
  return { text, start: token.start, end: token.start + text.length, lower: text.toLowerCase() }
}

/** Runs of capitalised words ("Boris Johnson", "Ministry of Defence"), split at stop words. */
function findParts(body: string, tokens: Token[]): Part[] {
  const weakRanges = titleCaseLines(body)
  let rangeIndex = 0
  // Parts come in text order, so one pointer walks the ranges once.
  const isWeak = (offset: number) => {
    while (rangeIndex < weakRanges.length && weakRanges[rangeIndex]![1] <= offset) rangeIndex++
    const range = weakRanges[rangeIndex]
    return range !== undefined && offset >= range[0]
  }
  const parts: Part[] = []
  let index = 0
  while (index < tokens.length) {
    const token = tokens[index]!
    if (!isCapitalisedWord(token)) {
      index++
      continue
    }
    const run: { word: Word; index: number }[] = [{ word: toWord(token), index }]
    let next = index + 1
    let ended = POSSESSIVE.test(token.text)
    while (!ended && next < tokens.length) {
      const candidate = tokens[next]!
      const previousWord = run.at(-1)!.word
      if (isCapitalisedWord(candidate) && candidate.start - tokens[next - 1]!.end <= 1) {
        run.push({ word: toWord(candidate), index: next })
        ended = POSSESSIVE.test(candidate.text)
        next++
        continue
      }
      const lower = candidate.text.toLowerCase()
      const following = tokens[next + 1]
      if (
        CONNECTORS.has(lower) &&
        takesConnector(previousWord.lower) &&
        isCapitalisedWord(following) &&
        (lower !== 'the' || previousWord.lower === 'of' || previousWord.lower === 'for')
      ) {
        run.push({ word: toWord(candidate), index: next })
        next++
        continue
      }
      if (
        candidate.text === '.' &&
        ABBREVIATIONS.has(previousWord.lower) &&
        isCapitalisedWord(following)
      ) {
        next++
        continue
      }
      if (
        (lower === 'of' || lower === 'for') &&
        tokens[next + 1]?.text.toLowerCase() === 'the' &&
        takesConnector(previousWord.lower) &&
        isCapitalisedWord(tokens[next + 2])
      ) {
        run.push({ word: toWord(candidate), index: next })
        run.push({ word: toWord(tokens[next + 1]!), index: next + 1 })
        next += 2
        continue
      }
      break
    }
    // Split at stop words and drop connectors left at either edge.
    let current: { word: Word; index: number }[] = []
    const flush = () => {
      while (current.length && !isCapitalised(current[0]!.word.text)) current.shift()
      while (current.length && !isCapitalised(current.at(-1)!.word.text)) current.pop()
      if (current.length) {
        const first = current[0]!.index
        parts.push({
          words: current.map((item) => item.word),
          first,
          last: current.at(-1)!.index,
          sentenceInitial: startsSentence(tokens, first),
          weak: isWeak(current[0]!.word.start)
        })
      }
      current = []
    }
    for (const item of run) {
      const leadingThe = item === run[0] && item.word.lower === 'the'
      const connector = !isCapitalised(item.word.text)
      if (!leadingThe && !connector && isStop(item.word, current.at(-1)?.word)) flush()
      else current.push(item)
    }
    flush()
    index = next
  }
  return parts
}

function speechNearby(tokens: Token[], first: number, last: number): boolean {
  const after = tokens[last + 1]?.text === ',' ? tokens[last + 2] : tokens[last + 1]
  if (after && SPEECH_VERBS.has(after.text.toLowerCase())) return true
  const before = tokens[first - 1]
  if (before && SPEECH_VERBS.has(before.text.toLowerCase())) return true
  return (
    tokens[first - 1]?.text.toLowerCase() === 'to' &&
    tokens[first - 2]?.text.toLowerCase() === 'according'
  )
}

function isFiniteVerb(token: Token): boolean {
  if (!/^\p{Ll}/u.test(token.text)) return false
  const tags = lexiconTags(token.text.toLowerCase())
  return FINITE_VERB_TAGS.some((tag) => tags.includes(tag))
}

/**
 * A role written after the name between commas: "Jens Stoltenberg, Nato’s secretary general,",
 * "Ruth Abernethy, an entomologist at Sturt University,", "Miriam Catto, who chairs the board,".
 * An age ("Brian Ellery, 72,") and an affiliation ("of the University of Leeds,") are read past.
 */
function appositiveRole(body: string, tokens: Token[], first: number, last: number): string | null {
  if (tokens[last + 1]?.text !== ',') return null
  const sentenceMayEnd = SPEECH_VERBS.has(tokens[first - 1]?.text.toLowerCase() ?? '')
  let from = last + 2
  if (/^\d+$/.test(tokens[from]?.text ?? '') && tokens[from + 1]?.text === ',') from += 2
  for (let affiliations = 0; affiliations < 2; affiliations++) {
    let to = from
    while (to < tokens.length && to - from < 12) {
      const text = tokens[to]!.text
      if (text === ',' || text === '.' || text === '\n' || text === ';' || /^[“”"‘(]$/.test(text))
        break
      if (SPEECH_VERBS.has(text.toLowerCase())) return null
      to++
    }
    const end = tokens[to]?.text
    if (to === from || !(end === ',' || (end === '.' && sentenceMayEnd))) return null
    const words = tokens.slice(from, to)
    const lower = words.map((token) => token.text.toLowerCase())
    if ((lower[0] === 'of' || lower[0] === 'from') && end === ',') {
      from = to + 1
      continue
    }
    let roleWords: Token[] | null = null
    if (lower[0] === 'who') {
      if (words.length > 2 && ROLE_VERBS.has(lower[1]!)) roleWords = words.slice(1)
    } else if (lower.includes('who') || lower.includes('whose')) {
      return null
    } else if (lower.some((word) => ROLE_HEADS.has(word))) {
      if (words.slice(1).some(isFiniteVerb)) return null
      roleWords = words
    } else if (
      (lower[0] === 'a' || lower[0] === 'an' || lower[0] === 'the') &&
      words.length > 1 &&
      !words.slice(2).some(isFiniteVerb)
    ) {
      roleWords = words
    }
    if (!roleWords) return null
    const role = body
      .slice(roleWords[0]!.start, roleWords.at(-1)!.end)
      .replace(/^(?:the|a|an)\s+/i, '')
    return role || null
  }
  return null
}

/**
 * A role written before the name and set off by commas: "the health minister, Rachel Oduya,",
 * "The Conservative MP for Wealdhurst, Simon Pryor-Grant,", "Mr Cowie's grandson, Ewan,".
 */
function leadingAppositiveRole(
  body: string,
  tokens: Token[],
  first: number,
  last: number
): string | null {
  if (tokens[first - 1]?.text !== ',' || tokens[last + 1]?.text !== ',') return null
  let index = first - 2
  let start = -1
  let stopped = false
  while (index >= 0 && first - 1 - index <= 12) {
    const token = tokens[index]!
    if (!isWord(token)) {
      stopped = true
      break
    }
    start = index
    const lower = token.text.toLowerCase()
    if (DETERMINERS.has(lower)) {
      const before = tokens[index - 1]
      if (isWord(before) && NOT_BEFORE_APPOSITION.has(before.text.toLowerCase())) return null
      stopped = true
      break
    }
    if (POSSESSIVE.test(token.text) && isCapitalised(token.text)) {
      // The owner's whole name: "Mr O'Keeffe's neighbour".
      while (isCapitalisedWord(tokens[start - 1]) && !startsSentence(tokens, start)) start--
      stopped = true
      break
    }
    index--
  }
  if (index < 0) stopped = true
  if (!stopped || start < 0) return null
  const words = tokens.slice(start, first - 1)
  const lower = words.map((token) => token.text.toLowerCase().replace(POSSESSIVE, ''))
  const roleWord = (word: string, position: number) =>
    ROLE_HEADS.has(word) ||
    RELATION_WORDS.has(word) ||
    (TITLE_ACRONYMS.has(word) && isAllCaps(words[position]!.text))
  if (!lower.some(roleWord)) return null
  if (words.some(isFiniteVerb)) return null
  const role = body
    .slice(words[0]!.start, words.at(-1)!.end)
    .replace(/^(?:the|a|an|as|its|his|her|their|our|my|your)\s+/i, '')
  return role || null
}

/** A role written before the name: "Kremlin spokesman Dmitry Peskov", "Ukraine’s President". */
function precedingRole(tokens: Token[], first: number, needsHead: boolean): number | null {
  let index = first - 1
  let earliest: number | null = null
  let sawHead = !needsHead
  while (index >= 0 && first - index <= 5) {
    const token = tokens[index]!
    if (!isWord(token)) break
    const lower = token.text.toLowerCase()
    const capitalised = isCapitalised(token.text)
    if (index === first - 1 && needsHead && !ROLE_HEADS.has(lower)) return null
    if (ROLE_HEADS.has(lower)) sawHead = true
    else if (!(ROLE_MODIFIERS.has(lower) || (capitalised && !STOP_WORDS.has(lower)))) break
    if (capitalised && startsSentence(tokens, index) && isOrdinaryWord(token.text)) break
    earliest = index
    if (POSSESSIVE.test(token.text) && capitalised) break
    index--
  }
  return sawHead ? earliest : null
}

function personGender(honorific: string | null, firstName: string | undefined): Gender {
  if (honorific && MALE_HONORIFICS.has(honorific)) return 'male'
  if (honorific && FEMALE_HONORIFICS.has(honorific)) return 'female'
  const gender = firstName ? firstNameGender(firstName) : null
  return gender === 'male' || gender === 'female' ? gender : null
}

type NamedMaker = (
  kind: 'organisation' | 'place',
  name: string,
  list: Word[],
  certain: boolean
) => NamedMention

/** Places and organisations inside a role: "UK" and "Bank of England" in their roles. */
function entitiesInRole(roleWords: Word[], named: NamedMaker): NamedMention[] {
  let end = roleWords.length
  while (
    end > 0 &&
    (ROLE_HEADS.has(roleWords[end - 1]!.lower) || ROLE_MODIFIERS.has(roleWords[end - 1]!.lower))
  ) {
    end--
  }
  const prefix = roleWords.slice(0, end)
  if (prefix.length === 0) return []
  const phrase = prefix.map((word) => word.text).join(' ')
  const place = knownPlace(phrase)
  if (place) return [named('place', place, prefix, true)]
  const organisation = knownOrganisation(phrase)
  if (organisation) return [named('organisation', organisation, prefix, true)]
  if (prefix.length > 1 && looksLikeOrganisation(prefix.map((word) => word.text))) {
    return [named('organisation', phrase, prefix, false)]
  }
  return prefix.flatMap((word) => {
    const single = knownPlace(word.text) ?? null
    if (single) return [named('place', single, [word], true)]
    const company = knownOrganisation(word.text)
    return company ? [named('organisation', company, [word], true)] : []
  })
}

/** True for the name right after "MP for", "the member for": a constituency, a place. */
function isConstituency(tokens: Token[], first: number): boolean {
  return (
    tokens[first - 1]?.text.toLowerCase() === 'for' &&
    CONSTITUENCY_ROLES.has(tokens[first - 2]?.text.toLowerCase() ?? '')
  )
}

/**
 * True for the name right after "a shipping analyst at", "professor of economics at", "director
 * with": the place someone works, an organisation, not a person.
 */
function isEmployer(tokens: Token[], first: number): boolean {
  const preposition = tokens[first - 1]?.text.toLowerCase()
  if (preposition !== 'at' && preposition !== 'with' && preposition !== 'for') return false
  for (let index = first - 2; index >= 0 && first - index <= 5; index--) {
    const lower = tokens[index]!.text.toLowerCase()
    if (ROLE_HEADS.has(lower)) return true
    if (!/^\p{Ll}+$/u.test(tokens[index]!.text) || lower === 'said' || lower === 'told')
      return false
  }
  return false
}

function classify(body: string, tokens: Token[], part: Part): Mention[] {
  let words = part.words
  let first = part.first
  if (
    part.sentenceInitial &&
    words.length > 0 &&
    !isAllCaps(words[0]!.text) &&
    isOrdinaryWord(words[0]!.text) &&
    !(words.length > 1 && (ROLE_MODIFIERS.has(words[0]!.lower) || ROLE_HEADS.has(words[0]!.lower)))
  ) {
    const whole = words.map((word) => word.text).join(' ')
    if (!knownOrganisation(whole)) {
      words = words.slice(1)
      first++
    }
  }
  if (words.length === 0) return []
  const mentions: Mention[] = []
  const text = (list: Word[]) => body.slice(list[0]!.start, list.at(-1)!.end)
  const named: NamedMaker = (kind, name, list, certain) => ({
    kind,
    name,
    form: text(list),
    start: list[0]!.start,
    certain,
    weak: part.weak,
    alias: null,
    lastToken: part.last
  })
  const phrase = text(words)
  const organisation = knownOrganisation(phrase)
  if (organisation) return [named('organisation', organisation, words, true)]
  if (words[0]!.lower === 'the' && words.length > 1) {
    words = words.slice(1)
    first++
    const rest = knownOrganisation(text(words))
    if (rest) return [named('organisation', rest, words, true)]
  }
  const place = knownPlace(text(words))
  if (place) return [named('place', place, words, true)]
  const lowerWords = words.map((word) => word.lower)

  // A role in title case before the name: "UK Foreign Secretary Liz Truss".
  let roleEnd = -1
  for (let index = words.length - 2; index >= 0; index--) {
    if (
      ROLE_HEADS.has(lowerWords[index]!) ||
      /-(?:general|elect|year-old)$/.test(lowerWords[index]!)
    ) {
      roleEnd = index
      break
    }
  }
  if (roleEnd >= 0 && looksLikeOrganisation(texts(words.slice(0, roleEnd + 2)))) roleEnd = -1
  // Both uses below come only when no role head was found (a role head always sets `role`).
  const organisationLike = roleEnd < 0 && looksLikeOrganisation(texts(words))
  let role: string | null = null
  let nameFrom = 0
  if (roleEnd >= 0) {
    const roleWords = words.slice(0, roleEnd + 1)
    role = text(roleWords)
    nameFrom = roleEnd + 1
    mentions.push(...entitiesInRole(roleWords, named))
  } else if (!organisationLike) {
    const headless = precedingRole(tokens, first, true)
    if (headless !== null) role = body.slice(tokens[headless]!.start, tokens[first - 1]!.end)
  }
  if (role !== null && roleEnd >= 0) {
    const before = precedingRole(tokens, first, false)
    if (before !== null) role = body.slice(tokens[before]!.start, words[roleEnd]!.end)
  }

  let nameWords = words.slice(nameFrom)
  // "Conservative MP for Haltwhistle", "Secretary of State for Health": what follows the role's
  // head belongs to the role, and after "MP for" it names a constituency.
  if (nameWords.length > 0 && !isCapitalised(nameWords[0]!.text)) {
    const rest = nameWords.slice(1)
    if (
      roleEnd >= 0 &&
      nameWords[0]!.lower === 'for' &&
      CONSTITUENCY_ROLES.has(lowerWords[roleEnd]!) &&
      rest.length > 0 &&
      rest.every((word) => isCapitalised(word.text))
    ) {
      mentions.push(named('place', knownPlace(text(rest)) ?? text(rest), rest, false))
    }
    return mentions
  }
  let honorific: string | null = null
  const honorificIndex = nameWords.findIndex(
    (word) => PLAIN_HONORIFICS.has(word.lower) || NAME_HONORIFICS.has(word.lower)
  )
  if (honorificIndex >= 0 && honorificIndex < nameWords.length - 1) {
    honorific = nameWords[honorificIndex]!.lower
    if (honorificIndex > 0 && role === null) role = text(nameWords.slice(0, honorificIndex))
    nameWords = nameWords.slice(
      PLAIN_HONORIFICS.has(honorific) ? honorificIndex + 1 : honorificIndex
    )
  }
  const form = text(words.slice(nameFrom + Math.max(0, honorificIndex)))

  if (role === null && honorific === null) {
    if (isConstituency(tokens, first)) return [named('place', text(words), words, false)]
    if (organisationLike || isEmployer(tokens, first)) {
      return [named('organisation', text(words), words, false)]
    }
    if (words.length === 1 && isAcronym(words[0]!.text)) {
      return [named('organisation', words[0]!.text, words, false)]
    }
    if (words.some((word) => isDemonym(word.text))) return mentions
    if (looksLikePlace(texts(words))) return [named('place', text(words), words, false)]
  }
  const nameCore = honorific && NAME_HONORIFICS.has(honorific) ? nameWords.slice(1) : nameWords
  if (!isPersonName(texts(nameWords), honorific !== null)) return mentions
  const speech = speechNearby(tokens, part.first, part.last)
  const appositive =
    leadingAppositiveRole(body, tokens, first, part.last) ??
    appositiveRole(body, tokens, first, part.last)
  // "Ridgeway Water, the country's largest supplier," is set off like a person but proves none.
  const appositiveEvidence =
    appositive !== null &&
    appositive
      .toLowerCase()
      .split(/\s+/)
      .some((word) => ROLE_HEADS.has(word) || RELATION_WORDS.has(word.replace(POSSESSIVE, '')))
  role ??= appositive
  const evidence =
    honorific !== null ||
    (role !== null && (role !== appositive || appositiveEvidence)) ||
    speech ||
    (nameCore.length >= 2 &&
      (firstNameGender(nameCore[0]!.text) !== null ||
        isKnownLastName(nameCore.at(-1)!.text) ||
        nameCore.every((word) => !isOrdinaryWord(word.text) && !knownPlace(word.text))))
  if (nameCore.length === 0 || nameCore.length > 4) return mentions
  if (nameCore.some((word) => !isCapitalised(word.text) && !CONNECTORS.has(word.lower))) {
    return mentions
  }
  mentions.push({
    kind: 'person',
    nameWords: nameWords.map((word) => word.text),
    form,
    role,
    start: words[0]!.start,
    gender: personGender(honorific, nameCore.length >= 2 ? nameCore[0]!.text : undefined),
    evidence,
    weak: part.weak,
    honorific,
    placeContext:
      role === null &&
      honorific === null &&
      nameCore.length === 1 &&
      PLACE_PREPOSITIONS.has(tokens[first - 1]?.text.toLowerCase() ?? '') &&
      firstNameGender(nameCore[0]!.text) === null
  })
  return mentions
}

/**
 * Whether words can name a person: not "for Health", "Political Correspondent", "Water UK",
 * "Swan Hill" or a lone title ("Speaker"). `addressed`: written after an honorific ("Mr King").
 */
/** Answers of {@link isPersonName}, which articles ask again for every repeated name. */
const personNameAnswers = new Map<string, boolean>()
const PERSON_NAME_ANSWERS_MAX = 4096

function isPersonName(words: readonly string[], addressed: boolean): boolean {
  const key = `${addressed ? 1 : 0}${words.join(' ')}`
  let answer = personNameAnswers.get(key)
  if (answer === undefined) {
    if (personNameAnswers.size >= PERSON_NAME_ANSWERS_MAX) personNameAnswers.clear()
    answer = readsAsPersonName(words, addressed)
    personNameAnswers.set(key, answer)
  }
  return answer
}

function readsAsPersonName(words: readonly string[], addressed: boolean): boolean {
  if (words.length === 0) return false
  const first = words[0]!
  if (!isCapitalised(first) || !isCapitalised(words.at(-1)!) || first.toLowerCase() === 'the') {
    return false
  }
  if (words.some((word) => !isCapitalised(word) && !NAME_PARTICLES.has(word.toLowerCase()))) {
    return false
  }
  if (words.some((word) => POSSESSIVE.test(word) || /[’']$/.test(word))) return false
  const core = NAME_HONORIFICS.has(first.toLowerCase()) && words.length > 1 ? words.slice(1) : words
  const lower = core.map((word) => word.toLowerCase())
  const phrase = core.join(' ')
  if (knownOrganisation(phrase) || knownPlace(phrase) || looksLikeOrganisation(core)) return false
  if (looksLikePlace(core) || isRoleTitle(core)) return false
  if (core.length === 1) {
    if (ADDRESS_TITLES.has(lower[0]!)) return false
    if (SPEECH_VERBS.has(lower[0]!) && !addressed) return false
    return addressed || !(ROLE_HEADS.has(lower[0]!) || isOrganisationWord(core[0]!))
  }
  const last = core.at(-1)!
  if (isAllCaps(last) && TITLE_ACRONYMS.has(last.toLowerCase())) return false
  // "ABC Rural", "BBC Scotland": an acronym of three letters or more is no part of a name.
  if (
    !isKnownLastName(last) &&
    core.some((word) => word.length >= 3 && isAcronym(word) && !/^[IVXL]+$/.test(word))
  ) {
    return false
  }
  if (firstNameGender(core[0]!) !== null) return true
  // "Social Care", "BBC Scotland", "New South Wales": no word of it is a name.
  return !core.every(
    (word, index) =>
      isOrdinaryWord(word) ||
      knownPlace(word) !== null ||
      knownOrganisation(word) !== null ||
      isAcronym(word) ||
      ROLE_HEADS.has(lower[index]!) ||
      ROLE_MODIFIERS.has(lower[index]!)
  )
}

interface PersonCluster {
  words: string[]
  forms: string[]
  role: string | null
  gender: Gender
  first: number
  lastSeen: number
}

function endsWith(longer: readonly string[], shorter: readonly string[]): boolean {
  if (shorter.length > longer.length) return false
  const offset = longer.length - shorter.length
  return shorter.every((word, index) => longer[offset + index] === word)
}

/** A name without "Sir", "Dame", "Lord" before it: the words a person is matched by. */
function coreOf(words: readonly string[]): readonly string[] {
  return words.length > 1 && NAME_HONORIFICS.has(words[0]!.toLowerCase()) ? words.slice(1) : words
}

function surnameOf(words: readonly string[]): string {
  return words.at(-1)!
}

function addForm(cluster: PersonCluster, form: string): void {
  if (!cluster.forms.includes(form)) cluster.forms.push(form)
}

/** The cluster's gender, from what the article said or from its first name. */
function clusterGender(cluster: PersonCluster): Gender {
  if (cluster.gender) return cluster.gender
  const core = coreOf(cluster.words)
  const gender = core.length >= 2 ? firstNameGender(core[0]!) : null
  return gender === 'male' || gender === 'female' ? gender : null
}

function genderAgrees(a: Gender, b: Gender): boolean {
  return !(a && b && a !== b)
}

/** Whether two names can be one person's: "Keir Danbury" and "Sir Keir Danbury", or "Danbury". */
function related(a: readonly string[], b: readonly string[]): boolean {
  return endsWith(coreOf(a), coreOf(b)) || endsWith(coreOf(b), coreOf(a))
}

function clusterPeople(mentions: PersonMention[]): {
  clusters: PersonCluster[]
  places: PersonMention[]
} {
  const clusters: PersonCluster[] = []
  const pending: PersonMention[] = []
  const unproven: PersonMention[] = []
  const places: PersonMention[] = []
  // Related names end in the same word, so only clusters with that last word need comparing.
  const byLastWord = new Map<string, PersonCluster[]>()
  const relatedCluster = (nameWords: readonly string[]) =>
    byLastWord.get(surnameOf(nameWords))?.find((existing) => related(existing.words, nameWords))
  for (const mention of mentions) {
    const words = coreOf(mention.nameWords)
    if (mention.placeContext) {
      pending.push(mention)
    } else if (words.length >= 2) {
      let cluster = relatedCluster(mention.nameWords)
      if (!cluster) {
        if (!mention.evidence || mention.weak) continue
        cluster = {
          words: mention.nameWords,
          forms: [],
          role: null,
          gender: null,
          first: mention.start,
          lastSeen: mention.start
        }
        clusters.push(cluster)
        const sharing = byLastWord.get(surnameOf(mention.nameWords)) ?? []
        sharing.push(cluster)
        byLastWord.set(surnameOf(mention.nameWords), sharing)
      }
      if (mention.nameWords.length > cluster.words.length) {
        addForm(cluster, cluster.words.join(' '))
        cluster.words = mention.nameWords
      }
      addForm(cluster, mention.form)
      cluster.role ??= mention.role
      cluster.gender ??= mention.gender
      cluster.lastSeen = mention.start
    } else if (!attachSingle(clusters, mention, false)) {
      pending.push(mention)
    }
  }
  for (const mention of pending) {
    const words = coreOf(mention.nameWords)
    if (words.length >= 2) {
      // Only a place-like mention ("near Swan Hill") waits here: a person if someone has the name.
      const cluster = relatedCluster(mention.nameWords)
      if (cluster) addForm(cluster, mention.form)
      else if (mention.evidence && !mention.weak) places.push(mention)
      continue
    }
    if (attachSingle(clusters, mention, true)) continue
    if (mention.weak) continue
    if (!mention.evidence) {
      unproven.push(mention)
      continue
    }
    const same = clusters.find(
      (cluster) => cluster.words.length === 1 && cluster.words[0] === words[0]
    )
    if (same) {
      addForm(same, mention.form)
      same.role ??= mention.role
      continue
    }
    if (mention.placeContext) {
      places.push(mention)
      continue
    }
    const single: PersonCluster = {
      words: mention.nameWords,
      forms: [mention.form],
      role: mention.role,
      gender: mention.gender,
      first: mention.start,
      lastSeen: mention.start
    }
    clusters.push(single)
    byLastWord.set(surnameOf(single.words), [
      ...(byLastWord.get(surnameOf(single.words)) ?? []),
      single
    ])
  }
  // "Craig, a lorry driver, said" proves nothing alone, but is the Craig who "said" later.
  for (const mention of unproven) {
    const same = clusters.find(
      (cluster) => cluster.words.length === 1 && cluster.words[0] === mention.nameWords[0]
    )
    if (!same || mention.placeContext) continue
    addForm(same, mention.form)
    same.first = Math.min(same.first, mention.start)
    same.role ??= mention.role
  }
  return { clusters, places }
}

/**
 * Joins a one-word mention to a person named in full: "Mr Johnson" or "Johnson" to the most recent
 * person with that surname whose gender agrees, "Sir Keir" (and a lone "Keir" when no one has that
 * surname) to the one person with that first name.
 */
function attachSingle(
  clusters: PersonCluster[],
  mention: PersonMention,
  anyOrder: boolean
): boolean {
  const word = mention.nameWords.at(-1)!
  const usable = clusters.filter(
    (cluster) =>
      coreOf(cluster.words).length >= 2 &&
      (anyOrder || cluster.first < mention.start) &&
      genderAgrees(mention.gender, clusterGender(cluster))
  )
  const bySurname = usable.filter((cluster) => surnameOf(cluster.words) === word)
  const byFirstName = usable.filter((cluster) => coreOf(cluster.words)[0] === word)
  let candidates = bySurname
  if (mention.honorific && FIRST_NAME_HONORIFICS.has(mention.honorific) && byFirstName.length) {
    candidates = byFirstName
  } else if (
    bySurname.length === 0 &&
    mention.honorific === null &&
    mention.role === null &&
    byFirstName.length === 1
  ) {
    candidates = byFirstName
  }
  if (candidates.length === 0) return false
  const chosen = candidates.reduce((best, cluster) =>
    cluster.lastSeen > best.lastSeen && cluster.lastSeen < mention.start ? cluster : best
  )
  addForm(chosen, mention.form)
  chosen.role ??= mention.role
  chosen.gender ??= mention.gender
  if (!anyOrder) chosen.lastSeen = mention.start
  return true
}

interface ParsedName {
  /** The name without a role or plain honorific before it ("Sir Keir Danbury", "Strachan"). */
  words: string[]
  honorific: string | null
  role: string | null
}

/** "Premier Michelle Carrodus" → Michelle Carrodus, role Premier; "Prof Strachan" → Strachan. */
function parseName(name: string): ParsedName {
  let words = name.split(/\s+/).filter((word) => word !== '')
  let cut = 0
  while (
    cut < words.length - 1 &&
    isCapitalised(words[cut]!) &&
    (ROLE_HEADS.has(words[cut]!.toLowerCase()) || ROLE_MODIFIERS.has(words[cut]!.toLowerCase()))
  ) {
    cut++
  }
  const role = cut > 0 ? words.slice(0, cut).join(' ') : null
  words = words.slice(cut)
  const lower = words[0]?.toLowerCase() ?? ''
  let honorific: string | null = null
  if (words.length > 1 && PLAIN_HONORIFICS.has(lower)) {
    honorific = lower
    words = words.slice(1)
  } else if (words.length > 1 && NAME_HONORIFICS.has(lower)) {
    honorific = lower
  }
  return { words, honorific, role }
}

function parsedGender(parsed: ParsedName): Gender {
  const core = coreOf(parsed.words)
  return personGender(parsed.honorific, core.length >= 2 ? core[0] : undefined)
}

/** A role the quotes stage gave that reads as one: not "seen by", "Labour’s", "asked about it". */
function usableRole(role: string | null): string | null {
  if (!role) return null
  const words = role.split(/\s+/)
  const first = words[0]!
  const last = words.at(-1)!
  if (POSSESSIVE.test(last) || STOP_WORDS.has(last.toLowerCase())) return null
  if (/^\p{Ll}/u.test(first) && STOP_WORDS.has(first) && !DETERMINERS.has(first)) return null
  const lower = words.map((word) => word.toLowerCase())
  if (!lower.some((word, index) => ROLE_HEADS.has(word) || /^\p{Ll}/u.test(words[index]!))) {
    return null
  }
  return role
}

/**
 * The cluster a speaker of the quotes stage is: the person with that full name, or, for a
 * one-word name, the one person with that surname (or first name after "Sir"). 'ambiguous' when
 * two people share it, as a husband and wife do.
 */
function knownTarget(
  clusters: PersonCluster[],
  parsed: ParsedName,
  gender: Gender
): PersonCluster | 'ambiguous' | null {
  const core = coreOf(parsed.words)
  const full = clusters.filter((cluster) => coreOf(cluster.words).length >= 2)
  if (core.length >= 2) {
    const matches = full.filter((cluster) => related(cluster.words, parsed.words))
    if (matches.length > 1) {
      const same = matches.filter((cluster) => endsWith(coreOf(cluster.words), core))
      return same.length === 1 ? same[0]! : 'ambiguous'
    }
    if (matches.length === 1) return matches[0]!
    return (
      clusters.find(
        (cluster) =>
          cluster.words.length === 1 &&
          cluster.words[0] === surnameOf(core) &&
          genderAgrees(gender, clusterGender(cluster))
      ) ?? null
    )
  }
  const word = core[0]!
  const agreeing = full.filter((cluster) => genderAgrees(gender, clusterGender(cluster)))
  const bySurname = agreeing.filter((cluster) => surnameOf(cluster.words) === word)
  const byFirstName = agreeing.filter((cluster) => coreOf(cluster.words)[0] === word)
  let candidates = bySurname
  if (parsed.honorific && FIRST_NAME_HONORIFICS.has(parsed.honorific) && byFirstName.length) {
    candidates = byFirstName
  } else if (bySurname.length === 0 && parsed.honorific === null) {
    candidates = byFirstName
  }
  if (candidates.length > 1) return 'ambiguous'
  if (candidates.length === 1) return candidates[0]!
  return clusters.find((cluster) => cluster.words.length === 1 && cluster.words[0] === word) ?? null
}

/**
 * Whether another name the quotes stage gave a speaker can be this person's: not "Mr Whitlow" for
 * Gemma Whitlow, nor a name that is someone else's.
 */
function aliasFits(alias: string, target: PersonCluster, clusters: PersonCluster[]): boolean {
  const parsed = parseName(alias)
  if (parsed.words.length === 0) return false
  if (!genderAgrees(parsedGender(parsed), clusterGender(target))) return false
  if (clusters.some((cluster) => cluster !== target && cluster.words.join(' ') === alias)) {
    return false
  }
  const core = coreOf(parsed.words)
  const targetCore = coreOf(target.words)
  if (core.length >= 2) return related(target.words, parsed.words)
  const word = core[0]!
  return (
    word === surnameOf(targetCore) || word === targetCore[0] || ROLE_HEADS.has(word.toLowerCase())
  )
}

/**
 * Merges the speakers the quotes stage found into the people: a speaker's other names become
 * aliases of the person the article names in full, and a speaker no one matched is added. The
 * article's own role for a person (from the first mention) wins over the speaker's.
 */
function mergeKnown(
  clusters: PersonCluster[],
  known: readonly KnownPerson[],
  body: string
): PersonCluster[] {
  for (const person of known) {
    const parsed = parseName(person.name)
    // "Wealdhurst" with role "Conservative MP for" is a constituency.
    if (person.role && /\s(?:for|of)$/.test(person.role)) continue
    if (!isPersonName(parsed.words, parsed.honorific !== null)) continue
    const gender = parsedGender(parsed)
    const target = knownTarget(clusters, parsed, gender)
    if (target === 'ambiguous') {
      // Give "Mr Cowie" to the husband and "Mrs Cowie" to the wife when gender tells them apart.
      for (const alias of person.aliases) {
        const owners = clusters.filter(
          (cluster) =>
            related(cluster.words, parseName(alias).words) && aliasFits(alias, cluster, clusters)
        )
        if (owners.length === 1 && parsedGender(parseName(alias))) addForm(owners[0]!, alias)
      }
      continue
    }
    let cluster = target
    if (!cluster) {
      const positions = [person.name, ...person.aliases]
        .map((name) => body.indexOf(name))
        .filter((index) => index >= 0)
      cluster = {
        words: parsed.words,
        forms: [],
        role: null,
        gender,
        first: positions.length ? Math.min(...positions) : body.length,
        lastSeen: 0
      }
      clusters.push(cluster)
    } else if (
      coreOf(parsed.words).length > coreOf(cluster.words).length &&
      related(cluster.words, parsed.words)
    ) {
      // The fullest form names the person: "Dmytro Koval" over "Koval".
      addForm(cluster, cluster.words.join(' '))
      cluster.words = parsed.words
    }
    cluster.gender ??= gender
    absorbOneWordClusters(clusters, cluster)
    for (const alias of [person.name, ...person.aliases]) {
      if (aliasFits(alias, cluster, clusters)) addForm(cluster, alias)
    }
    cluster.role ??= usableRole(person.role) ?? parsed.role
  }
  return clusters
}

/** Joins one-word clusters ("Strachan", "Gemma") that can only be this person to it. */
function absorbOneWordClusters(clusters: PersonCluster[], target: PersonCluster): void {
  const core = coreOf(target.words)
  for (const other of [...clusters]) {
    if (other === target || other.words.length !== 1) continue
    const word = other.words[0]!
    const byName = word === surnameOf(core) || (core.length >= 2 && word === core[0])
    if (!byName || !genderAgrees(clusterGender(other), clusterGender(target))) continue
    const sharing = clusters.filter(
      (cluster) =>
        cluster !== other &&
        coreOf(cluster.words).length >= 2 &&
        (surnameOf(cluster.words) === word || coreOf(cluster.words)[0] === word) &&
        genderAgrees(clusterGender(other), clusterGender(cluster))
    )
    if (sharing.length !== 1) continue
    for (const form of [other.words.join(' '), ...other.forms]) addForm(target, form)
    target.role ??= other.role
    target.first = Math.min(target.first, other.first)
    clusters.splice(clusters.indexOf(other), 1)
  }
}

/** Whether a cluster is a person: not "Campaigners", "Federation" or "Mr Speaker". */
function isPerson(cluster: PersonCluster): boolean {
  const honorifics = new Set([...PLAIN_HONORIFICS, ...NAME_HONORIFICS])
  const addressed = [cluster.words.join(' '), ...cluster.forms].some((form) =>
    honorifics.has(form.split(/\s+/)[0]!.toLowerCase().replace(/\.$/, ''))
  )
  if (!isPersonName(cluster.words, addressed)) return false
  if (addressed || (cluster.role !== null && cluster.words.length === 1)) return true
  // "Campaigners", "Cries", "Voters Worried", "Injecting Clinton".
  const first = coreOf(cluster.words)[0]!
  const firstIsName = firstNameGender(first) !== null && !knownPlace(first)
  if (cluster.words.length > 1 && !firstIsName && isPluralEnding(cluster.words.at(-1)!)) {
    return false
  }
  return firstNameGender(first) !== null || !isCommonWord(first, cluster.words.length === 1)
}

function namedEntities(
  mentions: NamedMention[]
): { name: string; aliases: string[]; first: number }[] {
  const byKey = new Map<string, { name: string; aliases: string[]; first: number }>()
  for (const mention of mentions) {
    const key = mention.name.toLowerCase()
    let entity = byKey.get(key)
    if (!entity) {
      entity = { name: mention.name, aliases: [], first: mention.start }
      byKey.set(key, entity)
    }
    for (const alias of [mention.form, mention.alias]) {
      if (alias && alias !== entity.name && !entity.aliases.includes(alias))
        entity.aliases.push(alias)
    }
  }
  // An acronym and its full name in one article are one organisation ("MoD" and "Ministry of Defence").
  for (const [key, entity] of byKey) {
    const full = ACRONYMS[key]
    const target = full ? byKey.get(full.toLowerCase()) : undefined
    if (target && target !== entity) {
      for (const alias of [entity.name, ...entity.aliases]) {
        if (alias !== target.name && !target.aliases.includes(alias)) target.aliases.push(alias)
      }
      target.first = Math.min(target.first, entity.first)
      byKey.delete(key)
    }
  }
  return [...byKey.values()].sort((a, b) => a.first - b.first)
}

/** Records "Ministry of Defence (MoD)": the bracketed acronym is an alias of the name before it. */
function bracketedAliases(tokens: Token[], mentions: Mention[]): void {
  for (const mention of mentions) {
    if (mention.kind !== 'organisation') continue
    const open = tokens[mention.lastToken + 1]
    const acronym = tokens[mention.lastToken + 2]
    const close = tokens[mention.lastToken + 3]
    if (open?.text === '(' && close?.text === ')' && acronym && isAcronym(acronym.text)) {
      mention.alias = acronym.text
    }
  }
}

/** Mentions are found paragraph by paragraph in pieces of about this many characters. */
const PIECE_LENGTH = 32_768

function mentionsIn(text: string): Mention[] {
  const tokens = tokenise(text)
  const mentions = findParts(text, tokens).flatMap((part) => classify(text, tokens, part))
  bracketedAliases(tokens, mentions)
  return mentions
}

/**
 * Every mention in the body. A long body is read in pieces cut at paragraph breaks, so that its
 * tokens die young: one token list for megabytes of text spent most of its time collecting garbage.
 */
function findMentions(body: string): Mention[] {
  const mentions: Mention[] = []
  let from = 0
  while (from < body.length) {
    let to = body.length
    if (to - from > PIECE_LENGTH) {
      const paragraphBreak = body.indexOf('\n\n', from + PIECE_LENGTH)
      to = paragraphBreak === -1 ? body.length : paragraphBreak
    }
    for (const mention of mentionsIn(body.slice(from, to))) {
      mention.start += from
      mentions.push(mention)
    }
    from = to
  }
  return mentions
}

/**
 * The people (with aliases and roles), organisations (outlets included) and places an article
 * cites, found offline with compromise's shipped lexicon and rules for British news style.
 * `known.people` (the speakers the quotes stage found) are merged in so that names agree.
 */
export function findEntities(body: string, known?: { people: KnownPerson[] }): Entities {
  const mentions = findMentions(body)
  const { clusters, places: placeMentions } = clusterPeople(
    mentions.filter((mention): mention is PersonMention => mention.kind === 'person')
  )
  const people = mergeKnown(clusters, known?.people ?? [], body).filter(isPerson)
  const named = mentions.filter(
    (mention): mention is NamedMention =>
      mention.kind !== 'person' && (mention.certain || !mention.weak)
  )
  for (const mention of placeMentions) {
    const name = mention.nameWords.join(' ')
    named.push({
      kind: 'place',
      name: knownPlace(name) ?? name,
      form: mention.form,
      start: mention.start,
      certain: false,
      weak: false,
      alias: null,
      lastToken: -1
    })
  }
  named.sort((a, b) => a.start - b.start)
  const organisations = namedEntities(named.filter((mention) => mention.kind === 'organisation'))
  const places = namedEntities(named.filter((mention) => mention.kind === 'place'))
  const taken = new Set([...organisations, ...places].map((entity) => entity.name.toLowerCase()))
  return {
    people: people
      .filter((cluster) => !taken.has(cluster.words.join(' ').toLowerCase()))
      .sort((a, b) => a.first - b.first)
      .map((cluster) => {
        const name = cluster.words.join(' ')
        return { name, aliases: cluster.forms.filter((form) => form !== name), role: cluster.role }
      }),
    organisations: organisations.map(({ name, aliases }) => ({ name, aliases })),
    places: places.map(({ name }) => ({ name }))
  }
}

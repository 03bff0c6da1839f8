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
  knownOrganisation,
  knownPlace,
  looksLikeOrganisation,
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

/** A role written after the name between commas: "Jens Stoltenberg, Nato’s secretary general,". */
function appositiveRole(body: string, tokens: Token[], last: number): string | null {
  if (tokens[last + 1]?.text !== ',') return null
  const from = last + 2
  let to = from
  while (to < tokens.length && to - from < 10) {
    const text = tokens[to]!.text
    if (text === ',' || text === '.' || text === '\n' || text === ';' || /^[“”"‘(]$/.test(text))
      break
    if (SPEECH_VERBS.has(text.toLowerCase()) || text.toLowerCase() === 'who') return null
    to++
  }
  if (to === from || tokens[to]?.text !== ',') return null
  const words = tokens.slice(from, to)
  if (!words.some((token) => ROLE_HEADS.has(token.text.toLowerCase()))) return null
  const role = body.slice(words[0]!.start, words.at(-1)!.end).replace(/^(?:the|a|an)\s+/i, '')
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
    if (ROLE_HEADS.has(lowerWords[index]!) || /-(?:general|elect)$/.test(lowerWords[index]!)) {
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
    if (organisationLike || isEmployer(tokens, first)) {
      return [named('organisation', text(words), words, false)]
    }
    if (words.length === 1 && isAcronym(words[0]!.text)) {
      return [named('organisation', words[0]!.text, words, false)]
    }
    if (words.some((word) => isDemonym(word.text))) return mentions
  }
  const nameCore = honorific && NAME_HONORIFICS.has(honorific) ? nameWords.slice(1) : nameWords
  const speech = speechNearby(tokens, part.first, part.last)
  const appositive = appositiveRole(body, tokens, part.last)
  role ??= appositive
  const evidence =
    honorific !== null ||
    role !== null ||
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
    weak: part.weak
  })
  return mentions
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

function surnameOf(words: readonly string[]): string {
  return words.at(-1)!
}

function addForm(cluster: PersonCluster, form: string): void {
  if (!cluster.forms.includes(form)) cluster.forms.push(form)
}

function clusterPeople(mentions: PersonMention[]): PersonCluster[] {
  const clusters: PersonCluster[] = []
  const pending: PersonMention[] = []
  const core = (mention: PersonMention) =>
    NAME_HONORIFICS.has(mention.nameWords[0]!.toLowerCase())
      ? mention.nameWords.slice(1)
      : mention.nameWords
  for (const mention of mentions) {
    const words = core(mention)
    if (words.length >= 2) {
      let cluster = clusters.find(
        (existing) => endsWith(existing.words, words) || endsWith(words, existing.words)
      )
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
    if (attachSingle(clusters, mention, true)) continue
    if (!mention.evidence || mention.weak) continue
    const words = core(mention)
    const same = clusters.find(
      (cluster) => cluster.words.length === 1 && cluster.words[0] === words[0]
    )
    if (same) {
      addForm(same, mention.form)
      same.role ??= mention.role
      continue
    }
    clusters.push({
      words: mention.nameWords,
      forms: [mention.form],
      role: mention.role,
      gender: mention.gender,
      first: mention.start,
      lastSeen: mention.start
    })
  }
  return clusters
}

/** Joins "Mr Johnson" or "Johnson" to the most recent person with that surname. */
function attachSingle(
  clusters: PersonCluster[],
  mention: PersonMention,
  anyOrder: boolean
): boolean {
  const surname = mention.nameWords.at(-1)!
  const candidates = clusters.filter(
    (cluster) =>
      cluster.words.length >= 2 &&
      surnameOf(cluster.words) === surname &&
      (anyOrder || cluster.first < mention.start) &&
      !(mention.gender && cluster.gender && mention.gender !== cluster.gender)
  )
  if (candidates.length === 0) return false
  const chosen = candidates.reduce((best, cluster) =>
    cluster.lastSeen > best.lastSeen && cluster.lastSeen < mention.start ? cluster : best
  )
  addForm(chosen, mention.form)
  chosen.role ??= mention.role
  if (!anyOrder) chosen.lastSeen = mention.start
  return true
}

function mergeKnown(
  clusters: PersonCluster[],
  known: readonly KnownPerson[],
  body: string
): PersonCluster[] {
  for (const person of known) {
    const names = [person.name, ...person.aliases]
    const nameWords = person.name.split(/\s+/)
    const matches = clusters.filter((cluster) => {
      const clusterNames = [cluster.words.join(' '), ...cluster.forms]
      return (
        clusterNames.some((name) => names.includes(name)) ||
        endsWith(nameWords, cluster.words) ||
        endsWith(cluster.words, nameWords)
      )
    })
    const positions = names.map((name) => body.indexOf(name)).filter((index) => index >= 0)
    const target: PersonCluster = matches[0] ?? {
      words: nameWords,
      forms: [],
      role: null,
      gender: null,
      first: positions.length ? Math.min(...positions) : body.length,
      lastSeen: 0
    }
    for (const other of matches.slice(1)) {
      for (const form of [other.words.join(' '), ...other.forms]) addForm(target, form)
      target.role ??= other.role
      target.first = Math.min(target.first, other.first)
      clusters.splice(clusters.indexOf(other), 1)
    }
    // The article's fullest form names the person: "Dmytro Koval" over a speaker found as "Koval".
    const fullest =
      target.words.length > nameWords.length && endsWith(target.words, nameWords)
        ? target.words
        : nameWords
    if (target.words.join(' ') !== fullest.join(' ')) addForm(target, target.words.join(' '))
    if (fullest !== nameWords) addForm(target, person.name)
    target.words = fullest
    for (const alias of person.aliases) addForm(target, alias)
    target.role = person.role ?? target.role
    if (!matches[0]) clusters.push(target)
  }
  return clusters
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
  const people = mergeKnown(
    clusterPeople(
      mentions.filter((mention): mention is PersonMention => mention.kind === 'person')
    ),
    known?.people ?? [],
    body
  )
  const named = mentions.filter(
    (mention): mention is NamedMention =>
      mention.kind !== 'person' && (mention.certain || !mention.weak)
  )
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

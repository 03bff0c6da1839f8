import type { QuoteProposal } from '@shared/model'
import {
  cueAfter,
  cueBefore,
  isGenericNoun,
  isSpeechVerb,
  previousSentenceCue,
  sentenceSubject,
  sentenceEndCue,
  signatureCue,
  subjectCue,
  type Cue
} from './attribution'
import { findQuotedSpans, isSpaceCode, type QuotedSpan } from './marks'
import { isMarkup, looksLikeShortName, looksLikeTitle, quoteKind } from './spans'
import { lastSentenceStart, tokenize } from './tokens'
import {
  addPerson,
  createSpeakerIndex,
  describePerson,
  findPerson,
  indexNames,
  isPersonNoun,
  mentionPerson,
  nounGender,
  pronounGender,
  resolveDescription,
  resolvePronoun,
  type Person,
  type SpeakerIndex,
  type SpeakerPhrase
} from './speakers'

/** A stretch of the body set aside as boilerplate (contact lines, share prompts). */
export interface BoilerplateSpan {
  start: number
  end: number
  text: string
}

/** Options for {@link attributeQuotes}. */
export interface AttributeOptions {
  /** Spans already set aside as boilerplate: quotes inside them are not proposed. */
  boilerplate?: BoilerplateSpan[]
}

/** A person or organisation who speaks in the article. */
export interface SpeakerProposal {
  name: string
  aliases: string[]
  role: string | null
}

/** The quotes found in an article, the people who said them, and what the journalist should check. */
export interface QuoteAnalysis {
  quotes: QuoteProposal[]
  speakers: SpeakerProposal[]
  warnings: string[]
}

interface Attributed {
  span: QuotedSpan
  cue: Cue | null
  person: Person | null
  speaker: string | null
  role: string | null
  carried: boolean
  /** The speaker is someone the article leaves unnamed ("One nurse … said"). */
  unnamed: boolean
  paragraph: number
  /** The paragraph the quote closes in. */
  lastParagraph: number
}

function paragraphStarts(body: string): number[] {
  const starts = [0]
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

/** True when `body.slice(from, to)` holds anything but white space. */
function hasText(body: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!isSpaceCode(body.charCodeAt(i))) return true
  }
  return false
}

/** For each line, how many non-blank lines come before it. */
function textLineNumbers(body: string, starts: number[]): number[] {
  const numbers: number[] = []
  let count = 0
  for (let k = 0; k < starts.length; k++) {
    numbers.push(count)
    const end = k + 1 < starts.length ? starts[k + 1] - 1 : body.length
    if (hasText(body, starts[k], end)) count++
  }
  return numbers
}

function paragraphOf(starts: number[], position: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle] <= position) low = middle
    else high = middle - 1
  }
  return low
}

function paragraphEnd(body: string, starts: number[], position: number): number {
  const next = paragraphOf(starts, position) + 1
  return next < starts.length ? starts[next] - 1 : body.length
}

/** Whether single marks carry the article's quotes (British style) rather than double ones. */
function singlesArePrimary(spans: QuotedSpan[], bodyStart: number): boolean {
  let singles = 0
  let doubles = 0
  for (const span of spans) {
    if (span.depth !== 0 || span.start < bodyStart) continue
    if (span.family === 'single') singles++
    else doubles++
  }
  return singles > doubles
}

const ROLE_NOUN = /^(?:the|this|that)\s+(.+)$/i

/** How far around a name to look for the same word in lower case. */
const COMMON_WORD_WINDOW = 20000

/**
 * Whether the body writes a word in lower case ("guns" for a sentence-initial "Guns") near
 * where it is asked about; each word is looked up once.
 */
function lowerCaseUse(body: string): (word: string, position: number) => boolean {
  const known = new Map<string, boolean>()
  return (word, position) => {
    const lower = word.toLowerCase()
    let found = known.get(lower)
    if (found === undefined) {
      const from = Math.max(0, position - COMMON_WORD_WINDOW)
      const region = body.slice(from, position + COMMON_WORD_WINDOW)
      found = false
      for (let at = region.indexOf(lower); at >= 0; at = region.indexOf(lower, at + 1)) {
        if (!isWordCharacter(region[at - 1]) && !isWordCharacter(region[at + lower.length])) {
          found = true
          break
        }
      }
      known.set(lower, found)
    }
    return found
  }
}

function isWordCharacter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}’'-]/u.test(ch)
}

/** Capitalised words that open sentences but never name anyone ("There", "Moreover", "Thirty"). */
const NOT_NAMES = new Set(
  (
    'a an the this that these those there here it i we you they he she his her its their our my ' +
    'your another some someone somebody something somewhere someday any anyone everyone ' +
    'nobody none one two three four five six seven eight nine ten eleven twelve thirteen ' +
    'twenty thirty forty fifty hundred hundreds thousands dozens several many most few all both ' +
    'each every either neither other others such what whatever when whenever where wherever why ' +
    'how who whom whose which while whilst if unless until after before since because although ' +
    'though as so yet and but or nor then thus therefore moreover however meanwhile instead ' +
    'perhaps maybe just still also even only indeed besides furthermore nevertheless nonetheless ' +
    'otherwise together thanks within without across from into onto upon among between later ' +
    'earlier monday tuesday wednesday thursday friday saturday sunday ' +
    'today tomorrow yesterday tonight'
  ).split(' ')
)

/**
 * “The answer,” he said, “is to fix the buses.”: the second part of a direct quote split by a short
 * cue goes on the same statement, though it starts in lower case.
 */
function continuesSplitQuote(
  body: string,
  previous: QuoteProposal | undefined,
  span: QuotedSpan
): boolean {
  if (!previous || previous.kind !== 'direct' || !/[,—–]$/u.test(previous.text)) return false
  if (!/^\p{Ll}/u.test(body.slice(span.start, span.start + 1))) return false
  const between = body.slice(previous.end, span.start)
  return between.length <= 60 && !between.includes('\n') && /,\s*\S*$/u.test(between.trimEnd())
}

/**
 * "Mr Rudd told the jury Mr Haines had trusted her. ‘…,’ he said.": for "he" or "she" after a
 * quote that opens its sentence, the named subject of the sentence before the quote, which a
 * person named later in that sentence does not displace.
 */
/** How far back (in characters) the sentence before a paragraph's opening quote is read. */
const MAX_SENTENCE_LOOK = 600

/** A sentence led by one unnamed person who speaks: "One nurse, who …, said", "A neighbour told". */
const UNNAMED_SPEAKER = /^\s*((?:One|A|An|Another)\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}-]+))\b/u

function previousSubject(
  index: SpeakerIndex,
  body: string,
  cue: Cue,
  openAt: number,
  paragraphStart: number
): SpeakerPhrase | undefined {
  const said = cue.speaker
  const pronoun = said?.kind === 'pronoun' && (said.text === 'he' || said.text === 'she')
  const described = said?.kind === 'generic' && /^the\s/iu.test(said.text)
  if (cue.place !== 'after' || (!pronoun && !described)) return undefined
  let end = openAt - 1
  while (end > 0 && /\s/u.test(body[end])) end--
  // The sentence before may close the paragraph before this one.
  const from = end < paragraphStart ? Math.max(0, end - MAX_SENTENCE_LOOK) : paragraphStart
  if (end <= from || !/[.!?]/u.test(body[end])) return undefined
  const start = lastSentenceStart(body, from, end)
  const tokens = tokenize(body, start, end)
  const subject = sentenceSubject(tokens, tokens.length)
  // "One nurse, who asked not to be named, said …. ‘…,’ she said.": someone unnamed speaks.
  const unnamed = UNNAMED_SPEAKER.exec(body.slice(start, end + 1))
  if (
    pronoun &&
    !subject &&
    unnamed &&
    isPersonNoun(unnamed[2].toLowerCase()) &&
    tokens.some((token) => token.word && isSpeechVerb(token.text))
  ) {
    return { ...(said as SpeakerPhrase), kind: 'generic', text: unnamed[1] }
  }
  if (subject?.kind !== 'name' || subject.organisation) return undefined
  // Only someone the article names as a person: "Chastened by the analyses, Trump…" has none.
  return findPerson(index, subject.text, subject.gender) ? subject : undefined
}

/**
 * "the grandad said", "the 70-year-old added": a description of one person, in words no role
 * holds, goes to the person last named that it can fit, as "he" or "she" would.
 */
function describedPerson(index: SpeakerIndex, words: string, position: number): Person | null {
  const parts = words.split(' ')
  const head = parts[parts.length - 1]
  if (parts.length > 3 || isGenericNoun(head) || !isPersonNoun(head)) return null
  return resolvePronoun(index, nounGender(head), false, position)
}

function resolvePhrase(
  index: SpeakerIndex,
  phrase: SpeakerPhrase,
  position: number,
  usedInLowerCase: (word: string, position: number) => boolean,
  subject?: SpeakerPhrase
): { person: Person | null; speaker: string | null; role: string | null } {
  // "He’s claiming…": a pronoun with a contraction is still the pronoun.
  const contracted = /^(he|she|they)['’](?:s|re|d|ll)$/iu.exec(phrase.text)
  if (phrase.kind === 'name' && contracted) {
    const pronoun = contracted[1].toLowerCase()
    phrase = { ...phrase, kind: 'pronoun', text: pronoun, gender: pronounGender(pronoun) }
  }
  if (phrase.kind === 'name') {
    const known = findPerson(index, phrase.text, phrase.gender, position)
    // A lone capitalised word the article also writes in lower case ("Guns are…") is no name.
    const lone = !phrase.text.includes(' ') && !phrase.organisation
    const word = phrase.text.toLowerCase().replace(/['’](?:s|m|re|ve|ll|d)$/u, '')
    if (!known && lone && (NOT_NAMES.has(word) || usedInLowerCase(phrase.text, position))) {
      return { person: null, speaker: null, role: null }
    }
    const person = known ?? addPerson(index, phrase, position)
    if (known) {
      if (phrase.text !== known.name) known.aliases.add(phrase.text)
      if (!known.role && phrase.role) known.role = phrase.role
      mentionPerson(index, known, position)
    }
    return { person, speaker: person.name, role: phrase.role ?? person.role }
  }
  if (phrase.kind === 'pronoun') {
    if (phrase.text === 'i' || phrase.text === 'we')
      return { person: null, speaker: null, role: null }
    const plural = phrase.text === 'they' || phrase.text === 'it'
    const person = resolvePronoun(index, phrase.gender, plural, position)
    if (!person) return { person: null, speaker: null, role: phrase.role }
    if (!person.gender && phrase.gender) person.gender = phrase.gender
    mentionPerson(index, person, position)
    return { person, speaker: person.name, role: person.role }
  }
  const roleNoun = ROLE_NOUN.exec(phrase.text)
  if (roleNoun) {
    const best = resolveDescription(index, roleNoun[1].toLowerCase(), position)
    if (best) {
      mentionPerson(index, best, position)
      return { person: best, speaker: best.name, role: best.role }
    }
    // "Santangelo was furious. ‘…,’ the Dunmere boss said.": the subject just before is meant.
    const head = roleNoun[1].toLowerCase().split(' ').pop() ?? ''
    const gender = nounGender(head)
    if (subject && isPersonNoun(head) && (!gender || !subject.gender || gender === subject.gender))
      return resolvePhrase(index, subject, position, usedInLowerCase)
    const described = describedPerson(index, roleNoun[1].toLowerCase(), position)
    if (described) {
      mentionPerson(index, described, position)
      return { person: described, speaker: described.name, role: described.role }
    }
  }
  // "The email then adds": a description naming no one we know keeps its words, never a
  // lone determiner.
  const named = /\p{Lu}/u.test(phrase.text) && !NOT_NAMES.has(phrase.text.toLowerCase())
  return { person: null, speaker: named ? phrase.text : null, role: null }
}

function chooseCue(
  body: string,
  span: QuotedSpan,
  before: Cue | null,
  after: Cue | null
): Cue | null {
  if (!after) return before
  if (!before) return after
  if (before.introduces) return before
  // "Lee said “…,” she said": the name before beats the pronoun after.
  if (after.speaker?.kind === 'pronoun' && before.speaker?.kind === 'name') return before
  const last = body[span.end - 1]
  return last === ',' || last === '.' || last === '?' || last === '!' || last === '—'
    ? after
    : before
}

/**
 * Finds every direct quote in `body` with its speaker, role, venue and kind. Quotes whose speaker
 * cannot be established get `speaker: null`; quotes with unbalanced marks get a lower confidence.
 */
export function attributeQuotes(body: string, options: AttributeOptions = {}): QuoteAnalysis {
  const scan = findQuotedSpans(body)
  const firstBreak = body.indexOf('\n')
  const singles = singlesArePrimary(scan.spans, firstBreak < 0 ? 0 : firstBreak)
  const boilerplate = options.boilerplate ?? []
  const mayHoldTags = body.includes('<')
  const candidates = scan.spans.filter(
    (span) =>
      span.depth === 0 &&
      (span.family === 'double' || singles) &&
      !isMarkup(body, span, mayHoldTags) &&
      !boilerplate.some((b) => span.start < b.end && span.end > b.start)
  )
  const starts = paragraphStarts(body)
  const lines = textLineNumbers(body, starts)
  const quoted = (position: number): boolean => {
    let low = 0
    let high = candidates.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const span = candidates[middle]
      if (position < span.start) high = middle - 1
      else if (position >= span.end) low = middle + 1
      else return true
    }
    return false
  }
  const index = createSpeakerIndex()
  indexNames(body, index, quoted, isSpeechVerb)
  const usedInLowerCase = lowerCaseUse(body)

  const attributed: Attributed[] = []
  let sentenceEnd: { cue: Cue | null; end: number } | null = null
  for (let k = 0; k < candidates.length; k++) {
    const span = candidates[k]
    const openAt = span.openMark >= 0 ? span.openMark : span.start
    const closeAt = span.closeMark >= 0 ? span.closeMark + 1 : span.end
    const paragraph = paragraphOf(starts, openAt)
    const previous = attributed[attributed.length - 1]
    const previousSpan = k > 0 ? candidates[k - 1] : null
    const nextSpan = k + 1 < candidates.length ? candidates[k + 1] : null
    const paragraphStart = starts[paragraph]
    const lastParagraphEnd = paragraphEnd(body, starts, closeAt)
    let preFrom = paragraphStart
    if (previousSpan && previousSpan.end > paragraphStart) {
      preFrom = Math.max(
        preFrom,
        previousSpan.closeMark >= 0 ? previousSpan.closeMark + 1 : previousSpan.end
      )
    }
    let postTo = lastParagraphEnd
    if (nextSpan && nextSpan.start < lastParagraphEnd) {
      postTo = Math.min(postTo, nextSpan.openMark >= 0 ? nextSpan.openMark : nextSpan.start)
    }
    const before = cueBefore(body, preFrom, openAt)
    let after = closeAt < postTo ? cueAfter(body, closeAt, postTo) : null
    const lastChar = body[span.end - 1]
    if (after && lastChar === '.' && /^\s*\p{Lu}/u.test(body.slice(closeAt, closeAt + 3)))
      after = null
    if (after && (lastChar === '?' || lastChar === '!') && after.position - closeAt > 40)
      after = null
    const signature = signatureCue(body, closeAt)
    let cue = signature ?? chooseCue(body, span, before, after)
    let carried = false
    if (
      !cue &&
      previous &&
      previous.lastParagraph === paragraph &&
      (previous.speaker || previous.unnamed)
    ) {
      carried = true
    }
    const opensParagraph = !hasText(body, paragraphStart, openAt)
    if (!cue && !carried && opensParagraph && paragraph > 0) {
      const previousEnd = paragraphStart - 1
      let p = paragraph - 1
      while (p > 0 && !hasText(body, starts[p], previousEnd)) p--
      const text = body.slice(starts[p], previousEnd).trimEnd()
      if (text.endsWith(':')) {
        const introduction = cueBefore(body, starts[p], starts[p] + text.length)
        if (introduction) cue = { ...introduction, introduces: true }
      }
      // "Lee said the region would not be abandoned.¶“That is because…”": a paragraph of
      // reported speech with no quote of its own hands its speaker to the quote after it.
      if (!cue && text.endsWith('.') && (!previous || previous.lastParagraph < p)) {
        const reported = cueBefore(body, starts[p], starts[p] + text.length - 1)
        if (reported?.speaker?.kind === 'name') cue = reported
      }
      if (
        !cue &&
        previous &&
        previous.speaker &&
        lines[paragraph] - lines[previous.lastParagraph] <= 3
      ) {
        carried = true
      }
    }
    if (!cue && !carried && postTo < lastParagraphEnd) {
      if (!sentenceEnd || closeAt >= sentenceEnd.end) {
        sentenceEnd = sentenceEndCue(body, closeAt, lastParagraphEnd)
      }
      cue = sentenceEnd.cue
    }
    if (!cue && !carried && !opensParagraph) cue = previousSentenceCue(body, preFrom, openAt)
    if (!cue && !carried && !opensParagraph) {
      const subject = subjectCue(body, preFrom, openAt)
      if (subject) cue = subject
    }
    let person: Person | null = null
    let speaker: string | null = null
    let role: string | null = null
    let unnamed = false
    if (cue && cue.speaker) {
      const before = previousSubject(index, body, cue, openAt, starts[paragraph])
      const generic = cue.speaker.kind === 'generic'
      const antecedent = generic ? undefined : (cue.antecedent ?? before)
      const phrase =
        antecedent && (!antecedent.gender || antecedent.gender === cue.speaker.gender)
          ? antecedent
          : cue.speaker
      // An unnamed person just before ("One nurse … said") is no one to name.
      let resolved =
        antecedent?.kind === 'generic'
          ? { person: null, speaker: null, role: null }
          : resolvePhrase(
              index,
              phrase,
              cue.position,
              usedInLowerCase,
              generic ? before : undefined
            )
      if (!resolved.speaker && phrase !== cue.speaker && antecedent?.kind !== 'generic')
        resolved = resolvePhrase(index, cue.speaker, cue.position, usedInLowerCase)
      person = resolved.person
      speaker = resolved.speaker
      role = resolved.role
      unnamed = antecedent?.kind === 'generic'
    } else if (carried && previous) {
      person = previous.person
      speaker = previous.speaker
      role = previous.role
      unnamed = previous.unnamed
      if (person) mentionPerson(index, person, openAt)
    }
    attributed.push({
      span,
      cue,
      person,
      speaker,
      role,
      carried,
      unnamed,
      paragraph,
      lastParagraph: paragraphOf(starts, closeAt - 1)
    })
  }

  const quotes: QuoteProposal[] = []
  const speakers = new Map<Person, SpeakerProposal>()
  for (const item of attributed) {
    const { span, cue } = item
    if (looksLikeTitle(body, span) && !(cue && cue.place === 'before' && cue.introduces)) continue
    const spoken = (cue !== null && cue.verb !== '') || item.carried
    if (!spoken && looksLikeShortName(body, span)) continue
    let confidence = cue ? (item.speaker ? 0.9 : 0.6) : item.carried ? 0.7 : 0.4
    if (cue?.speaker?.kind === 'pronoun') confidence -= 0.1
    if (!span.balanced) confidence *= 0.6
    const previousQuote = quotes[quotes.length - 1]
    quotes.push({
      start: span.start,
      end: span.end,
      text: body.slice(span.start, span.end),
      speaker: item.speaker,
      role: item.role,
      venue: cue?.venue ?? null,
      kind: continuesSplitQuote(body, previousQuote, span) ? 'direct' : quoteKind(body, span),
      confidence: Math.round(confidence * 100) / 100
    })
    if (item.person && !speakers.has(item.person)) {
      const described = describePerson(item.person)
      speakers.set(item.person, {
        name: described.name,
        aliases: described.aliases,
        role: described.role
      })
    }
  }
  return { quotes, speakers: [...speakers.values()], warnings: scan.warnings }
}

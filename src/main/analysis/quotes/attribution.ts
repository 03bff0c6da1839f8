import {
  isOrganisationWord,
  isPersonNoun,
  readSpeakerPhrase,
  isPronoun,
  ROLE_WORDS,
  type SpeakerPhrase
} from './speakers'
import { knownOrganisation } from '../entity-words'
import { agencyOutlet } from '../outlets'
import { firstSentenceEnd, isCapitalised, lastSentenceStart, tokenize, type Token } from './tokens'

/** Where the words that attribute a quote stand. */
export type CuePlace = 'before' | 'after'

/** The speech verb and speaker phrase that attribute a quote, and where it was said. */
export interface Cue {
  speaker: SpeakerPhrase | null
  verb: string
  place: CuePlace
  venue: string | null
  /** Offset of the cue's verb. */
  position: number
  /** The cue sits in the sentence that ends with a colon right before the quote. */
  introduces: boolean
  /**
   * For a pronoun speaker, the named subject of its sentence before it ("Lee said that he would
   * welcome …"), which the pronoun most likely refers to.
   */
  antecedent?: SpeakerPhrase
}

const SPEECH_LEMMAS = (
  'say tell add ask write tweet post state explain continue note argue claim insist declare ' +
  'announce warn recall remark reply respond answer suggest acknowledge admit concede observe joke ' +
  'quip shout yell exclaim caution predict promise vow pledge boast complain lament charge contend ' +
  'counter retort emphasize emphasise stress reiterate maintain conclude urge call describe dub label ' +
  'report muse testify confirm deny read sing chant whisper recount agree protest object wonder ' +
  'demand thunder scoff snap laugh sigh accuse criticize criticise praise blast slam mock tout hail ' +
  'characterize refer term proclaim assert allege opine interject interrupt begin start concede ' +
  'advise inform text email mention cite quote brag question implore plead beg press repeat ' +
  'elaborate summarize offer chime weigh thank tease lash fire cry echo reason counsel estimate ' +
  'speculate surmise gush rave rail rant grumble huff snipe sneer taunt joke jest fret worry ' +
  'confide disclose reveal explain clarify recollect remember comment point put insist ' +
  'announce acknowledge reassure assure remind suggest hint predict pronounce decree order direct ' +
  'instruct greet welcome introduce write scrawl type post share retweet tweet message blog publish ' +
  'air broadcast telecast conclude sum wrap close open preface'
).split(' ')

const IRREGULAR_SPEECH = (
  'said says saying told telling wrote written writing began begun sang sung read ' + 'according'
).split(' ')

function inflections(lemma: string): string[] {
  const forms = [lemma]
  const consonantY = /[^aeiou]y$/.test(lemma)
  forms.push(
    consonantY
      ? lemma.slice(0, -1) + 'ies'
      : /(s|sh|ch|x|z)$/.test(lemma)
        ? lemma + 'es'
        : lemma + 's'
  )
  if (lemma.endsWith('e')) forms.push(lemma + 'd', lemma.slice(0, -1) + 'ing')
  else if (consonantY) forms.push(lemma.slice(0, -1) + 'ied', lemma + 'ing')
  else if (
    /^(quip|snap|dub|slam|chat|scrap|stop|plan|ban|beg|jab|rap|admit|refer|fret|blog|sum|commit|omit|prefer|regret|jot)$/.test(
      lemma
    )
  ) {
    const last = lemma[lemma.length - 1]
    forms.push(lemma + last + 'ed', lemma + last + 'ing')
  } else forms.push(lemma + 'ed', lemma + 'ing')
  return forms
}

const LEMMAS = new Set(SPEECH_LEMMAS)

/** Speech verbs that are also nouns, whose plural reads as a verb ("orders", "remarks"). */
const DOUBLE_NOUNS = new Set(
  (
    'order call report remark comment claim post tweet answer question demand promise pledge ' +
    'charge quote text email message joke boast complaint warning statement cry echo'
  ).split(' ')
)

/** Words after which a bare speech verb is a verb: "to say", "will answer", "did not post". */
const BARE_VERB_LEADS = new Set(
  'to will would can could may might must shall should do does did not never also and or then'.split(
    ' '
  )
)

/** Things that say something: "the ad claims", "the complaint charges". */
const SAYING_THINGS = new Set(
  (
    'ad ads complaint lawsuit petition filing release video website site book article story ' +
    'editorial column analysis ruling order motion brief indictment'
  ).split(' ')
)

/** True for "the ad" and "the memo" at token `k`: a saying thing after a determiner. */
function isSayingSubject(tokens: Token[], k: number): boolean {
  const noun = tokens[k].text.toLowerCase()
  const determiner = tokens[k - 1]
  return (
    (SAYING_THINGS.has(noun) || GENERIC_NOUNS.has(noun)) &&
    determiner !== undefined &&
    /^(?:the|a|an|this|that|its|his|her|their)$/i.test(determiner.text)
  )
}

const NOUN_COMPANIONS = new Set(
  'release conference corps card center centre line box pass'.split(' ')
)

const SPEECH_VERBS = new Set([...SPEECH_LEMMAS.flatMap(inflections), ...IRREGULAR_SPEECH])

const SKIPPABLE = new Set(
  (
    'also later then has had have would will could did does do once again previously recently ' +
    'first further simply only just flatly bluntly even still often frequently repeatedly ' +
    'reportedly allegedly apparently publicly privately quickly famously memorably ' +
    'on last this that earlier today yesterday tonight morning afternoon evening night week weekend ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june ' +
    'july august september october november december month year in at told not never is was were ' +
    'been be being however meanwhile instead too though'
  ).split(' ')
)

const GENERIC_NOUNS = new Set(
  (
    'official officials aide aides source sources adviser advisers advisor advisors spokesman ' +
    'spokeswoman spokesperson campaign statement report supporters supporter critics critic experts ' +
    'expert people voters voter analysts analyst authorities police prosecutors prosecutors lawyers ' +
    'lawyer attorney attorneys administration government memo letter email document documents ' +
    'study poll survey group organization spokespeople representatives representative staff ' +
    'staffer staffers members member leaders leader protesters protester residents resident ' +
    'investigators observers insiders allies ally friends friend colleagues colleague ' +
    'minister senator governor president secretary chairman chief director reporters commentators ' +
    'candidate nominee congressman congresswoman mayor judge'
  ).split(' ')
)

const VENUE_NOUNS =
  'statement|interview|address|speech|remarks|op-ed|op-ed piece|column|essay|email|e-mail|letter|' +
  'tweet|post|video|briefing|hearing|debate|rally|press conference|news conference|conference call|' +
  'podcast|broadcast|appearance|memo|town hall|event|book|blog post|message|testimony|radio interview|' +
  'television interview|phone interview|conversation|call|news release|press release|filing|report|' +
  'documentary|sermon|lecture|summit|meeting|session'

const VENUE_IN = new RegExp(
  `\\b(?:[Ii]n|[Dd]uring|[Aa]t|[Oo]n)\\s+((?:a|an|the|his|her|their|its|this|that)\\s+(?:[\\p{L}’'\\-]+\\s+){0,3}(?:${VENUE_NOUNS}))\\b(\\s+(?:with|on|to|for|at)\\s+(?:(?:the|The)\\s+)?\\p{Lu}[\\p{L}’'.\\-]*(?:\\s+\\p{Lu}[\\p{L}’'.\\-]*){0,3})?`,
  'u'
)
const DAY_OR_MONTH =
  /^\s+\w+\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/
const VENUE_ON =
  /\b(?:on|to|in)\s+((?:Twitter|Facebook|Instagram|X|YouTube|TikTok|Truth Social|Telegram|Sky News|Fox News|CNN|MSNBC|NBC|ABC|CBS|BBC|NPR|Radio \d|LBC|Channel \d)(?:[’']s\s+[“"‘]?\p{Lu}[\p{L}’' ]{0,40}[”"’]?)?)/u
const VENUE_TOLD =
  /\btold\s+((?:The\s+|the\s+)?\p{Lu}[\p{L}’'.\-]*(?:\s+\p{Lu}[\p{L}’'.\-]*){0,4})/u

/** True for the nouns a description of a source usually has ("official", "aide", "report"). */
export function isGenericNoun(word: string): boolean {
  return GENERIC_NOUNS.has(word)
}

/** True for said, told, added and the other verbs that report speech. */
export function isSpeechVerb(word: string): boolean {
  return !isCapitalised(word) && SPEECH_VERBS.has(word)
}

const DETERMINERS = new Set(
  'the a an his her their its this that these those my our your whose such no any every'.split(' ')
)

/**
 * True when token `v` reports speech here: a speech verb not used as a noun, as in "Clinton’s
 * remarks", "the statement" or "his posts".
 */
function isSpeechVerbAt(tokens: Token[], v: number): boolean {
  const word = tokens[v].text
  if (isPhrasalSpeech(tokens, v)) return true
  if (!isSpeechVerb(word)) return false
  if (word.endsWith('ed') || word === 'said' || word === 'told' || word === 'wrote') return true
  const next = tokens[v + 1]
  // "press secretary", "call center", "report card": a bare verb before a noun modifies it.
  if (
    LEMMAS.has(word) &&
    next?.word &&
    (ROLE_WORDS.has(next.text.toLowerCase()) ||
      GENERIC_NOUNS.has(next.text.toLowerCase()) ||
      NOUN_COMPANIONS.has(next.text.toLowerCase()))
  )
    return false
  const previous = tokens[v - 1]
  if (!previous) return true
  // "executive orders", "news reports": a lower-case word before a plural noun; but in "the ad
  // claims" the word is a noun that says something.
  if (
    DOUBLE_NOUNS.has(word.replace(/s$/, '')) &&
    word.endsWith('s') &&
    previous.word &&
    /^\p{Ll}/u.test(previous.text) &&
    !isPronoun(previous.text) &&
    !isSayingSubject(tokens, v - 1)
  )
    return false
  // "30% of Westfield claims", "the Senate reports": a plural noun after a modifier that follows
  // "of" or an article.
  const twoBack = tokens[v - 2]
  if (
    DOUBLE_NOUNS.has(word.replace(/s$/, '')) &&
    word.endsWith('s') &&
    previous.word &&
    twoBack?.word &&
    (twoBack.text === 'of' || DETERMINERS.has(twoBack.text.toLowerCase())) &&
    !isSayingSubject(tokens, v - 1)
  )
    return false
  // "a blunt radio message:": a bare verb after a lower-case word that is no pronoun, modal or
  // "to" is a noun; "they say" and "will answer" stay verbs.
  if (
    LEMMAS.has(word) &&
    DOUBLE_NOUNS.has(word) &&
    previous.word &&
    /^\p{Ll}+$/u.test(previous.text) &&
    !isPronoun(previous.text) &&
    !BARE_VERB_LEADS.has(previous.text) &&
    !previous.text.endsWith('ly')
  )
    return false
  if (previous.word && DETERMINERS.has(previous.text.toLowerCase())) return false
  return !/^[\p{L}\p{N}]+(?:['’]s|s['’])$/u.test(previous.text)
}

const PHRASAL_VERBS = new Set('went shot fired hit struck snapped pushed pressed pushes'.split(' '))

/**
 * True for a verb that reports speech only with its particle: "went on", "shot back", "fired
 * back"; "went on to win" reports nothing.
 */
function isPhrasalSpeech(tokens: Token[], v: number): boolean {
  if (!PHRASAL_VERBS.has(tokens[v].text)) return false
  const particle = tokens[v + 1]?.text
  if (particle !== 'on' && particle !== 'back') return false
  const after = tokens[v + 2]
  return !after || !/^(to|the|a|an|his|her|their|its)$/i.test(after.text)
}

/**
 * True when the words after "told" name a person ("told Sowerby", "told Ann Lee") rather than an
 * outlet or a body ("told The Times", "told Reuters", "told MPs", "told the BBC").
 */
function namesPerson(words: string[]): boolean {
  if (words.length === 0 || words.length > 3 || /^the$/i.test(words[0])) return false
  const phrase = words.join(' ')
  if (knownOrganisation(phrase) !== null || agencyOutlet(phrase) !== null) return false
  return words.every(
    (w) => /^\p{Lu}\p{Ll}[\p{L}’'.-]*$/u.test(w) && !isOrganisationWord(w.replace(/['’]s?$/u, ''))
  )
}

/** Finds where a quote was said ("a press conference", "The Times", "an interview with CNN"). */
export function findVenue(clause: string): string | null {
  const told = VENUE_TOLD.exec(clause)
  const tokens = told ? told[1].split(/\s+/) : []
  if (told && !(tokens.length === 1 && isPronoun(tokens[0])) && !namesPerson(tokens)) {
    const first = tokens[0]
    if (!/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|I)$/.test(first))
      return told[1]
  }
  const inside = VENUE_IN.exec(clause)
  if (inside) {
    const suffix = inside[2] && !DAY_OR_MONTH.test(inside[2]) ? inside[2] : ''
    return (inside[1] + suffix).replace(/^(?:his|her|their|its|this|that)\s/u, 'a ')
  }
  const on = VENUE_ON.exec(clause)
  if (on) return on[1].replace(/[“”"‘’]/gu, '')
  return null
}

function isTimeOrAdverb(token: Token): boolean {
  const lower = token.text.toLowerCase()
  if (SKIPPABLE.has(lower)) return true
  return token.word && !isCapitalised(token.text) && lower.endsWith('ly') && lower.length > 4
}

const MODIFIER_NOUN = /^\p{Ll}{4,}$/u

/** Lower-case words that can sit inside a speaker phrase: "Ann de Lee", "top aide", "campaign". */
const PHRASE_PARTICLES = new Set('de van von der da al bin la le del top campaign'.split(' '))

function isPhraseWord(token: Token, next: Token | undefined): boolean {
  if (!token.word) return token.text === '-' || token.text === '&'
  const lower = token.text.toLowerCase()
  if (isCapitalised(token.text)) return true
  if (/['’]s$/u.test(token.text)) return true
  // "1st Lt. Ann Lee"
  if (/^\d+(?:st|nd|rd|th)$/.test(lower)) return next !== undefined && isCapitalised(next.text)
  if (ROLE_WORDS.has(lower) || GENERIC_NOUNS.has(lower) || SAYING_THINGS.has(lower)) return true
  if (lower === 'of' || lower === 'for') return next !== undefined && isCapitalised(next.text)
  // "portfolio manager", "field director": a noun that makes a role with the next word.
  if (
    next?.word &&
    ROLE_WORDS.has(next.text) &&
    !isSpeechVerb(next.text) &&
    MODIFIER_NOUN.test(lower) &&
    !SKIPPABLE.has(lower)
  )
    return !isSpeechVerb(lower) && !DETERMINERS.has(lower)
  return PHRASE_PARTICLES.has(lower)
}

const OPENING_WORDS = new Set(
  (
    'While But And When As If After Since Because Although Though So Yet Then Now Still Once ' +
    'Before Until Unless Whether Where Even Also Meanwhile However'
  ).split(' ')
)

/** Reads the speaker phrase that ends just before token `verb`, looking no further back than `low`. */
export function speakerBefore(tokens: Token[], verb: number, low: number): SpeakerPhrase | null {
  let k = verb - 1
  let skipped = 0
  while (k >= low && skipped < 5 && isTimeOrAdverb(tokens[k])) {
    k--
    skipped++
  }
  // "Gov. Ann Lee (D-Ohio), said": a party tag set off by a comma is no apposition.
  if (k > low && tokens[k].text === ',' && tokens[k - 1].text === ')') k--
  if (k >= low && tokens[k].text === ')') {
    let j = k - 1
    while (j >= low && j > k - 12 && tokens[j].text !== '(') j--
    if (j >= low && tokens[j].text === '(') k = j - 1
  }
  let apposition: string | null = null
  let appositionTokens: Token[] = []
  const initial = initialName(tokens, low, verb)
  if (initial && k >= low && tokens[k].text === ',') return initial
  if (k >= low && tokens[k].text === ',') {
    let j = k - 1
    while (j >= low && j > k - 20 && tokens[j].text !== ',') j--
    if (j > low && tokens[j].text === ',' && k - j > 1) {
      appositionTokens = tokens.slice(j + 1, k)
      if (appositionTokens.length <= 3 && appositionTokens.every((t) => isCapitalised(t.text))) {
        const resident = nameBeforePlace(tokens, j, low)
        if (resident) return resident
      }
      apposition = appositionTokens.map((t) => t.text).join(' ')
      k = j - 1
      // "Rep. Ann Lee (R-Ohio), a panel member, said": the party tag before the apposition.
      if (k >= low && tokens[k].text === ')') {
        let m = k - 1
        while (m >= low && m > k - 12 && tokens[m].text !== '(') m--
        if (m >= low && tokens[m].text === '(') k = m - 1
      }
    } else {
      return null
    }
  }
  if (k < low) return null
  if (tokens[k].word && isPronoun(tokens[k].text)) {
    return readSpeakerPhrase([tokens[k]], apposition)
  }
  const end = k
  while (k >= low && end - k < 10 && isPhraseWord(tokens[k], tokens[k + 1])) k--
  k = organisationWithAnd(tokens, k, low)
  // "Mr. Lund of the River Trust said": the name goes on before "of the".
  while (
    k - 2 >= low &&
    k < end &&
    tokens[k].text === 'the' &&
    /^(?:of|for|at)$/.test(tokens[k - 1].text) &&
    isCapitalised(tokens[k - 2].text)
  ) {
    k -= 2
    while (k >= low && end - k < 14 && isPhraseWord(tokens[k], tokens[k + 1])) k--
  }
  if (k >= low && /^(the|a|an)$/i.test(tokens[k].text) && k < end) k--
  // "While Lee admitted …", "But Lee said …": a capitalised opening word is no part of the name.
  while (k + 1 < end && OPENING_WORDS.has(tokens[k + 1].text)) k++
  if (k === end) {
    // "Another delegate on the slate, Jim Pole, said": the description before the name is no name.
    const inner = describedName(tokens, low, k, appositionTokens)
    return initial ?? inner ?? plainDescription(tokens, low, end)
  }
  if (!apposition && end - k <= 3) {
    const resident = nameBeforePlace(tokens, k, low)
    if (resident) return resident
  }
  const phrase = readSpeakerPhrase(tokens.slice(k + 1, end + 1), cleanApposition(apposition))
  if (initial && (!phrase || phrase.kind !== 'name' || phrase.organisation)) return initial
  if (appositionTokens.length > 0) {
    const inner = readSpeakerPhrase(appositionTokens, phrase?.text ?? null)
    const first = inner?.text.split(' ')[0]
    const at = appositionTokens.findIndex((t) => t.text === first)
    // "Republican of West Virginia" names a place, not a person.
    const placed = at > 0 && /^(of|from|in|at)$/.test(appositionTokens[at - 1].text)
    const innerIsPerson =
      inner && inner.kind === 'name' && !inner.organisation && inner.text.includes(' ') && !placed
    const outerIsPerson = phrase && phrase.kind === 'name' && !phrase.organisation
    if (innerIsPerson && (!outerIsPerson || !phrase.text.includes(' ') || k + 1 > low)) return inner
    if (inner && inner.kind === 'name' && (!phrase || phrase.kind !== 'name')) return inner
  }
  return phrase
}

const DESCRIPTION_LEADS = new Set('another the a an his her their its our my one some'.split(' '))

/**
 * The name set off after a description that ends at `end` ("Another delegate on the slate, Jim
 * Pole,"), or null unless the description opens with a determiner or a possessive and the
 * apposition is a whole name and nothing else.
 */
function describedName(
  tokens: Token[],
  low: number,
  end: number,
  apposition: Token[]
): SpeakerPhrase | null {
  if (apposition.length < 2 || apposition.length > 5) return null
  if (!apposition.every((t) => isCapitalised(t.text) || t.text === '.')) return null
  let first = end
  while (first > low && tokens[first - 1].text !== ',') first--
  const lead = tokens[first]
  const possessive = /['’]s?$/u.test(tokens[first + 1]?.text ?? '') || /['’]s$/u.test(lead.text)
  if (!DESCRIPTION_LEADS.has(lead.text.toLowerCase()) && !possessive) return null
  const name = readSpeakerPhrase(apposition, null)
  if (name?.kind !== 'name' || name.organisation || !name.text.includes(' ')) return null
  // "Its regional organiser, Gareth Pryce," gives the role "regional organiser".
  const described = tokens.slice(
    DESCRIPTION_LEADS.has(lead.text.toLowerCase()) ? first + 1 : first,
    end + 1
  )
  const role = described.map((t) => t.text).join(' ')
  return { ...name, role: name.role ?? (role || null) }
}

/**
 * "The Department of Health and Social Care said": where a phrase read back to `k` stops at an
 * "and" inside an organisation's name ("Department of …"), the index before that name's start.
 */
function organisationWithAnd(tokens: Token[], k: number, low: number): number {
  if (k - 1 < low || !/^(?:and|&)$/.test(tokens[k].text) || !isCapitalised(tokens[k - 1].text))
    return k
  for (let j = k - 2; j >= low && k - j <= 5; j--) {
    if (tokens[j].text !== 'of') continue
    const head = tokens[j - 1]
    if (j - 1 >= low && head && isOrganisationWord(head.text)) {
      let start = j - 2
      while (start >= low && isCapitalised(tokens[start].text) && j - start < 6) start--
      return start
    }
    return k
  }
  return k
}

/**
 * "the grandad said", "the retired postman said": "the" and one or two lower-case words before a
 * speech verb describe the speaker, even in words no list holds.
 */
function plainDescription(tokens: Token[], low: number, end: number): SpeakerPhrase | null {
  for (let the = end - 1; the >= low && the >= end - 2; the--) {
    if (!/^the$/i.test(tokens[the].text)) continue
    const words = tokens.slice(the + 1, end + 1)
    if (!words.every((t) => t.word && /^[\p{Ll}\d][\p{L}\d-]*$/u.test(t.text))) return null
    if (words.some((t) => isSpeechVerb(t.text) || DETERMINERS.has(t.text))) return null
    if (!isPersonNoun(words[words.length - 1].text)) return null
    return readSpeakerPhrase(tokens.slice(the, end + 1), null)
  }
  return null
}

/**
 * The person before a place written "Town, State": in "Ann Lee of Ames, Iowa says" the phrase
 * before the verb is the state; `comma` is the comma after the town.
 */
function nameBeforePlace(tokens: Token[], comma: number, low: number): SpeakerPhrase | null {
  if (comma <= low || tokens[comma].text !== ',') return null
  let j = comma - 1
  while (j >= low && comma - j <= 3 && tokens[j].word && isCapitalised(tokens[j].text)) j--
  if (j === comma - 1 || j < low || !/^(of|from)$/.test(tokens[j].text)) return null
  const end = j - 1
  let i = end
  while (i >= low && end - i < 6 && tokens[i].word && isCapitalised(tokens[i].text)) i--
  if (i === end) return null
  const phrase = readSpeakerPhrase(tokens.slice(i + 1, end + 1), null)
  return phrase && phrase.kind === 'name' && !phrase.organisation ? phrase : null
}

/**
 * A person named at the start of the clause and set off by a comma, as in "Dean Cole, a farmer
 * from Ames, Iowa, says" or "Ann Lee, head of the county party said": the subject of `verb`.
 */
function initialName(tokens: Token[], low: number, verb: number): SpeakerPhrase | null {
  let k = low
  while (k < verb && !tokens[k].word) k++
  const from = k
  while (k < verb && k - from < 8 && isPhraseWord(tokens[k], tokens[k + 1])) k++
  if (k === from || k >= verb - 1 || tokens[k].text !== ',') return null
  for (let j = k + 1; j < verb; j++) {
    if (tokens[j].word && (isSpeechVerbAt(tokens, j) || tokens[j].text.toLowerCase() === 'but'))
      return null
  }
  let j = k + 1
  while (j < verb && tokens[j].text !== ',') j++
  // "The Conservative MP for Wealdhurst, Simon Grant, said": a description, then the name.
  const described = describedName(tokens, from, k - 1, tokens.slice(k + 1, j))
  if (described) {
    const role = tokens
      .slice(from, k)
      .filter((t, n) => n > 0 || !/^(?:the|a|an)$/i.test(t.text))
      .map((t) => t.text)
      .join(' ')
    return { ...described, role: described.role ?? role }
  }
  const phrase = personBeforeOf(tokens, from, k) ?? readSpeakerPhrase(tokens.slice(from, k), null)
  if (!phrase || phrase.kind !== 'name' || phrase.organisation) return null
  const role = cleanApposition(
    tokens
      .slice(k + 1, j)
      .map((t) => t.text)
      .join(' ')
  )
  return phrase.role || !role ? phrase : { ...phrase, role }
}

/** "Ann Lee of Ames": the person's name without the town, when the words before "of" are one. */
function personBeforeOf(tokens: Token[], from: number, to: number): SpeakerPhrase | null {
  const of = tokens.findIndex((t, i) => i > from + 1 && i < to && t.text === 'of')
  if (of < 0) return null
  const phrase = readSpeakerPhrase(tokens.slice(from, of), null)
  return phrase && phrase.kind === 'name' && !phrase.organisation && phrase.text.includes(' ')
    ? phrase
    : null
}

function cleanApposition(text: string | null): string | null {
  if (!text) return null
  const cleaned = text.replace(/^(?:the|a|an)\s+/i, '').replace(/\s+’\s*s\b/gu, '’s')
  if (/^(who|which|that|whose|when|where|while|after|before|as|in|on|at)\b/i.test(cleaned))
    return null
  return cleaned.length > 0 && cleaned.length < 80 ? cleaned : null
}

/**
 * The speaker of an inverted cue before a quote ("said Boris Johnson: …", "added the minister,
 * …"): the phrase must be set off by punctuation, so "urged voters to …" names no speaker.
 */
function invertedSpeaker(tokens: Token[], from: number): SpeakerPhrase | null {
  const phrase = speakerAfter(tokens, from, tokens.length)
  if (!phrase) return null
  let k = from
  while (k < tokens.length && tokens[k].start < phrase.end) k++
  const next = tokens[k]
  return next && /^[,:(—–-]$/u.test(next.text) ? phrase : null
}

/** A lower-case word that can describe a role: "political", "consultant", "economic". */
function isDescriptiveWord(token: Token): boolean {
  if (!token.word || !/^\p{Ll}+(?:-\p{Ll}+)*$/u.test(token.text)) return false
  const lower = token.text
  if (ROLE_WORDS.has(lower) || GENERIC_NOUNS.has(lower)) return true
  // "ranking Democrat", "steel-industry executive", "longtime aide"
  return !isSpeechVerb(lower) && /(?:al|ic|ist|ant|er|or|ive|ian|ing|time|-\p{Ll}+)$/u.test(lower)
}

/** Reads the speaker phrase that starts at token `from` ("said Boris Johnson, the prime minister"). */
export function speakerAfter(tokens: Token[], from: number, high: number): SpeakerPhrase | null {
  if (from < high && tokens[from].text === 'to') from++
  let k = from
  if (k < high && tokens[k].word && isPronoun(tokens[k].text)) {
    return readSpeakerPhrase([tokens[k]], null)
  }
  if (k < high && /^(the|a|an)$/i.test(tokens[k].text)) k++
  while (k < high && k - from < 10 && isPhraseWord(tokens[k], tokens[k + 1])) k++
  // "said Ohio political consultant Ann Lee": a role, described, before a name.
  let gap = k
  while (gap < high && gap - k < 4 && isDescriptiveWord(tokens[gap])) gap++
  if (k > from && gap > k && gap < high && isCapitalised(tokens[gap].text)) {
    const head = readSpeakerPhrase(tokens.slice(from, k), null)
    let name = gap
    while (name < high && tokens[name].word && isCapitalised(tokens[name].text)) name++
    // "said Acme Polls researcher Ann Lee": a full name after the role is the speaker.
    if (head && (head.kind === 'generic' || head.organisation || name - gap >= 2)) {
      k = gap
      while (k < high && k - from < 14 && isPhraseWord(tokens[k], tokens[k + 1])) k++
    }
  }
  if (k === from) return null
  let apposition: string | null = null
  if (k < high - 1 && tokens[k].text === ',') {
    let j = k + 1
    while (j < high && j - k < 16 && tokens[j].text !== ',' && tokens[j].text !== '.') j++
    apposition = cleanApposition(
      tokens
        .slice(k + 1, j)
        .map((t) => t.text)
        .join(' ')
    )
  }
  return readSpeakerPhrase(tokens.slice(from, k), apposition)
}

/** The cue after a quote: `, Trump said.`, `, said Trump.`, `, Trump, the nominee, told CNN.` */
export function cueAfter(text: string, from: number, to: number): Cue | null {
  const end = firstSentenceEnd(text, from, to)
  const tokens = tokenize(text, from, end)
  let low = 0
  while (low < tokens.length && !tokens[low].word && tokens[low].text !== '(') low++
  // "…,” as Ann Lee said on Monday."
  if (low < tokens.length - 2 && tokens[low].text === 'as') low++
  if (low >= tokens.length) return null
  const found = cueInTail(text, from, end, tokens, low)
  return found ?? closingClauseCue(text, from, end, tokens, low)
}

const SIGNATURE_WORD = String.raw`(?:\p{Lu}[\p{L}.’'-]*|de|van|von|der|del|la|le|da|bin|al)`
/** `” ― Ann Lee` or `”¶¶– Ann Lee.`: a name signed after a dash, alone to the end of its line. */
const SIGNATURE = new RegExp(
  String.raw`^[”"’']?[^\S\n]*(?:\n[^\S\n]*){0,2}(?:[―—–]|--?)[^\S\n]*(${SIGNATURE_WORD}(?:[^\S\n]+${SIGNATURE_WORD}){0,4})[^\S\n]*[.,]?[^\S\n]*(?:\n|$)`,
  'u'
)

/**
 * The name a quote is signed with, as in a collection of readers’ views: `“…” ― Ann Lee`, or a
 * paragraph of its own after the quote, `– Ann Lee.`
 */
export function signatureCue(text: string, from: number): Cue | null {
  const match = SIGNATURE.exec(text.slice(from, from + 120))
  if (!match) return null
  const start = from + match[0].indexOf(match[1])
  const speaker = readSpeakerPhrase(tokenize(text, start, start + match[1].length), null)
  if (!speaker || speaker.kind !== 'name') return null
  return { speaker, verb: '―', place: 'after', venue: null, position: start, introduces: false }
}

const MAX_SENTENCE = 600

/**
 * The attribution that closes the sentence running on from `from`, past other quotes: in `…carry
 * “weight” and bring “firepower” to win, Ann Lee said.` both quotes are Ann Lee’s. Gives the
 * sentence’s end too, so the quotes of one sentence share one look-up.
 */
export function sentenceEndCue(
  text: string,
  from: number,
  to: number
): { cue: Cue | null; end: number } {
  // A sentence runs a few hundred characters at most; looking no further keeps this linear.
  const limit = Math.min(to, from + MAX_SENTENCE)
  const end = firstSentenceEnd(text, from, limit)
  if (end === limit && limit < to) return { cue: null, end }
  const tokens = tokenize(text, from, end)
  return { cue: closingClauseCue(text, from, end, tokens, 0), end }
}

/**
 * The attribution that closes the sentence after a quote, past other words: `…,” just as she did
 * in 2008, Lee added.` or `…” but to act, says Ann Lee, a consultant.`
 */
function closingClauseCue(
  text: string,
  from: number,
  end: number,
  tokens: Token[],
  low: number
): Cue | null {
  let last = tokens.length
  while (last > low && !tokens[last - 1].word) last--
  // Try the clauses after each of the last few commas: "…, said Ann Lee, a consultant."
  let commas = 0
  for (let comma = last - 1; comma > low && last - comma <= 30 && commas < 4; comma--) {
    if (tokens[comma].text !== ',') continue
    commas++
    const found = clauseCue(text, from, end, tokens, comma + 1, last)
    if (found) return found
  }
  // "…,” Ann Lee, wearing a “Vote Lee” badge, said.": the clause is the whole tail.
  return low === 0 && commas > 0 ? clauseCue(text, from, end, tokens, low, last, 24) : null
}

/** The cue of a clause that is only an attribution: `Lee added on Monday`, `said Ann Lee`. */
function clauseCue(
  text: string,
  from: number,
  end: number,
  tokens: Token[],
  clause: number,
  last: number,
  reach = 12
): Cue | null {
  // "…,” Ann Lee, the mayor, said.": the closing mark of a quote opens no word of the clause.
  while (clause < last && !tokens[clause].word) clause++
  for (let v = clause; v < last && v - clause < reach; v++) {
    if (!tokens[v].word || !isSpeechVerbAt(tokens, v)) continue
    const speaker =
      v === clause ? speakerAfter(tokens, v + 1, last) : speakerBefore(tokens, v, clause)
    if (!speaker || speaker.kind === 'generic') return null
    if (v > clause && speaker.start !== tokens[clause].start) return null
    return afterCue(speaker, tokens[v].text.toLowerCase(), tokens[v].start, text.slice(from, end))
  }
  return null
}

function cueInTail(
  text: string,
  from: number,
  end: number,
  tokens: Token[],
  low: number
): Cue | null {
  const limit = Math.min(tokens.length, low + 30)
  for (let v = low; v < limit; v++) {
    const token = tokens[v]
    if (!token.word) continue
    // Right after a quote, any past-tense verb next to a name reports it ("beamed Ann Lee").
    const pastTense = /^\p{Ll}+ed$/u.test(token.text) && (v === low || v <= low + 4)
    if (!isSpeechVerbAt(tokens, v) && !pastTense) continue
    if (isCapitalised(token.text) && v > low) continue
    // ", saying …" reports the subject of the sentence before the quote, not what follows.
    if (v === low && token.text.endsWith('ing')) return null
    let speaker: SpeakerPhrase | null = null
    if (v === low || (v === low + 1 && isTimeOrAdverb(tokens[low]))) {
      speaker = speakerAfter(tokens, v + 1, tokens.length)
      // "…,” beamed Ann Lee." reports speech; "…,” intended the audience to …" does not.
      if (speaker && !isSpeechVerbAt(tokens, v) && !endsClause(tokens, speaker)) speaker = null
    } else {
      speaker = speakerBefore(tokens, v, low)
      if (
        speaker &&
        speaker.start !== tokens[low].start &&
        !coversFromStart(tokens, low, speaker) &&
        !isAppositiveFromStart(tokens, low, speaker)
      ) {
        speaker = null
      }
    }
    if (!speaker) return null
    return afterCue(speaker, token.text.toLowerCase(), token.start, text.slice(from, end))
  }
  return null
}

/** True when punctuation, the end of the sentence or a home town ("of Ames") follows `phrase`. */
function endsClause(tokens: Token[], phrase: SpeakerPhrase): boolean {
  const next = tokens.findIndex((t) => t.start >= phrase.end)
  if (next < 0 || !tokens[next].word) return true
  const after = tokens[next + 1]
  return /^(?:of|from)$/.test(tokens[next].text) && after !== undefined && isCapitalised(after.text)
}

/** `…,” the mayor’s chief aide, Ann Lee, said`: the speaker is an apposition to the words before it. */
function isAppositiveFromStart(tokens: Token[], low: number, speaker: SpeakerPhrase): boolean {
  let k = low
  while (k < tokens.length && tokens[k].start < speaker.start && tokens[k].text !== ',') {
    if (!isPhraseWord(tokens[k], tokens[k + 1]) && !/^(?:the|a|an)$/i.test(tokens[k].text))
      return false
    k++
  }
  return k > low && tokens[k]?.text === ',' && tokens[k + 1]?.start === speaker.start
}

function coversFromStart(tokens: Token[], low: number, speaker: SpeakerPhrase): boolean {
  // Allow only a time phrase or an adverb between the start of the tail and the speaker.
  for (let k = low; k < tokens.length && tokens[k].start < speaker.start; k++) {
    if (!isTimeOrAdverb(tokens[k]) && tokens[k].text !== ',') return false
  }
  return true
}

/**
 * The cue before a quote, within its sentence: `Trump said:`, `according to Trump,`,
 * `Trump told The Times that the plan was`, `in a video address, he said:`.
 */
export function cueBefore(text: string, from: number, to: number): Cue | null {
  const start = lastSentenceStart(text, from, to)
  const tokens = tokenize(text, start, to)
  if (tokens.length === 0) return null
  const introduces = tokens[tokens.length - 1].text === ':'
  for (let v = tokens.length - 1; v >= 0 && v >= tokens.length - 40; v--) {
    const token = tokens[v]
    if (!token.word) continue
    const lower = token.text.toLowerCase()
    if (lower === 'according' && tokens[v + 1]?.text.toLowerCase() === 'to') {
      const speaker = speakerAfter(tokens, v + 2, tokens.length)
      if (speaker)
        return cue(
          speaker,
          'according to',
          token.start,
          text.slice(token.start, to),
          introduces,
          tokens
        )
      continue
    }
    if (tokens.length - v <= 8) {
      const owner = possessiveSpeaker(tokens, v)
      if (owner) return cue(owner, lower, token.start, text.slice(start, to), introduces, tokens)
    }
    if (!isSpeechVerbAt(tokens, v)) continue
    const participle = lower.endsWith('ing')
    // "…, with Lee telling reporters he saw it as “…”": the participle has a subject of its own.
    const absolute = participle ? absoluteSubject(tokens, v) : null
    // "Lee said, adding …" and "Lee said he would …": the quote is Lee’s.
    const outer =
      !absolute && (participle || isPronounAt(tokens, v) || isJoinedAt(tokens, v))
        ? outerSpeaker(tokens, v)
        : null
    if (outer) return cue(outer, lower, token.start, text.slice(start, to), introduces, tokens)
    let speaker = participle
      ? (absolute ?? sentenceSubject(tokens, v))
      : speakerBefore(tokens, v, 0)
    if (!speaker && participle) speaker = speakerBefore(tokens, v, 0)
    let joined = v - 1
    while (joined > 0 && isTimeOrAdverb(tokens[joined])) joined--
    if (!speaker && !participle && /^(and|but|then|also)$/i.test(tokens[joined]?.text ?? '')) {
      speaker = sentenceSubject(tokens, v)
    }
    if (!speaker && v + 1 < tokens.length && !participle) {
      speaker = invertedSpeaker(tokens, v + 1)
    }
    if (!speaker && participle) continue
    // "Lee said at a rally that Hale once described the deal as “…”": the quote is what Lee said.
    if (speaker && speaker.kind === 'name') {
      const reporter = reportingSpeaker(tokens, speaker)
      if (reporter) speaker = reporter
    }
    // "private email servers", "executive order": a lone modifier before a noun is no speaker.
    if (speaker && isLoneModifier(speaker)) continue
    if (!speaker) {
      for (let w = v - 1; w >= 0; w--) {
        if (tokens[w].word && isSpeechVerbAt(tokens, w)) {
          speaker = speakerBefore(tokens, w, 0)
          if (speaker) break
        }
      }
    }
    if (!speaker) continue
    return cue(speaker, lower, token.start, text.slice(start, to), introduces, tokens)
  }
  if (!introduces) return null
  return labelCue(tokens) ?? colonSubjectCue(tokens, text.slice(start, to))
}

/**
 * "Ortega resisted: “…”": a sentence that ends in a colon before a quote, led by a named person
 * and a verb, introduces that person’s words even when the verb is no speech verb.
 */
function colonSubjectCue(tokens: Token[], clause: string): Cue | null {
  const subject = sentenceSubject(tokens, tokens.length - 1)
  if (!subject || subject.kind !== 'name' || subject.organisation || /['’]s$/u.test(subject.text))
    return null
  const next = tokens.find((t) => t.start >= subject.end)
  if (!next || !next.word || !/^\p{Ll}+$/u.test(next.text) || DETERMINERS.has(next.text))
    return null
  return cue(subject, '', subject.start, clause, true, tokens)
}

/** Nouns for something said, whose owner said what follows "that": "Lee’s claim that…". */
const SAYING_NOUNS = new Set(
  'claim claims assertion promise pledge prediction warning vow boast insistence'.split(' ')
)

/** "Ann Lee’s claim that there were “…”": the person whose saying the quote is. */
function possessiveSpeaker(tokens: Token[], v: number): SpeakerPhrase | null {
  if (!SAYING_NOUNS.has(tokens[v].text) || tokens[v + 1]?.text !== 'that') return null
  const owner = tokens[v - 1]
  if (!owner?.word || !/^\p{Lu}.*['’]s$/u.test(owner.text)) return null
  let k = v - 1
  while (k > 0 && v - k < 4 && tokens[k - 1].word && isCapitalised(tokens[k - 1].text)) k--
  const words = tokens.slice(k, v - 1)
  words.push({ ...owner, text: owner.text.slice(0, -2), end: owner.end - 2 })
  const phrase = readSpeakerPhrase(words, null)
  return phrase && phrase.kind === 'name' ? phrase : null
}

/**
 * The named speaker of a speech verb earlier in the sentence whose "that" clause holds `speaker`:
 * in "Lee said on Friday that Hale described…" it is Lee.
 */
function reportingSpeaker(tokens: Token[], speaker: SpeakerPhrase): SpeakerPhrase | null {
  const at = tokens.findIndex((t) => t.start >= speaker.start)
  if (at < 2) return null
  // "Meeks said Clinton called on them to be “…”": the clause after "said" is reported speech.
  if (REPORTING_VERBS.has(tokens[at - 1].text)) {
    const outer = speakerBefore(tokens, at - 1, 0)
    return outer && outer.kind === 'name' && !outer.organisation ? outer : null
  }
  if (tokens[at - 1].text !== 'that') return null
  for (let w = at - 2; w >= 0 && at - w < 12; w--) {
    if (!tokens[w].word) return null
    if (!isSpeechVerbAt(tokens, w) || tokens[w].text.endsWith('ing')) continue
    const outer = speakerBefore(tokens, w, 0)
    return outer && outer.kind === 'name' ? outer : null
  }
  return null
}

const REPORTING_VERBS = new Set(['said', 'says'])

/** The subject of a participle in a "with" phrase: `…, with Lee shouting: “Out!”` gives Lee. */
function absoluteSubject(tokens: Token[], v: number): SpeakerPhrase | null {
  if (v < 1 || !tokens[v - 1].word) return null
  const speaker = speakerBefore(tokens, v, 0)
  if (!speaker || speaker.kind !== 'name') return null
  let k = v - 1
  while (k >= 0 && tokens[k].start >= speaker.start) k--
  return k >= 0 && tokens[k].text.toLowerCase() === 'with' ? speaker : null
}

/** True for a speaker phrase that is one lower-case word naming no one: "private", "executive". */
function isLoneModifier(speaker: SpeakerPhrase): boolean {
  return (
    speaker.kind === 'generic' &&
    /^\p{Ll}+$/u.test(speaker.text) &&
    !GENERIC_NOUNS.has(speaker.text)
  )
}

/** A name set before a colon as a label, as in a transcript: `Lee: “We will appeal.”` */
function labelCue(tokens: Token[]): Cue | null {
  const colon = tokens.length - 1
  let k = colon - 1
  while (k >= 0 && colon - k <= 5 && isPhraseWord(tokens[k], tokens[k + 1])) k--
  if (k === colon - 1) return null
  const labelled = k < 0 || /^[—–-]$/u.test(tokens[k].text)
  const speaker = readSpeakerPhrase(tokens.slice(k + 1, colon), null)
  if (!speaker || speaker.kind !== 'name') return null
  // "…doesn’t surprise pollster Ann Lee:" — a full personal name just before the colon speaks.
  if (!labelled && (speaker.organisation || !speaker.text.includes(' '))) return null
  return {
    speaker,
    verb: ':',
    place: 'before',
    venue: null,
    position: speaker.start,
    introduces: true
  }
}

/** True when the word before verb `v` (adverbs skipped) is a pronoun: "he would advise". */
function isPronounAt(tokens: Token[], v: number): boolean {
  let k = v - 1
  while (k >= 0 && isTimeOrAdverb(tokens[k])) k--
  return k >= 0 && tokens[k].word && isPronoun(tokens[k].text)
}

/** True when verb `v` follows "and" or "but" (adverbs skipped): "Lee said … and added". */
function isJoinedAt(tokens: Token[], v: number): boolean {
  let k = v - 1
  while (k >= 0 && isTimeOrAdverb(tokens[k])) k--
  return k >= 0 && /^(and|but)$/i.test(tokens[k].text)
}

/** The named speaker of an earlier speech verb in the sentence, which reports what follows. */
function outerSpeaker(tokens: Token[], v: number): SpeakerPhrase | null {
  for (let w = v - 1; w >= 0; w--) {
    if (!tokens[w].word || !isSpeechVerbAt(tokens, w) || tokens[w].text.endsWith('ing')) continue
    const speaker = speakerBefore(tokens, w, 0) ?? invertedSpeaker(tokens, w + 1)
    if (speaker && speaker.kind === 'name') return speaker
  }
  return null
}

function cue(
  speaker: SpeakerPhrase,
  verb: string,
  position: number,
  clause: string,
  introduces: boolean,
  tokens: Token[]
): Cue {
  const found: Cue = {
    speaker,
    verb,
    place: 'before',
    venue: findVenue(clause),
    position,
    introduces
  }
  if (speaker.kind !== 'pronoun' || (speaker.text !== 'he' && speaker.text !== 'she')) return found
  const at = tokens.findIndex((t) => t.start === speaker.start)
  const subject = at > 1 ? sentenceSubject(tokens, at) : null
  if (subject && subject.kind === 'name' && !subject.organisation && subject.end <= speaker.start)
    found.antecedent = subject
  return found
}

/** A cue after a quote, its venue read from `clause`. */
function afterCue(speaker: SpeakerPhrase, verb: string, position: number, clause: string): Cue {
  return { speaker, verb, place: 'after', venue: findVenue(clause), position, introduces: false }
}

const INTRODUCTORY = new Set(
  (
    'in on at during after before while when as speaking writing asked appearing responding ' +
    'earlier later last this yesterday today tonight meanwhile but and so also however still ' +
    'then now since with without for from by according addressing indeed hours days minutes ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may ' +
    'june july august september october november december horrified asked pressed told like ' +
    'unlike despite given amid following under among although though because until upon once ' +
    'if unless whether beyond outside inside throughout here'
  ).split(' ')
)

/** True for a word that opens an introductory phrase: "In", "After", "Speaking", "Clearly". */
function isIntroductory(word: string): boolean {
  const lower = word.toLowerCase()
  if (INTRODUCTORY.has(lower)) return true
  return lower.length > 5 && /(?:ing|ly)$/.test(lower)
}

/**
 * Where the text after a dateline starts: "WASHINGTON — Sen. Ann Lee said" and "AMES, Iowa, Dec. 8
 * (Wire) — Lee said" give the position of the first word after the dash; 0 when there is none.
 */
function datelineEnd(tokens: Token[], limit: number): number {
  if (limit < 3 || !tokens[0].word) return 0
  // "Washington (AFP) – Lee said": a place in ordinary case before the agency in brackets.
  const agency = tokens.findIndex((t, k) => k < 5 && t.text === '(')
  if (
    agency > 0 &&
    isCapitalised(tokens[0].text) &&
    tokens[agency + 2]?.text === ')' &&
    /^[—–-]$/u.test(tokens[agency + 3]?.text ?? '') &&
    agency + 4 < limit
  )
    return agency + 4
  if (!/^\p{Lu}[\p{Lu}.’'-]+$/u.test(tokens[0].text)) return 0
  for (let k = 1; k < limit && k < 14; k++) {
    if (/^[—–]$/u.test(tokens[k].text) || (tokens[k].text === '-' && k > 1)) return k + 1
  }
  return 0
}

/**
 * The subject of a sentence, read from its start: "Former Ohio Gov. Ann Lee, for her part,
 * is calling…" gives "Ann Lee". An introductory phrase ending in a comma is skipped.
 */
export function sentenceSubject(tokens: Token[], limit: number): SpeakerPhrase | null {
  let k = datelineEnd(tokens, limit)
  // "But Lee refused…", "And then Lee said…": a conjunction, perhaps with an adverb, before a
  // capitalised word opens no introductory phrase.
  let lead = k
  if (lead < limit && /^(?:but|and|so|yet)$/iu.test(tokens[lead].text)) {
    lead++
    while (lead < limit && /^(?:then|later|also|now|still|again)$/u.test(tokens[lead].text)) lead++
  }
  if (
    lead > k &&
    lead < limit &&
    tokens[lead].word &&
    isCapitalised(tokens[lead].text) &&
    !isIntroductory(tokens[lead].text)
  )
    k = lead
  else {
    // "On Thursday, after a long silence, Lee said": one introductory phrase after another.
    for (let round = 0; round < 3 && k < limit && tokens[k].word; round++) {
      if (!isIntroductory(tokens[k].text)) break
      let j = k
      while (j < limit && j - k < 25 && tokens[j].text !== ',') j++
      if (j < limit && tokens[j].text === ',') k = j + 1
      else return null
      // "In Salem, New Hampshire, Lee said": the state after the town is no subject.
      if (j > 0 && isCapitalised(tokens[j - 1].text)) {
        let m = k
        while (m < limit && m - k < 3 && tokens[m].word && isCapitalised(tokens[m].text)) m++
        if (m > k && m < limit && tokens[m].text === ',') k = m + 1
      }
    }
  }
  while (k < limit && !tokens[k].word) k++
  if (k >= limit) return null
  const phrase = speakerAfter(tokens, k, limit)
  if (!phrase) return null
  if (phrase.kind !== 'generic') return phrase
  // "Another critic, Ann Lee, likened…": the name set off after a description is the subject.
  let comma = k
  while (comma < limit && tokens[comma].start < phrase.end) comma++
  if (tokens[comma]?.text !== ',' || comma + 1 >= limit) return null
  const named = speakerAfter(tokens, comma + 1, limit)
  if (!named || named.kind !== 'name' || named.organisation) return null
  const after = tokens.find((t) => t.start >= named.end)
  return after?.text === ',' ? { ...named, role: null } : null
}

/**
 * The cue of the sentence just before a quote that opens its own sentence, when that sentence
 * ends in an attribution: `Ann Lee spoke in a statement. “We are done.”` reads Ann Lee.
 */
export function previousSentenceCue(text: string, from: number, to: number): Cue | null {
  const start = lastSentenceStart(text, from, to)
  if (start <= from || text.slice(start, to).trim() !== '') return null
  let stop = start - 1
  while (stop > from && /\s/u.test(text[stop])) stop--
  if (text[stop] !== '.') return null
  const found = cueBefore(text, from, stop)
  if (!found || !found.speaker || found.speaker.kind === 'generic') return null
  const tail = tokenize(text, found.position, stop).filter((t) => t.word)
  if (tail.length <= 8) return { ...found, introduces: false }
  // "Lee recalled how the town had changed since the mill closed. “It broke us.”": a sentence
  // that opens on its speaker and verb hands them to the quote after it, however long it runs.
  const sentence = lastSentenceStart(text, from, stop)
  const opening = tokenize(text, sentence, stop)
  const subject = sentenceSubject(opening, opening.length)
  if (!subject || subject.kind !== 'name' || subject.start !== found.speaker.start) return null
  const verb = opening.find((t) => t.word && t.start >= subject.end)
  return verb && SPEECH_VERBS.has(verb.text.toLowerCase()) ? { ...found, introduces: false } : null
}

/** A weak cue: the subject of the sentence a quote sits in, when no speech verb attributes it. */
export function subjectCue(text: string, from: number, to: number): Cue | null {
  const start = lastSentenceStart(text, from, to)
  const tokens = tokenize(text, start, to)
  if (tokens.filter((t) => t.word).length < 2) return null
  const speaker = sentenceSubject(tokens, tokens.length)
  if (!speaker) return null
  return {
    speaker,
    verb: '',
    place: 'before',
    venue: null,
    position: speaker.start,
    introduces: false
  }
}

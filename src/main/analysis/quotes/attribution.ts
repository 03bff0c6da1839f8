import { readSpeakerPhrase, isPronoun, ROLE_WORDS, type SpeakerPhrase } from './speakers'
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
  else if (/^(quip|snap|dub|slam|chat|scrap|stop|plan|ban|beg|jab|rap)$/.test(lemma)) {
    const last = lemma[lemma.length - 1]
    forms.push(lemma + last + 'ed', lemma + last + 'ing')
  } else forms.push(lemma + 'ed', lemma + 'ing')
  return forms
}

const SPEECH_VERBS = new Set([...SPEECH_LEMMAS.flatMap(inflections), ...IRREGULAR_SPEECH])

const SKIPPABLE = new Set(
  (
    'also later then has had have would will could did does do once again previously recently ' +
    'first further simply only just flatly bluntly even still often frequently repeatedly ' +
    'reportedly allegedly apparently publicly privately quickly famously memorably ' +
    'on last this that earlier today yesterday tonight morning afternoon evening night week weekend ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june ' +
    'july august september october november december month year in at told not never is was were ' +
    'been be being'
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

/** True for said, told, added and the other verbs that report speech. */
export function isSpeechVerb(word: string): boolean {
  return !isCapitalised(word) && SPEECH_VERBS.has(word)
}

/** Finds where a quote was said ("a press conference", "The Times", "an interview with CNN"). */
export function findVenue(clause: string): string | null {
  const told = VENUE_TOLD.exec(clause)
  const tokens = told ? told[1].split(/\s+/) : []
  if (told && !(tokens.length === 1 && isPronoun(tokens[0]))) {
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

function isPhraseWord(token: Token, next: Token | undefined): boolean {
  if (!token.word) return token.text === '-' || token.text === '&'
  const lower = token.text.toLowerCase()
  if (isCapitalised(token.text)) return true
  if (/['’]s$/u.test(token.text)) return true
  if (ROLE_WORDS.has(lower) || GENERIC_NOUNS.has(lower)) return true
  if (lower === 'of' || lower === 'for') return next !== undefined && isCapitalised(next.text)
  return [
    'de',
    'van',
    'von',
    'der',
    'da',
    'al',
    'bin',
    'la',
    'le',
    'del',
    'top',
    'campaign'
  ].includes(lower)
}

/** Reads the speaker phrase that ends just before token `verb`, looking no further back than `low`. */
export function speakerBefore(tokens: Token[], verb: number, low: number): SpeakerPhrase | null {
  let k = verb - 1
  let skipped = 0
  while (k >= low && skipped < 5 && isTimeOrAdverb(tokens[k])) {
    k--
    skipped++
  }
  if (k >= low && tokens[k].text === ')') {
    let j = k - 1
    while (j >= low && j > k - 12 && tokens[j].text !== '(') j--
    if (j >= low && tokens[j].text === '(') k = j - 1
  }
  let apposition: string | null = null
  let appositionTokens: Token[] = []
  if (k >= low && tokens[k].text === ',') {
    let j = k - 1
    while (j >= low && j > k - 20 && tokens[j].text !== ',') j--
    if (j > low && tokens[j].text === ',' && k - j > 1) {
      appositionTokens = tokens.slice(j + 1, k)
      apposition = appositionTokens.map((t) => t.text).join(' ')
      k = j - 1
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
  if (k >= low && /^(the|a|an)$/i.test(tokens[k].text) && k < end) k--
  if (k === end) return null
  const phrase = readSpeakerPhrase(tokens.slice(k + 1, end + 1), cleanApposition(apposition))
  if (appositionTokens.length > 0) {
    const inner = readSpeakerPhrase(appositionTokens, phrase?.text ?? null)
    const innerIsPerson =
      inner && inner.kind === 'name' && !inner.organisation && inner.text.includes(' ')
    const outerIsPerson = phrase && phrase.kind === 'name' && !phrase.organisation
    if (innerIsPerson && (!outerIsPerson || !phrase.text.includes(' ') || k + 1 > low)) return inner
    if (inner && inner.kind === 'name' && (!phrase || phrase.kind !== 'name')) return inner
  }
  return phrase
}

function cleanApposition(text: string | null): string | null {
  if (!text) return null
  const cleaned = text.replace(/^(?:the|a|an)\s+/i, '').replace(/\s+’\s*s\b/gu, '’s')
  if (/^(who|which|that|whose|when|where|while|after|before|as|in|on|at)\b/i.test(cleaned))
    return null
  return cleaned.length > 0 && cleaned.length < 80 ? cleaned : null
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
  if (low >= tokens.length) return null
  const limit = Math.min(tokens.length, low + 30)
  for (let v = low; v < limit; v++) {
    const token = tokens[v]
    if (!token.word) continue
    // Right after a quote, any past-tense verb next to a name reports it ("beamed Hartley").
    const pastTense = /^\p{Ll}+ed$/u.test(token.text) && (v === low || v <= low + 4)
    if (!isSpeechVerb(token.text) && !pastTense) continue
    if (isCapitalised(token.text) && v > low) continue
    let speaker: SpeakerPhrase | null = null
    if (v === low || (v === low + 1 && isTimeOrAdverb(tokens[low]))) {
      speaker = speakerAfter(tokens, v + 1, tokens.length)
    } else {
      speaker = speakerBefore(tokens, v, low)
      if (
        speaker &&
        speaker.start !== tokens[low].start &&
        !coversFromStart(tokens, low, speaker)
      ) {
        speaker = null
      }
    }
    if (!speaker) return null
    const clause = text.slice(from, end)
    return {
      speaker,
      verb: token.text.toLowerCase(),
      place: 'after',
      venue: findVenue(clause),
      position: token.start,
      introduces: false
    }
  }
  return null
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
        return cue(speaker, 'according to', token.start, text.slice(token.start, to), introduces)
      continue
    }
    if (!isSpeechVerb(token.text)) continue
    const participle = lower.endsWith('ing')
    let speaker = participle ? sentenceSubject(tokens, v) : speakerBefore(tokens, v, 0)
    if (!speaker && participle) speaker = speakerBefore(tokens, v, 0)
    if (!speaker && !participle && /^(and|but|then|also)$/i.test(tokens[v - 1]?.text ?? '')) {
      speaker = sentenceSubject(tokens, v)
    }
    if (!speaker && v + 1 < tokens.length && !participle) {
      speaker = speakerAfter(tokens, v + 1, tokens.length)
    }
    if (!speaker && participle) continue
    if (!speaker) {
      for (let w = v - 1; w >= 0; w--) {
        if (tokens[w].word && isSpeechVerb(tokens[w].text)) {
          speaker = speakerBefore(tokens, w, 0)
          if (speaker) break
        }
      }
    }
    if (!speaker) continue
    return cue(speaker, lower, token.start, text.slice(start, to), introduces)
  }
  return null
}

function cue(
  speaker: SpeakerPhrase,
  verb: string,
  position: number,
  clause: string,
  introduces: boolean
): Cue {
  return { speaker, verb, place: 'before', venue: findVenue(clause), position, introduces }
}

const INTRODUCTORY = new Set(
  (
    'in on at during after before while when as speaking writing asked appearing responding ' +
    'earlier later last this yesterday today tonight meanwhile but and so also however still ' +
    'then now since with without for from by according addressing indeed hours days minutes ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may ' +
    'june july august september october november december horrified asked pressed told'
  ).split(' ')
)

/**
 * The subject of a sentence, read from its start: "Former Arkansas Gov. Mike Huckabee, for his
 * part, is labeling…" gives "Mike Huckabee". An introductory phrase ending in a comma is skipped.
 */
export function sentenceSubject(tokens: Token[], limit: number): SpeakerPhrase | null {
  let k = 0
  if (k < limit && tokens[k].word && INTRODUCTORY.has(tokens[k].text.toLowerCase())) {
    let j = k
    while (j < limit && j < 25 && tokens[j].text !== ',') j++
    if (j < limit && tokens[j].text === ',') k = j + 1
    else return null
  }
  while (k < limit && !tokens[k].word) k++
  if (k >= limit) return null
  const phrase = speakerAfter(tokens, k, limit)
  if (!phrase || phrase.kind === 'generic')
    return phrase && phrase.kind === 'generic' ? null : phrase
  return phrase
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

import nlp from 'compromise/two'
import { COPYRIGHT_OPENING } from './boilerplate'
import { findDate, findDateSpan } from './dates'
import { agencyOutlet, knownOutletForHost, outletForHost, isWebmailDomain } from './outlets'

/** Article metadata read from plain text; null where the text does not say. */
export interface TextMetadata {
  title: string | null
  outlet: string | null
  byline: string | null
  publishedAt: string | null
  url: string | null
  /** Where in the body the byline's lines stand, so later stages can leave the author out. */
  bylineSpans: { start: number; end: number }[]
}

const MAX_TITLE_LENGTH = 200
const HEADER_LINES = 12
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"“”‘’]+/gi
const URL_LABEL =
  /^(?:url|link|source|original(?: article| story)?|read (?:it|more) at|web|permalink)\s*:?\s*/i
const DATE_LABEL =
  /^(?:(?:first |last )?published|updated|posted|modified|date|last updated)\b(?:\s+on)?\s*:?/i
// Not the i flag: with it \p{Lu} matches any letter, and "By winning the vote…" became a byline.
const BY_LINE = /^(?:by|By|BY)\s+(\p{Lu}.{1,150})$/u
const JOURNALIST_ROLE =
  /\b(?:correspondent|editor|reporter|writer|sketchwriter|journalist|columnist|commentator|contributor|staff|analyst|critic|presenter|producer|chief|desk)\b(?![’']s\b)/i
const NAME_WITH_ROLE =
  /^(\p{Lu}[\p{L}’'-]+(?:\s+(?:\p{Lu}[\p{L}’'.-]*|de|van|von|der|al|bin))*\s+\p{Lu}[\p{L}’'-]+)\s*(?:,|[-–—|])\s*(.{3,80})$/u
const CONTACT_CONTEXT =
  /\b(?:get in touch|got a story|contact|email(?:ing)? us|news ?desk|news team|tip(?:s|-off)?|send us|write to us)\b/i
// The lookbehind starts a match only at a token's start: a long token without @ costs n, not n².
const EMAIL_PATTERN = /(?<![\w.+-])[\w.+-]+@((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})/gi
const COPYRIGHT_LINE = new RegExp(`${COPYRIGHT_OPENING.source}\\s*(?:©\\s*)?(.+)$`, 'i')
const SOURCE_LINE = /^(?:source|via|courtesy of)\s*:\s*(.+)$/i
const DATELINE_MONTH = '(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\\.?'
// "LONDON, Nov 3", "HEMPSTEAD, N.Y., Sept. 26", "NEW YORK/LONDON" or "London, Nov 3".
const DATELINE_PLACE =
  `(?:\\p{Lu}[\\p{Lu}'’.-]+(?:[\\s/]+\\p{Lu}[\\p{Lu}'’.-]*)*` +
  `(?:,\\s*\\p{Lu}[\\p{L}.'’]*(?:\\s\\p{Lu}[\\p{L}.'’]*)?)?(?:,?\\s+${DATELINE_MONTH}\\s+\\d{1,2})?` +
  `|\\p{Lu}\\p{Ll}+(?:[\\s-]\\p{Lu}\\p{Ll}+)?,\\s*${DATELINE_MONTH}\\s+\\d{1,2})`
/** A wire dateline opening a paragraph: "LONDON, Nov 3 (Reuters) -", "WASHINGTON (AP) —". */
const AGENCY_DATELINE = new RegExp(`^(?:${DATELINE_PLACE}\\s*)?\\(([^()]{2,30})\\)\\s*[-–—]`, 'u')
const ORIGIN_LINE =
  /^this (?:article|story|piece) (?:was |is )?(?:originally |first )?(?:published|appeared|ran) (?:by|in|on|at)\s+(.+)$/i

/** A non-empty line of the body, trimmed. */
interface Line {
  text: string
  index: number
  /** Where the trimmed text starts in the body. */
  start: number
}

function linesOf(body: string): Line[] {
  const lines: Line[] = []
  const breaks = /\r\n|\r|\n/g
  let from = 0
  for (let index = 0; from <= body.length; index++) {
    const found = breaks.exec(body)
    const to = found ? found.index : body.length
    const raw = body.slice(from, to)
    const text = raw.trim()
    if (text) lines.push({ text, index, start: from + raw.indexOf(text) })
    if (!found) break
    from = breaks.lastIndex
  }
  return lines
}

function trimUrl(url: string): string {
  let result = url.replace(/[.,;:!?'"’”\]]+$/, '')
  while (result.endsWith(')') && !result.includes('(')) result = result.slice(0, -1)
  return result
}

function isUrlLine(text: string): boolean {
  const rest = text.replace(URL_LABEL, '')
  return /^https?:\/\/\S+$/i.test(rest)
}

function isDateLine(text: string): boolean {
  if (text.length > 80 || findDate(text) === null) return false
  return !/[.!?]$/.test(text) || DATE_LABEL.test(text)
}

/** The article's URL: a URL alone or labelled on its own line, else the first http(s) URL. */
export function findArticleUrl(body: string): string | null {
  for (const line of linesOf(body)) {
    if (isUrlLine(line.text)) {
      const match = /https?:\/\/\S+/i.exec(line.text)
      if (match) return trimUrl(match[0])
    }
  }
  const first = body.match(URL_PATTERN)
  return first ? trimUrl(first[0]) : null
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null
  } catch {
    return null
  }
}

function cleanOutletName(raw: string): string | null {
  let name = raw
    .replace(/\ball rights reserved\b.*$/i, '')
    .replace(/\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\b/g, '')
    .replace(/^[\s,.:–—-]+|[\s,.:–—-]+$/g, '')
    .replace(/\s{2,}/g, ' ')
  const domain = /^(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:\/\S*)?$/i.exec(name)
  if (domain) return outletForHost(domain[1]!)
  name = name.replace(/\s+(?:ltd|limited|plc|llc|inc)\.?$/i, '')
  if (!name || name.length > 80 || !/\p{Lu}/u.test(name)) return null
  return name
}

// compromise types its model as `object`; version 14 ships a lexicon of lower-case words to tags.
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon

function lexiconTags(phrase: string): readonly string[] {
  const lower = phrase.toLowerCase()
  const tags = lexicon[lower] ?? lexicon[lower.normalize('NFD').replace(/\p{M}/gu, '')]
  if (tags === undefined) return []
  return typeof tags === 'string' ? [tags] : tags
}

/** A capitalised word of a personal name: "Okafor", "O’Keeffe", "Pryor-Grant", "McAdam", "Ó", "K." */
const NAME_WORD = /^(?:\p{Lu}(?:\p{Ll}|\p{Lu}(?=\p{Ll})|['’-](?=\p{Lu}|\p{Ll}))*|\p{Lu}\.)$/u
const NAME_PARTICLES = new Set(
  'de van von der den da di du le la al bin ibn del della dos das ter ten y'.split(' ')
)
/** Capitalised words that are never part of a byline's name: roles, sections, headline words. */
const NOT_NAME_WORDS = new Set(
  (
    'correspondent editor reporter writer sketchwriter journalist columnist commentator ' +
    'contributor staff analyst critic presenter producer chief desk bureau manager ' +
    'director minister secretary president chancellor mayor leader councillor spokesman ' +
    'spokeswoman spokesperson officer police council government party ministry department ' +
    'university hospital school court news live politics political sport sports world ' +
    'business opinion comment analysis breaking exclusive update updated published posted ' +
    'video watch listen photos pictures today latest home sketch review interview obituary ' +
    'letters editorial weather travel money health science education environment ' +
    'technology culture lifestyle magazine podcast newsletter advertisement sponsored ' +
    'features feature key points summary highlights explainer factbox timeline topics ' +
    'related more share save print article edition section street road square avenue ' +
    'airport station centre center getty alamy shutterstock images image picture photo ' +
    'photograph credit media wire agency press newspaper network channel radio television ' +
    'online times herald guardian telegraph mail mirror express gazette chronicle journal ' +
    'tribune echo courier argus observer independent standard the a an of in on at to for ' +
    'with from by as is are was were be has have had will would can could should not no ' +
    'over after before into out up down amid against about why how what when where who ' +
    'says said this that it its monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march july august september october november december'
  ).split(' ')
)
/** First words of place names ("New York", "Port Talbot"), which can sit above a dateline. */
const PLACE_OPENERS = new Set(
  (
    'new north south east west northern southern eastern western upper lower great greater ' +
    'little saint st port fort mount lake santa san los las la el le cape isle central royal old'
  ).split(' ')
)
const PLACE_TAGS = new Set(['Place', 'Country', 'City', 'Region'])
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'Person'])
const MAX_NAMES = 3

/** The words of one personal name if `text` has its shape (2–4 capitalised words), else null. */
function nameWords(text: string): string[] | null {
  const words = text.split(/\s+/)
  const capitalised = words.filter((word) => !NAME_PARTICLES.has(word))
  if (capitalised.length < 2 || capitalised.length > 4) return null
  if (NAME_PARTICLES.has(words[0]!) || NAME_PARTICLES.has(words.at(-1)!)) return null
  if (words.at(-1)!.endsWith('.')) return null
  const fits = (word: string) =>
    NAME_WORD.test(word) && !NOT_NAME_WORDS.has(word.toLowerCase().replace(/\.$/, ''))
  return capitalised.every(fits) ? words : null
}

/**
 * The names in a line that is nothing but one to three personal names ("Ann Lee", "Ann Lee and
 * Tom Reid"): no verb, no digits, no final full stop. Null for anything else.
 */
function personalNames(text: string): string[][] | null {
  if (text.length > 100 || /[\d.!?:;"“”‘’()|]$|[\d"“”()|:;@/]/.test(text)) return null
  const parts = text.split(/\s*,\s*|\s+(?:and|&)\s+/)
  if (parts.length > MAX_NAMES) return null
  const names: string[][] = []
  for (const part of parts) {
    const words = nameWords(part)
    if (!words) return null
    names.push(words)
  }
  return names
}

/** Whether a line could be a place rather than a person ("New York", "Hong Kong"). */
function looksLikePlace(text: string): boolean {
  const first = text.split(/\s+/)[0]!.toLowerCase()
  return PLACE_OPENERS.has(first) || lexiconTags(text).some((tag) => PLACE_TAGS.has(tag))
}

/** Whether compromise knows a word as a first name. */
function isKnownFirstName(word: string): boolean {
  return lexiconTags(word).some((tag) => FIRST_NAME_TAGS.has(tag))
}

/** A journalist's role on a line of its own: "Political Correspondent", "Health policy editor". */
function isRoleLine(text: string): boolean {
  return (
    text.length <= 70 &&
    text.split(/\s+/).length <= 8 &&
    JOURNALIST_ROLE.test(text) &&
    !/[.!?:;"“”‘’\d]/.test(text) &&
    !BY_LINE.test(text)
  )
}

/**
 * A byline printed as a name alone on its line, without "By": it must have the shape of a
 * personal name and stand below the headline, and something must vouch for it — a role line
 * under it, a date or "Published" line under it, or, straight under the headline, a first name
 * compromise knows.
 */
function standaloneByline(
  lines: readonly Line[],
  position: number,
  titlePosition: number
): Byline | null {
  const line = lines[position]!
  const names = personalNames(line.text)
  if (!names) return null
  const next = lines[position + 1]?.text ?? ''
  if (isRoleLine(next)) {
    return { byline: `${line.text}, ${next}`, outlet: null, lines: [line.text, next] }
  }
  if (looksLikePlace(line.text)) return null
  const dated = next.length <= 80 && (isDateLine(next) || DATE_LABEL.test(next))
  const underHeadline =
    position === titlePosition + 1 &&
    isHeadline(lines[titlePosition]!.text) &&
    isKnownFirstName(names[0]![0]!)
  return dated || underHeadline ? { byline: line.text, outlet: null, lines: [line.text] } : null
}

/** Whether the text after "By" is a sentence ("By July the plan had…"), not names. */
function isSentence(text: string): boolean {
  const words = text.split(/\s+/).length
  return words > 16 || (words > 6 && /[.!?]$/.test(text))
}

interface Byline {
  byline: string
  outlet: string | null
  /** The lines the byline was read from, which are not the headline. */
  lines: string[]
}

function parseByline(lines: Line[]): Byline | null {
  // The headline is the first line, or the second under a one-word section label.
  const titlePosition = lines[0] && !lines[0].text.includes(' ') && lines[1] ? 1 : 0
  for (const [position, line] of lines.slice(0, HEADER_LINES).entries()) {
    const by = BY_LINE.exec(line.text)
    if (by && !isSentence(by[1]!)) {
      let rest = by[1]!
      let outlet: string | null = null
      const forOutlet = /\s+(?:for|\||[-–—]\s*for)\s+(.+)$/i.exec(rest)
      if (forOutlet && /^\p{Lu}|^[a-z0-9-]+\.[a-z]/u.test(forOutlet[1]!)) {
        outlet = cleanOutletName(forOutlet[1]!)
        rest = rest.slice(0, forOutlet.index)
      }
      const pipe = /\s*\|\s*(.+)$/.exec(rest)
      if (pipe) {
        outlet ??= cleanOutletName(pipe[1]!)
        rest = rest.slice(0, pipe.index)
      }
      const date = findDateSpan(rest)
      if (date) {
        rest = rest
          .slice(0, date.index)
          .replace(
            /(?:\b(?:published|updated|on|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)[\s,]*)+$/i,
            ''
          )
      }
      rest = rest.replace(/[\s,;:|–—-]+$/, '')
      // "By Tomas Varga in Kharkiv": where the reporter filed from is no part of the byline.
      rest = rest.replace(
        /,?\s+(?:in|reporting from)\s+\p{Lu}[\p{L}.'’-]*(?:[\s,]+\p{Lu}[\p{L}.'’-]*){0,2}$/u,
        ''
      )
      if (rest) return { byline: rest, outlet, lines: [line.text] }
    }
    const named = NAME_WITH_ROLE.exec(line.text)
    if (
      named &&
      JOURNALIST_ROLE.test(named[2]!) &&
      line.text.length <= 100 &&
      !line.text.endsWith('.') &&
      personalNames(named[1]!)
    ) {
      return { byline: line.text, outlet: null, lines: [line.text] }
    }
    if (position > titlePosition) {
      const standalone = standaloneByline(lines, position, titlePosition)
      if (standalone) return standalone
    }
  }
  return null
}

/** Whether a line reads as a headline: not too long, and no sentence's closing full stop. */
function isHeadline(text: string): boolean {
  return text.length <= MAX_TITLE_LENGTH && !/[^.]\.$/.test(text)
}

function findTitle(lines: Line[], skip: (text: string) => boolean): string | null {
  const candidates = lines.slice(0, HEADER_LINES).filter((line) => !skip(line.text))
  const first = candidates[0]
  if (!first) return null
  // A one-word first line is usually a section label ("Politics") above the headline.
  if (!first.text.includes(' ') && candidates[1] && isHeadline(candidates[1].text)) {
    return candidates[1].text
  }
  if (isHeadline(first.text)) return first.text
  if (first.text.length <= MAX_TITLE_LENGTH) return first.text
  const cut = first.text.slice(0, MAX_TITLE_LENGTH)
  const space = cut.lastIndexOf(' ')
  return `${(space > 80 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`
}

function findPublishedAt(lines: Line[]): string | null {
  for (const line of lines) {
    if (DATE_LABEL.test(line.text) && line.text.length <= 160) {
      const date = findDate(line.text)
      if (date) return date
    }
  }
  for (const line of lines.slice(0, HEADER_LINES)) {
    if (line.text.length <= 160) {
      const date = findDate(line.text)
      if (date) return date
    }
  }
  return null
}

function outletFromStatements(lines: Line[]): string | null {
  for (const line of [...lines].reverse()) {
    const statement =
      COPYRIGHT_LINE.exec(line.text) ?? SOURCE_LINE.exec(line.text) ?? ORIGIN_LINE.exec(line.text)
    if (statement && line.text.length <= 160) {
      const outlet = cleanOutletName(statement[1]!)
      if (outlet) return outlet
    }
  }
  return null
}

/** The agency a wire dateline names ("LONDON, Nov 3 (Reuters) -" → "Reuters"), or null. */
function outletFromDateline(lines: Line[]): string | null {
  for (const line of lines) {
    const dateline = AGENCY_DATELINE.exec(line.text)
    const outlet = dateline ? agencyOutlet(dateline[1]!.split('/')[0]!) : null
    if (outlet) return outlet
  }
  return null
}

function outletFromEmails(lines: Line[], knownOnly: boolean): string | null {
  for (const line of lines) {
    for (const match of line.text.matchAll(EMAIL_PATTERN)) {
      const domain = match[1]!
      if (isWebmailDomain(domain)) continue
      const known = knownOutletForHost(domain)
      if (known) return known
      if (!knownOnly && CONTACT_CONTEXT.test(line.text)) {
        const generic = outletForHost(domain)
        if (generic) return generic
      }
    }
  }
  return null
}

/**
 * Title, outlet, byline, publication date and URL read from a plain-text article. A `givenUrl`
 * (the address the paste came with) wins over any URL in the text, for the outlet too.
 */
export function extractTextMetadata(body: string, givenUrl?: string | null): TextMetadata {
  const lines = linesOf(body)
  const url = givenUrl || findArticleUrl(body)
  const byline = parseByline(lines)
  const host = url ? hostOf(url) : null
  const outlet =
    byline?.outlet ??
    outletFromStatements(lines) ??
    (host ? knownOutletForHost(host) : null) ??
    outletFromEmails(lines, true) ??
    outletFromEmails(lines, false) ??
    outletFromDateline(lines) ??
    (host ? outletForHost(host) : null)
  const skip = (text: string) =>
    isUrlLine(text) ||
    isDateLine(text) ||
    BY_LINE.test(text) ||
    (byline !== null && byline.lines.includes(text))
  return {
    title: findTitle(lines, skip),
    outlet,
    byline: byline?.byline ?? null,
    publishedAt: findPublishedAt(lines),
    url,
    bylineSpans: byline ? spansOfLines(lines, byline.lines) : []
  }
}

/** The body offsets of the header lines whose trimmed text is one of `texts`. */
function spansOfLines(lines: Line[], texts: readonly string[]): { start: number; end: number }[] {
  return lines
    .slice(0, HEADER_LINES)
    .filter((line) => texts.includes(line.text))
    .map((line) => ({ start: line.start, end: line.start + line.text.length }))
}

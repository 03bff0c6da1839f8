import type { Briefing, Clipping, Quote, Source } from '../model'

/** Where a briefing's items are looked up: the library as the back end holds it. */
export interface BriefingLookup {
  /** The quote with this id, if it is still in the library. */
  quote(id: string): Quote | undefined
  /** The clipping with this id, if it is still in the library. */
  clipping(id: string): Clipping | undefined
  /** The source with this id, if it is still in the library. */
  source(id: string): Source | undefined
}

/**
 * A clipping as a briefing cites it; `number` is its place in the source list. Clippings of
 * the same article (pasted twice, say) share one citation, under the first one's id.
 */
export interface CitedClipping {
  number: number
  clippingId: string
  title: string
  outlet: string | null
  byline: string | null
  /** The clipping's publication date, or its capture date when that is unknown (ISO). */
  date: string | null
  url: string | null
}

/** A quote resolved with its speaker and the clipping it came from. */
export interface ResolvedQuoteItem {
  kind: 'quote'
  /**
   * The quote as stored (typos, marks and paragraph breaks kept), less a trailing comma,
   * semicolon or colon: see briefingQuoteText.
   */
  text: string
  quoteKind: Quote['kind']
  /** False for a suggestion nobody has confirmed (or a rejected quote): exports mark it. */
  confirmed: boolean
  /** The speaker's name, or null for an unattributed quote. */
  speaker: string | null
  role: string | null
  venue: string | null
  /** Words of the quote that its note marks with "[sic]", flagged when the export asks for it. */
  sicWords: string[]
  /** The clipping it came from, or null when that clipping has been deleted. */
  source: CitedClipping | null
  comment: string
}

/** A clipping item with its citation and a short excerpt of its body. */
export interface ResolvedClippingItem {
  kind: 'clipping'
  source: CitedClipping
  excerpt: string
  comment: string
}

/** A free-text note of the journalist's. */
export interface ResolvedNoteItem {
  kind: 'note'
  text: string
  comment: string
}

/** An item whose quote or clipping is no longer in the library. */
export interface ResolvedMissingItem {
  kind: 'missing'
  /** What the item pointed at. */
  missing: 'quote' | 'clipping'
  /** The line shown in its place, such as "[quote no longer in the library]". */
  label: string
  comment: string
}

/** One item of a briefing, resolved and ready to render. */
export type ResolvedItem =
  ResolvedQuoteItem | ResolvedClippingItem | ResolvedNoteItem | ResolvedMissingItem

/** A briefing section, resolved. */
export interface ResolvedSection {
  heading: string
  items: ResolvedItem[]
}

/** A briefing resolved against the library: everything the Markdown and HTML renderers need. */
export interface BriefingDocument {
  title: string
  /** The briefing's date as stored (ISO). */
  date: string
  author: string
  sections: ResolvedSection[]
  /** Every cited clipping once, numbered in order of first citation. */
  sources: CitedClipping[]
}

/** Whether a field has text worth printing (not null, undefined or blank). */
export function present(value: string | null | undefined): value is string {
  return value !== null && value !== undefined && value.trim() !== ''
}

/** A quote's venue as its attribution prints it: null when blank or the same as the outlet. */
export function shownVenue(item: Pick<ResolvedQuoteItem, 'venue' | 'source'>): string | null {
  return present(item.venue) &&
    item.venue.trim().toLowerCase() !== item.source?.outlet?.trim().toLowerCase()
    ? item.venue
    : null
}

/**
 * A quote's text as a briefing shows it: the stored text (never changed) without the comma,
 * semicolon or colon it ends on where it was cut from a longer sentence ("shut libraries,"),
 * also when that sits inside the quote's closing marks. A final . ? ! or … stays.
 */
export function briefingQuoteText(text: string): string {
  const trimmed = text.trimEnd()
  const stray = /(?:\s*[,;:])+(?=[’”"'»›]*$)/u.exec(trimmed)
  if (!stray) return trimmed
  const shown = trimmed.slice(0, stray.index) + trimmed.slice(stray.index + stray[0].length)
  return /[\p{L}\p{N}]/u.test(shown) ? shown : trimmed
}

/** How many words a clipping's excerpt keeps at most. */
export const EXCERPT_WORDS = 60

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]

/**
 * Formats an ISO date as "24 November 2026": the calendar date as written in the string, so
 * the result depends on neither the machine's time zone nor its locale. Anything else is
 * returned unchanged.
 */
export function formatLongDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim())
  if (!match) return iso.trim()
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso.trim()
  return `${day} ${MONTHS[month - 1]} ${match[1]}`
}

/** The offsets of each non-empty paragraph of a text (paragraphs are separated by blank lines). */
export function paragraphRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = []
  // Odd parts are the blank-line separators, so offsets stay those of the text given.
  const parts = text.split(/(\r?\n[ \t]*\r?\n)/)
  let offset = 0
  for (const [index, part] of parts.entries()) {
    const start = offset + (part.length - part.trimStart().length)
    const end = offset + part.trimEnd().length
    offset += part.length
    if (index % 2 === 0 && start < end) ranges.push({ start, end })
  }
  return ranges
}

/** Splits text into its paragraphs, trimmed, empty ones dropped. */
export function splitParagraphs(text: string): string[] {
  return paragraphRanges(text).map((range) => text.slice(range.start, range.end))
}

/** A run of quote text, or the "[sic]" marker inserted after a flagged word. */
export interface QuoteRun {
  text: string
  sic: boolean
}

/**
 * A quote's paragraphs, each as runs of verbatim text. When `sic` is on, a "[sic]" marker run
 * follows the first occurrence of each flagged word; otherwise each paragraph is one run.
 */
export function quoteParagraphs(
  text: string,
  sicWords: readonly string[],
  sic: boolean
): QuoteRun[][] {
  const cuts: number[] = []
  for (const word of sic ? sicWords : []) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const found = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').exec(text)
    if (found && !cuts.includes(found.index + found[0].length)) {
      cuts.push(found.index + found[0].length)
    }
  }
  cuts.sort((a, b) => a - b)
  return paragraphRanges(text).map(({ start, end }) => {
    const runs: QuoteRun[] = []
    let from = start
    for (const cut of cuts.filter((position) => position > start && position <= end)) {
      runs.push({ text: text.slice(from, cut), sic: false }, { text: '[sic]', sic: true })
      from = cut
    }
    if (from < end) runs.push({ text: text.slice(from, end), sic: false })
    return runs
  })
}

/**
 * The words a quote's note flags with "[sic]": the word just before each marker, without
 * surrounding quotation marks or punctuation (a note "goverment [sic]" flags "goverment").
 */
export function sicWordsOf(note: string): string[] {
  const words: string[] = []
  for (const match of note.matchAll(/(\S+)\s*\[sic\]/giu)) {
    const word = match[1].replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    if (word && !words.includes(word)) words.push(word)
  }
  return words
}

function isArticleHeading(
  text: string,
  clipping: Partial<Pick<Clipping, 'title' | 'byline'>>
): boolean {
  const line = text.trim()
  if (clipping.title && line === clipping.title.trim()) return true
  if (clipping.byline && line.includes(clipping.byline.trim())) return true
  return /^by\s/i.test(line) || !/[.!?…'’"”)]$/u.test(line)
}

/**
 * The start of a clipping's body for a briefing: its first paragraph that is not set-aside
 * boilerplate, cut at a word to at most EXCERPT_WORDS words, with an ellipsis when cut.
 */
export function excerptOf(
  clipping: Pick<Clipping, 'body' | 'boilerplate'> & Partial<Pick<Clipping, 'title' | 'byline'>>
): string {
  const paragraphs = paragraphRanges(clipping.body)
    .filter(({ start, end }) => !clipping.boilerplate.some((s) => s.start <= start && s.end >= end))
    .map(({ start, end }) => clipping.body.slice(start, end))
  // A pasted article often opens with its headline, byline and dateline: the excerpt is the text.
  const first = paragraphs.find((text) => !isArticleHeading(text, clipping)) ?? paragraphs[0] ?? ''
  const text = first
  const words = text.split(/\s+/).filter((word) => word !== '')
  if (words.length <= EXCERPT_WORDS) return words.join(' ')
  const cut = words.slice(0, EXCERPT_WORDS).join(' ')
  return `${cut.replace(/[\s,;:.—–-]+$/u, '')}…`
}

/**
 * Resolves a briefing against the library into a render-ready document. Items whose quote or
 * clipping has gone render as a visible "[… no longer in the library]" line.
 */
export function buildBriefingDocument(
  briefing: Briefing,
  lookup: BriefingLookup
): BriefingDocument {
  const sources: CitedClipping[] = []
  const citedById = new Map<string, CitedClipping>()
  function cite(clipping: Clipping): CitedClipping {
    const known = citedById.get(clipping.id)
    if (known) return known
    const candidate: CitedClipping = {
      number: sources.length + 1,
      clippingId: clipping.id,
      title: clipping.title,
      outlet: clipping.outlet,
      byline: clipping.byline,
      date: clipping.publishedAt ?? clipping.capturedAt,
      url: clipping.url
    }
    const same = sources.find((source) => sameArticle(source, candidate))
    if (same) {
      // The first paste cited may lack what the other has (an HTML paste often has no byline).
      if (!present(same.byline) && present(candidate.byline)) same.byline = candidate.byline
      if (!present(same.url) && present(candidate.url)) same.url = candidate.url
    } else sources.push(candidate)
    citedById.set(clipping.id, same ?? candidate)
    return same ?? candidate
  }

  function resolve(item: Briefing['sections'][number]['items'][number]): ResolvedItem {
    if (item.kind === 'note') return { kind: 'note', text: item.text, comment: item.comment }
    if (item.kind === 'clipping') {
      const clipping = item.refId === null ? undefined : lookup.clipping(item.refId)
      if (!clipping) return missing('clipping', item.comment)
      return {
        kind: 'clipping',
        source: cite(clipping),
        excerpt: excerptOf(clipping),
        comment: item.comment
      }
    }
    const quote = item.refId === null ? undefined : lookup.quote(item.refId)
    if (!quote) return missing('quote', item.comment)
    const speaker = quote.speakerId === null ? undefined : lookup.source(quote.speakerId)
    const clipping = lookup.clipping(quote.clippingId)
    return {
      kind: 'quote',
      text: briefingQuoteText(quote.text),
      quoteKind: quote.kind,
      confirmed: quote.status === 'confirmed',
      speaker: speaker?.name ?? null,
      role: speaker?.role ?? null,
      venue: quote.venue,
      sicWords: sicWordsOf(quote.note),
      source: clipping ? cite(clipping) : null,
      comment: item.comment
    }
  }

  return {
    title: briefing.title,
    date: briefing.date,
    author: briefing.author,
    sections: briefing.sections.map((section) => ({
      heading: section.heading,
      items: section.items.map(resolve)
    })),
    sources
  }
}

/** An address compared loosely: host case, a trailing slash and the #fragment do not count. */
function comparableUrl(url: string | null): string | null {
  if (!present(url)) return null
  const trimmed = url.trim()
  try {
    const parsed = new URL(trimmed)
    parsed.hash = ''
    return parsed.href.replace(/\/+$/, '')
  } catch {
    return trimmed
  }
}

function comparableText(text: string | null): string {
  return (text ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * Whether two citations are of one article: the same address, or the same title, outlet and
 * day (the same story pasted as text and as HTML gets two clippings, maybe two addresses).
 */
function sameArticle(a: CitedClipping, b: CitedClipping): boolean {
  const urlA = comparableUrl(a.url)
  if (urlA !== null && urlA === comparableUrl(b.url)) return true
  const day = (date: string | null): string =>
    /^\d{4}-\d{2}-\d{2}/.exec(date?.trim() ?? '')?.[0] ?? ''
  return (
    comparableText(a.title) !== '' &&
    comparableText(a.title) === comparableText(b.title) &&
    comparableText(a.outlet) === comparableText(b.outlet) &&
    day(a.date) !== '' &&
    day(a.date) === day(b.date)
  )
}

function missing(what: 'quote' | 'clipping', comment: string): ResolvedMissingItem {
  return { kind: 'missing', missing: what, label: `[${what} no longer in the library]`, comment }
}

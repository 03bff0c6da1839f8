import type { Analysis, QuoteProposal, TextSpan } from '@shared/model'
import { ApiError } from '@shared/api'
import { findBoilerplate } from './boilerplate'
import { findEntities, type KnownPerson } from './entities'
import { extractArticle } from './html/article'
import { extractTextMetadata } from './metadata'
import { checkPasteInput, stripBom, type PasteInput } from './paste-input'
import { attributeQuotes } from './quotes'

/** What the quotes stage answers for a body. */
export interface QuoteAttribution {
  quotes: QuoteProposal[]
  speakers: KnownPerson[]
  warnings: string[]
}

/** The stages `analyzePaste` calls that a test may replace. */
export interface AnalysisStages {
  attributeQuotes?: (body: string, options?: { boilerplate?: TextSpan[] }) => QuoteAttribution
}

/** Replaces each set-aside span with spaces, so later stages ignore it and offsets still agree. */
function maskSpans(body: string, spans: readonly { start: number; end: number }[]): string {
  let masked = ''
  let position = 0
  for (const span of spans) {
    masked += body.slice(position, span.start) + ' '.repeat(span.end - span.start)
    position = span.end
  }
  return masked + body.slice(position)
}

/**
 * Analyses a paste into a draft clipping: checks it, reduces HTML to sanitised paragraphs (plain
 * text is kept exactly as given, a leading BOM removed), reads metadata, sets boilerplate aside,
 * proposes quotes with speakers, and lists people, organisations and places. Offsets index `body`.
 */
export function analyzePaste(input: PasteInput, stages: AnalysisStages = {}): Analysis {
  checkPasteInput(input)
  const warnings: string[] = []
  const html = input.html === undefined ? '' : stripBom(input.html)
  const text = input.text === undefined ? '' : stripBom(input.text)
  const givenUrl = input.url?.trim() || null

  let body = text
  let fromHtml: ReturnType<typeof extractArticle> | null = null
  if (html.trim() !== '') {
    const article = extractArticle(html, givenUrl ?? undefined)
    const paragraphs = article.paragraphs.join('\n\n')
    if (paragraphs.trim() !== '' || text.trim() === '') {
      fromHtml = article
      body = paragraphs
      warnings.push(...article.warnings)
    }
  }
  if (body.trim() === '') {
    throw new ApiError(
      'INVALID_INPUT',
      'The pasted page has no readable text. Copy the article’s text and paste that.'
    )
  }

  const fromText = extractTextMetadata(body, givenUrl ?? fromHtml?.url)
  const url = fromText.url
  const boilerplate = findBoilerplate(body)
  // The author is no one the article cites: quotes and entities read the body without the byline.
  const cited = maskSpans(body, fromText.bylineSpans)
  const quoteStage = stages.attributeQuotes ?? attributeQuotes
  const attribution = quoteStage(cited, { boilerplate })
  warnings.push(...attribution.warnings)
  const entities = findEntities(maskSpans(cited, boilerplate), { people: attribution.speakers })

  // Page metadata can be anything a site wrote; keep within what the library stores.
  return {
    title: clip(fromHtml?.title ?? fromText.title, 1000),
    outlet: clip(fromHtml?.outlet ?? fromText.outlet, 300),
    byline: clip(fromHtml?.byline ?? fromText.byline, 500),
    publishedAt: clip(fromHtml?.publishedAt ?? fromText.publishedAt, 40),
    url: url && url.length <= 4000 ? url : null,
    body,
    boilerplate,
    quotes: withFullestSpeakers(
      attribution.quotes,
      entities.people,
      fromHtml?.outlet ?? fromText.outlet
    ),
    people: entities.people.map((person) => ({
      name: clip(person.name, 300) ?? person.name,
      aliases: person.aliases.filter((alias) => alias.length <= 300),
      role: clip(person.role, 300)
    })),
    organisations: entities.organisations,
    places: entities.places,
    warnings
  }
}

/**
 * Names each quote's speaker by the fullest form the article uses, as the people list has it,
 * and trims the sentence's punctuation from a venue ("told The Times." → "The Times").
 */
function withFullestSpeakers(
  quotes: readonly QuoteProposal[],
  people: readonly { name: string; aliases: string[]; role: string | null }[],
  outlet: string | null
): QuoteProposal[] {
  return quotes.map((found) => {
    let venue = clip(found.venue?.replace(/[\s.,;:]+$/u, '') || null, 300)
    // "told the Courier" in the Courier's own story: the article is the venue already.
    if (venue && outlet && namesOutlet(venue, outlet)) venue = null
    const quote = venue === found.venue ? found : { ...found, venue }
    const speaker = quote.speaker
    if (speaker === null) return quote
    const person = people.find((p) => p.name === speaker || p.aliases.includes(speaker))
    if (!person) return quote
    return { ...quote, speaker: person.name, role: clip(quote.role ?? person.role, 300) }
  })
}

/** True when a venue ("the Courier", "The Northfield Courier") names the article's own outlet. */
function namesOutlet(venue: string, outlet: string): boolean {
  const plain = (text: string) =>
    text
      .toLowerCase()
      .replace(/^the\s+/u, '')
      .trim()
  const named = plain(venue)
  const own = plain(outlet)
  return named.length > 2 && (own === named || own.endsWith(` ${named}`))
}

/** Cuts text to at most `max` characters, at a word where it can, with an ellipsis. */
function clip(text: string | null, max: number): string | null {
  if (text === null || text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`
}

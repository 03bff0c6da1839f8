import type { Analysis, QuoteProposal, TextSpan } from '@shared/model'
import { ApiError } from '@shared/api'
import { findBoilerplate } from './boilerplate'
import { findEntities, type KnownPerson } from './entities'
import { extractArticle } from './html/article'
import { extractTextMetadata } from './metadata'
import { outletForHost } from './outlets'
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

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null
  } catch {
    return null
  }
}

/** Replaces each set-aside span with spaces, so later stages ignore it and offsets still agree. */
function maskSpans(body: string, spans: readonly TextSpan[]): string {
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
  const host = url ? hostOf(url) : null
  const boilerplate = findBoilerplate(body)
  const quoteStage = stages.attributeQuotes ?? attributeQuotes
  const attribution = quoteStage(body, { boilerplate })
  warnings.push(...attribution.warnings)
  const entities = findEntities(maskSpans(body, boilerplate), { people: attribution.speakers })

  return {
    title: fromHtml?.title ?? fromText.title,
    outlet: fromHtml?.outlet ?? fromText.outlet ?? (host ? outletForHost(host) : null),
    byline: fromHtml?.byline ?? fromText.byline,
    publishedAt: fromHtml?.publishedAt ?? fromText.publishedAt,
    url,
    body,
    boilerplate,
    quotes: withFullestSpeakers(attribution.quotes, entities.people),
    people: entities.people,
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
  people: readonly { name: string; aliases: string[]; role: string | null }[]
): QuoteProposal[] {
  return quotes.map((found) => {
    const venue = found.venue?.replace(/[\s.,;:]+$/u, '') || null
    const quote = venue === found.venue ? found : { ...found, venue }
    const speaker = quote.speaker
    if (speaker === null) return quote
    const person = people.find((p) => p.name === speaker || p.aliases.includes(speaker))
    if (!person) return quote
    return { ...quote, speaker: person.name, role: quote.role ?? person.role }
  })
}

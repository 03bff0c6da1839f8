import type { QuoteInContext } from '@shared/api'
import { formatDate } from './format'

/**
 * The credit line of a quote in lists: "Name, role · venue · Outlet, date", with "Speaker not
 * tagged" for a quote without a speaker; the date is the publication date, else the capture date.
 */
export function quoteAttribution(
  quote: Pick<QuoteInContext, 'speaker' | 'venue' | 'clipping'>
): string {
  const speaker = quote.speaker
    ? [quote.speaker.name, quote.speaker.role].filter(Boolean).join(', ')
    : 'Speaker not tagged'
  const published = quote.clipping.publishedAt ?? quote.clipping.capturedAt
  const outlet = [quote.clipping.outlet, formatDate(published)].filter(Boolean).join(', ')
  return [speaker, quote.venue, outlet].filter(Boolean).join(' · ')
}

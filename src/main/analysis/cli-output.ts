import type { Analysis } from '@shared/model'

/**
 * One line of `clipdesk analyze --json` (JSON Lines): exactly the keys of the CLI contract, in
 * its order: file, title, outlet, byline, publishedAt, url, boilerplate, quotes, people,
 * organisations, places.
 */
export function formatAnalysisJsonLine(file: string, analysis: Analysis): string {
  return JSON.stringify({
    file,
    title: analysis.title,
    outlet: analysis.outlet,
    byline: analysis.byline,
    publishedAt: analysis.publishedAt,
    url: analysis.url,
    boilerplate: analysis.boilerplate.map(({ start, end, text }) => ({ start, end, text })),
    quotes: analysis.quotes.map((quote) => ({
      start: quote.start,
      end: quote.end,
      text: quote.text,
      speaker: quote.speaker,
      role: quote.role,
      venue: quote.venue,
      kind: quote.kind,
      confidence: quote.confidence
    })),
    people: analysis.people.map(({ name, aliases, role }) => ({ name, aliases, role })),
    organisations: analysis.organisations.map(({ name, aliases }) => ({ name, aliases })),
    places: analysis.places.map(({ name }) => ({ name }))
  })
}

function shorten(text: string, length = 100): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`
}

function withAliases(name: string, aliases: readonly string[]): string {
  return aliases.length ? `${name} (${aliases.join(', ')})` : name
}

/** A readable multi-line summary of an analysis for a terminal (`clipdesk analyze` without --json). */
export function formatAnalysisSummary(file: string, analysis: Analysis): string {
  const none = '—'
  const lines = [
    file,
    `  Title:     ${analysis.title ?? none}`,
    `  Outlet:    ${analysis.outlet ?? none}`,
    `  Byline:    ${analysis.byline ?? none}`,
    `  Published: ${analysis.publishedAt ?? none}`,
    `  URL:       ${analysis.url ?? none}`,
    `  Quotes (${analysis.quotes.length}):`
  ]
  for (const quote of analysis.quotes) {
    const speaker = quote.speaker
      ? `${quote.speaker}${quote.role ? `, ${quote.role}` : ''}`
      : 'speaker unknown'
    const venue = quote.venue ? ` in ${quote.venue}` : ''
    lines.push(
      `    [${quote.start}–${quote.end}] “${shorten(quote.text)}” — ${speaker}${venue} (${quote.kind}, ${quote.confidence.toFixed(2)})`
    )
  }
  lines.push(`  People (${analysis.people.length}):`)
  for (const person of analysis.people) {
    lines.push(
      `    ${withAliases(person.name, person.aliases)}${person.role ? ` — ${person.role}` : ''}`
    )
  }
  lines.push(
    `  Organisations: ${analysis.organisations.map((org) => withAliases(org.name, org.aliases)).join('; ') || none}`,
    `  Places: ${analysis.places.map((place) => place.name).join('; ') || none}`,
    `  Boilerplate set aside (${analysis.boilerplate.length}):`
  )
  for (const span of analysis.boilerplate)
    lines.push(`    [${span.start}–${span.end}] ${shorten(span.text)}`)
  for (const warning of analysis.warnings) lines.push(`  Warning: ${warning}`)
  return lines.join('\n')
}

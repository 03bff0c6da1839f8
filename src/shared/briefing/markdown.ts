import {
  formatLongDate,
  present,
  quoteParagraphs,
  shownVenue,
  splitParagraphs,
  type BriefingDocument,
  type CitedClipping,
  type ResolvedItem,
  type ResolvedQuoteItem
} from './document'

/** Options of the Markdown export. */
export interface MarkdownOptions {
  /** Insert "[sic]" after the words each quote's note flags with "word [sic]". */
  sic?: boolean
}

/** Escapes the characters Markdown reads as inline markup, wherever they are. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
}

/** Trims each line and escapes what would start a heading, list, rule or block there. */
function escapeLineStarts(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/^([#+=-])/, '\\$1')
        .replace(/^(\d{1,9})([.)])/, '$1\\$2')
    )
    .join('\n')
}

/**
 * Escapes text so that Markdown renders it verbatim: inline markup characters everywhere, and
 * what would start a heading, list, rule or block at the start of a line. Quotation marks and
 * apostrophes are left alone.
 */
export function escapeMarkdown(text: string): string {
  return escapeLineStarts(escapeInline(text))
}

/** An http(s) address as a Markdown autolink; anything else as escaped text. */
function markdownUrl(url: string): string {
  return /^https?:\/\/[^\s<>]+$/i.test(url) ? `<${url}>` : escapeMarkdown(url)
}

function emphasis(text: string): string {
  return `*${escapeMarkdown(text)}*`
}

/** A clipping's outlet, byline and date, those it has, as Markdown parts to join with commas. */
function clippingDetails(source: CitedClipping): string[] {
  return [
    ...(present(source.outlet) ? [emphasis(source.outlet)] : []),
    ...[source.byline, source.date && formatLongDate(source.date)]
      .filter(present)
      .map(escapeMarkdown)
  ]
}

function citation(source: CitedClipping | null): string {
  return source ? ` [${source.number}]` : ''
}

/**
 * "— Speaker, role, venue, *Outlet*, date [n]", with "Unattributed" for an unknown speaker and
 * " [unconfirmed]" after the citation of a quote nobody has confirmed.
 */
function attribution(item: ResolvedQuoteItem): string {
  const source = item.source
  const venue = shownVenue(item)
  const parts = [
    escapeMarkdown(present(item.speaker) ? item.speaker : 'Unattributed'),
    ...[item.role, venue].filter(present).map(escapeMarkdown),
    ...(present(source?.outlet) ? [emphasis(source.outlet)] : []),
    ...(present(source?.date) ? [escapeMarkdown(formatLongDate(source.date))] : [])
  ]
  const partial = item.quoteKind === 'partial' ? ' (partial quote)' : ''
  const unconfirmed = item.confirmed ? '' : ' [unconfirmed]'
  return `— ${parts.join(', ')}${partial}${citation(source)}${unconfirmed}`
}

function blockquote(paragraphs: string[]): string {
  return paragraphs
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')
    )
    .join('\n>\n')
}

function paragraphs(text: string): string[] {
  return splitParagraphs(text).map(escapeMarkdown)
}

function itemBlocks(item: ResolvedItem, sic: boolean): string[] {
  const comment = paragraphs(item.comment)
  switch (item.kind) {
    case 'quote': {
      const quote = quoteParagraphs(item.text, item.sicWords, sic).map((runs) =>
        escapeLineStarts(
          runs.map((run) => (run.sic ? ' \\[*sic*\\]' : escapeInline(run.text))).join('')
        )
      )
      return [blockquote(quote), attribution(item), ...comment]
    }
    case 'clipping': {
      const source = item.source
      const meta = clippingDetails(source)
      const title = `**${escapeMarkdown(source.title.trim() || 'Untitled clipping')}**`
      const heading = [title, meta.join(', ')].filter((part) => part !== '').join(' — ')
      const excerpt = item.excerpt ? [blockquote([escapeMarkdown(item.excerpt)])] : []
      return [`${heading}${citation(source)}`, ...excerpt, ...comment]
    }
    case 'note':
      return [...paragraphs(item.text), ...comment]
    case 'missing':
      return [emphasis(item.label), ...comment]
  }
}

/** One entry of the source list: "Title. *Outlet*, byline, date. <url>". */
function sourceEntry(source: CitedClipping): string {
  const title = escapeMarkdown(source.title.trim() || 'Untitled clipping')
  const meta = clippingDetails(source)
  const sentences = [/[.?!…]$/.test(title) ? title : `${title}.`]
  if (meta.length > 0) sentences.push(`${meta.join(', ')}.`)
  if (present(source.url)) sentences.push(markdownUrl(source.url.trim()))
  return `${source.number}. ${sentences.join(' ')}`
}

function headingText(text: string): string {
  // A run of # at the end of a heading line would be read as its closing sequence.
  return escapeMarkdown(text).replace(/(\s)(#+)$/, (_, space: string, marks: string) => {
    return `${space}${marks.replace(/#/g, '\\#')}`
  })
}

/**
 * Renders a briefing as Markdown: title, date and author, a heading per section, quotes as
 * blockquotes with their attribution and citation number, then the numbered source list.
 * The same document always gives the same text.
 */
export function renderBriefingMarkdown(
  doc: BriefingDocument,
  options: MarkdownOptions = {}
): string {
  const sic = options.sic ?? false
  const blocks: string[] = [`# ${headingText(doc.title.trim() || 'Untitled briefing')}`]
  const byline = [formatLongDate(doc.date), doc.author.trim()].filter((part) => part !== '')
  if (byline.length > 0) blocks.push(byline.map(escapeMarkdown).join(' · '))
  for (const section of doc.sections) {
    if (section.heading.trim() !== '') blocks.push(`## ${headingText(section.heading)}`)
    for (const item of section.items) blocks.push(...itemBlocks(item, sic))
  }
  if (doc.sources.length > 0) {
    blocks.push('## Sources', doc.sources.map(sourceEntry).join('\n'))
  }
  return `${blocks.join('\n\n')}\n`
}

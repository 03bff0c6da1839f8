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
import { printStylesheet, type PaperSize } from './print-style'

/** Options of the HTML rendering. */
export interface HtmlOptions {
  /** The paper size the stylesheet's `@page` asks for (A4 unless told). */
  paper?: PaperSize
  /** Insert "[sic]" after the words each quote's note flags with "word [sic]". */
  sic?: boolean
}

/** The Content-Security-Policy of every rendered briefing: no scripts, no network. */
export const BRIEFING_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

function dateHtml(iso: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso.trim())
  const label = escapeHtml(formatLongDate(iso))
  return day ? `<time datetime="${day[0]}">${label}</time>` : label
}

/** A clipping's outlet, byline and date, those it has, as HTML parts to join with commas. */
function clippingDetails(source: CitedClipping): string[] {
  return [
    ...(present(source.outlet) ? [`<cite>${escapeHtml(source.outlet)}</cite>`] : []),
    ...(present(source.byline) ? [escapeHtml(source.byline)] : []),
    ...(present(source.date) ? [dateHtml(source.date)] : [])
  ]
}

function citation(source: CitedClipping | null): string {
  if (!source) return ''
  return ` <a class="citation" href="#source-${source.number}">[${source.number}]</a>`
}

function attribution(item: ResolvedQuoteItem): string {
  const source = item.source
  const venue = shownVenue(item)
  const speaker = present(item.speaker) ? item.speaker : 'Unattributed'
  const parts = [
    `<span class="quote-speaker">${escapeHtml(speaker)}</span>`,
    ...[item.role, venue].filter(present).map(escapeHtml),
    ...(present(source?.outlet) ? [`<cite>${escapeHtml(source.outlet)}</cite>`] : []),
    ...(present(source?.date) ? [dateHtml(source.date)] : [])
  ]
  const partial = item.quoteKind === 'partial' ? ' (partial quote)' : ''
  const unconfirmed = item.confirmed ? '' : ' <span class="unconfirmed-label">Unconfirmed</span>'
  return `— ${parts.join(', ')}${partial}${citation(source)}${unconfirmed}`
}

/**
 * The journalist's own words, set apart from the quoted text: an aside whose first paragraph
 * opens with a small label ("Comment", "Note").
 */
function commentary(kind: 'comment' | 'note', text: string): string {
  const label = `<span class="commentary-label">${kind === 'note' ? 'Note' : 'Comment'}</span> `
  const html = splitParagraphs(text)
    .map((paragraph, index) => `<p>${index === 0 ? label : ''}${escapeHtml(paragraph)}</p>`)
    .join('')
  return html ? `<aside class="commentary ${kind}">${html}</aside>` : ''
}

function comment(text: string): string {
  return commentary('comment', text)
}

function itemHtml(item: ResolvedItem, sic: boolean): string {
  switch (item.kind) {
    case 'quote': {
      const quote = quoteParagraphs(item.text, item.sicWords, sic)
        .map((runs) => {
          const text = runs
            .map((run) =>
              run.sic ? ' <span class="sic">[<i>sic</i>]</span>' : escapeHtml(run.text)
            )
            .join('')
          return `<p>${text}</p>`
        })
        .join('')
      return (
        `<div class="item item-quote"><figure class="quote${item.confirmed ? '' : ' quote-unconfirmed'}">` +
        `<blockquote class="quote-text">${quote}</blockquote>` +
        `<figcaption class="quote-attribution">${attribution(item)}</figcaption></figure>` +
        `${comment(item.comment)}</div>`
      )
    }
    case 'clipping': {
      const source = item.source
      const meta = clippingDetails(source)
      const excerpt = item.excerpt
        ? `<blockquote class="clipping-excerpt"><p>${escapeHtml(item.excerpt)}</p></blockquote>`
        : ''
      return (
        `<div class="item item-clipping"><div class="clipping">` +
        `<p class="clipping-title">${escapeHtml(source.title.trim() || 'Untitled clipping')}</p>` +
        `<p class="clipping-meta">${meta.join(', ')}${citation(source)}</p>${excerpt}</div>` +
        `${comment(item.comment)}</div>`
      )
    }
    case 'note':
      return `<div class="item item-note">${commentary('note', item.text)}${comment(item.comment)}</div>`
    case 'missing':
      return `<div class="item item-missing"><p class="missing">${escapeHtml(item.label)}</p>${comment(item.comment)}</div>`
  }
}

function sourceHtml(source: CitedClipping): string {
  const title = escapeHtml(source.title.trim() || 'Untitled clipping')
  const meta = clippingDetails(source)
  const parts = [/[.?!…]$/.test(source.title.trim()) ? title : `${title}.`]
  if (meta.length > 0) parts.push(`${meta.join(', ')}.`)
  if (present(source.url)) {
    const url = source.url.trim()
    parts.push(
      /^https?:\/\//i.test(url)
        ? `<a class="source-url" href="${escapeHtml(url)}">${escapeHtml(url)}</a>`
        : `<span class="source-url">${escapeHtml(url)}</span>`
    )
  }
  return `<li id="source-${source.number}">${parts.join(' ')}</li>`
}

/**
 * Renders a briefing as a standalone HTML document with its print stylesheet and a
 * Content-Security-Policy that allows no script and no network. Every text is escaped.
 */
export function renderBriefingHtml(doc: BriefingDocument, options: HtmlOptions = {}): string {
  const sic = options.sic ?? false
  const title = doc.title.trim() || 'Untitled briefing'
  const meta = [
    ...(present(doc.date) ? [`<span class="masthead-date">${dateHtml(doc.date)}</span>`] : []),
    ...(present(doc.author)
      ? [`<span class="masthead-author">${escapeHtml(doc.author)}</span>`]
      : [])
  ]
  const sections = doc.sections.map((section) => {
    const items = section.items.map((item) => itemHtml(item, sic))
    if (section.heading.trim() === '')
      return `<section class="section">${items.join('\n')}</section>`
    // The heading and the first item stay on one page, so no heading is left at a page's foot.
    const lead = `<div class="section-lead"><h2 class="section-heading">${escapeHtml(section.heading)}</h2>${items[0] ?? ''}</div>`
    return `<section class="section">${[lead, ...items.slice(1)].join('\n')}</section>`
  })
  const sources =
    doc.sources.length > 0
      ? `<section class="sources"><h2 class="section-heading">Sources</h2>` +
        `<ol class="source-list">${doc.sources.map(sourceHtml).join('\n')}</ol></section>`
      : ''
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${BRIEFING_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${printStylesheet(options.paper ?? 'A4')}</style>`,
    '</head>',
    '<body>',
    '<main class="briefing">',
    `<header class="masthead"><p class="masthead-meta">${meta.join('')}</p>` +
      `<h1 class="masthead-title">${escapeHtml(title)}</h1></header>`,
    ...sections,
    sources,
    '</main>',
    '</body>',
    '</html>',
    ''
  ].join('\n')
}

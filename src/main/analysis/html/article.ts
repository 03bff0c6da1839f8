import { Readability } from '@mozilla/readability'
import type { DOMWindow } from 'jsdom'
import { findDate } from '../dates'
import { outletForHost } from '../outlets'
import { inertWindow, parseInertDocument } from './inert-window'
import { sanitiseHtmlWithReport } from './sanitise'

/** An article read from pasted HTML: metadata and plain paragraphs. */
export interface HtmlArticle {
  title: string | null
  byline: string | null
  outlet: string | null
  publishedAt: string | null
  url: string | null
  paragraphs: string[]
  warnings: string[]
}

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL'
])
const ELEMENT_NODE = 1
const TEXT_NODE = 3
const MAX_JSON_LD_LENGTH = 200_000

/**
 * The text of a DOM subtree as paragraphs: each block element is a paragraph, whitespace inside
 * it collapsed, `<br>` kept as a line break (two in a row start a new paragraph), typographic
 * characters verbatim.
 */
export function blockParagraphs(root: Node): string[] {
  const paragraphs: string[] = []
  let current = ''
  const flush = () => {
    const lines = current.split('\n').map((line) => line.replace(/\s+/g, ' ').trim())
    let paragraph: string[] = []
    for (const line of [...lines, '']) {
      if (line) {
        paragraph.push(line)
      } else if (paragraph.length) {
        paragraphs.push(paragraph.join('\n'))
        paragraph = []
      }
    }
    current = ''
  }
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        current += (child.nodeValue ?? '').replace(/[ \t\n\r\f]+/g, ' ')
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = (child as Element).tagName
        if (tag === 'BR') {
          current += '\n'
        } else if (BLOCKS.has(tag)) {
          flush()
          walk(child)
          flush()
        } else {
          walk(child)
        }
      }
    }
  }
  walk(root)
  flush()
  return paragraphs
}

function meta(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const element = document.querySelector(
      `meta[property="${key}" i], meta[name="${key}" i], meta[itemprop="${key}" i]`
    )
    const content = element?.getAttribute('content')?.replace(/\s+/g, ' ').trim()
    if (content) return content
  }
  return null
}

interface JsonLdFacts {
  headline: string | null
  author: string | null
  publisher: string | null
  datePublished: string | null
  url: string | null
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value)) {
    const names = value.map(textOf).filter((name): name is string => name !== null)
    return names.length ? names.join(', ') : null
  }
  if (value && typeof value === 'object' && 'name' in value) return textOf(value.name)
  return null
}

/** Facts from JSON-LD blocks, read with JSON.parse only (never run). */
function jsonLdFacts(document: Document): JsonLdFacts {
  const facts: JsonLdFacts = {
    headline: null,
    author: null,
    publisher: null,
    datePublished: null,
    url: null
  }
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    const source = script.textContent ?? ''
    if (source.length > MAX_JSON_LD_LENGTH) continue
    let parsed: unknown
    try {
      parsed = JSON.parse(source)
    } catch {
      continue
    }
    const queue: unknown[] = [parsed]
    while (queue.length) {
      const item = queue.shift()
      if (Array.isArray(item)) {
        queue.push(...item)
        continue
      }
      if (!item || typeof item !== 'object') continue
      const record = item as Record<string, unknown>
      if (Array.isArray(record['@graph'])) queue.push(...record['@graph'])
      const type = textOf(record['@type']) ?? ''
      if (!/Article|Posting|Report|NewsArticle/i.test(type)) continue
      facts.headline ??= textOf(record.headline)
      facts.author ??= textOf(record.author)
      facts.publisher ??= textOf(record.publisher)
      facts.datePublished ??= textOf(record.datePublished)
      facts.url ??= typeof record.url === 'string' ? record.url : null
    }
  }
  return facts
}

function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(trimmed)) {
    return trimmed.replace(' ', 'T')
  }
  return findDate(trimmed)
}

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function cleanByline(value: string | null | undefined): string | null {
  if (!value) return null
  const text = value
    .replace(/\s+/g, ' ')
    .replace(/^by\s+/i, '')
    .trim()
  if (!text || /^https?:\/\//i.test(text) || text.length > 300) return null
  return text
}

/**
 * Removes a trailing " | Outlet" or " - Outlet" from a title: always when it names the outlet,
 * and for a page's `<title>` also when the last part is a short site name.
 */
function cleanTitle(
  title: string | null | undefined,
  outlet: string | null,
  fromPageTitle: boolean
): string | null {
  const text = title?.replace(/\s+/g, ' ').trim()
  if (!text) return null
  const separator = /\s+[|–—-]\s+(?!.*\s[|–—-]\s)/.exec(text)
  if (!separator) return text
  const last = text.slice(separator.index + separator[0].length)
  const namesOutlet = outlet !== null && last.toLowerCase().includes(outlet.toLowerCase())
  if (namesOutlet || (fromPageTitle && last.split(' ').length <= 3)) {
    return text.slice(0, separator.index)
  }
  return text
}

/** Whether raw HTML is a whole page (worth Readability) rather than a copied selection. */
function isWholePage(document: Document): boolean {
  return document.querySelector('title, nav, article, main, [role="main"], header, footer') !== null
}

/**
 * Reads pasted HTML as an article: sanitised first, then reduced to its main text the way Firefox's
 * reader view does (Readability), falling back to every block's text when that finds nothing.
 * Metadata comes from the page's meta tags, JSON-LD and `<time datetime>`, read from an inert
 * parse: no script runs and nothing is fetched.
 */
export function extractArticle(
  html: string,
  url?: string,
  window: DOMWindow = inertWindow()
): HtmlArticle {
  const warnings: string[] = []
  const report = sanitiseHtmlWithReport(html, window)
  if (report.removed.length) {
    warnings.push(`Removed from the pasted page: ${report.removed.join(', ')}.`)
  }
  const raw = parseInertDocument(html, window)
  const facts = jsonLdFacts(raw)
  const pageUrl =
    httpUrl(url) ??
    httpUrl(meta(raw, 'og:url')) ??
    httpUrl(raw.querySelector('link[rel="canonical" i]')?.getAttribute('href')) ??
    httpUrl(facts.url)
  let outlet =
    meta(raw, 'og:site_name', 'application-name', 'publisher', 'dc.publisher') ?? facts.publisher
  if (!outlet && pageUrl) outlet = outletForHost(new URL(pageUrl).hostname)

  const wrapped = `<!DOCTYPE html><html><head><title></title></head><body>${report.html}</body></html>`
  const clean = parseInertDocument(wrapped, window)
  let paragraphs: string[] = []
  let readable: ReturnType<Readability<Node>['parse']> = null
  if (isWholePage(raw)) {
    const document = parseInertDocument(wrapped, window)
    readable = new Readability<Node>(document, { serializer: (node) => node }).parse()
    if (readable?.content) paragraphs = blockParagraphs(readable.content)
    if (paragraphs.length === 0) {
      warnings.push('No article body was recognised; all of the page’s text was kept.')
    }
  }
  if (paragraphs.length === 0) paragraphs = blockParagraphs(clean.body)

  const declaredTitle =
    meta(raw, 'og:title', 'twitter:title', 'dc.title', 'headline') ?? facts.headline
  const title = declaredTitle
    ? cleanTitle(declaredTitle, outlet, false)
    : (cleanTitle(raw.querySelector('title')?.textContent, outlet, true) ??
      cleanTitle(clean.querySelector('h1')?.textContent, outlet, false))
  const byline = cleanByline(
    meta(raw, 'author', 'article:author', 'byl', 'dc.creator', 'sailthru.author') ??
      facts.author ??
      readable?.byline ??
      raw.querySelector('[rel="author" i], .byline, .author')?.textContent
  )
  const publishedAt = normaliseDate(
    meta(
      raw,
      'article:published_time',
      'datePublished',
      'date',
      'pubdate',
      'publish-date',
      'dc.date',
      'dc.date.issued',
      'og:published_time'
    ) ??
      facts.datePublished ??
      raw.querySelector('time[datetime]')?.getAttribute('datetime') ??
      readable?.publishedTime
  )
  return {
    title,
    byline: byline && !/^https?:/i.test(byline) ? byline : null,
    outlet,
    publishedAt,
    url: pageUrl,
    paragraphs,
    warnings
  }
}

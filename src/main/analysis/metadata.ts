import { COPYRIGHT_OPENING } from './boilerplate'
import { findDate, findDateSpan } from './dates'
import { knownOutletForHost, outletForHost, isWebmailDomain } from './outlets'

/** Article metadata read from plain text; null where the text does not say. */
export interface TextMetadata {
  title: string | null
  outlet: string | null
  byline: string | null
  publishedAt: string | null
  url: string | null
}

const MAX_TITLE_LENGTH = 200
const HEADER_LINES = 12
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"“”‘’]+/gi
const URL_LABEL =
  /^(?:url|link|source|original(?: article| story)?|read (?:it|more) at|web|permalink)\s*:?\s*/i
const DATE_LABEL =
  /^(?:(?:first |last )?published|updated|posted|modified|date|last updated)\b(?:\s+on)?\s*:?/i
const BY_LINE = /^by\s+(\p{Lu}.{1,150})$/iu
const JOURNALIST_ROLE =
  /\b(?:correspondent|editor|reporter|writer|journalist|columnist|contributor|staff|analyst|critic|presenter|producer|chief|desk)\b/i
const NAME_WITH_ROLE =
  /^(\p{Lu}[\p{L}’'-]+(?:\s+(?:\p{Lu}[\p{L}’'.-]*|de|van|von|der|al|bin))*\s+\p{Lu}[\p{L}’'-]+)\s*(?:,|[-–—|])\s*(.{3,80})$/u
const CONTACT_CONTEXT =
  /\b(?:get in touch|got a story|contact|email(?:ing)? us|news ?desk|news team|tip(?:s|-off)?|send us|write to us)\b/i
const EMAIL_PATTERN = /[\w.+-]+@((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})/gi
const COPYRIGHT_LINE = new RegExp(`${COPYRIGHT_OPENING.source}\\s*(?:©\\s*)?(.+)$`, 'i')
const SOURCE_LINE = /^(?:source|via|courtesy of)\s*:\s*(.+)$/i
const ORIGIN_LINE =
  /^this (?:article|story|piece) (?:was |is )?(?:originally |first )?(?:published|appeared|ran) (?:by|in|on|at)\s+(.+)$/i

/** A non-empty line of the body, trimmed. */
interface Line {
  text: string
  index: number
}

function linesOf(body: string): Line[] {
  const lines: Line[] = []
  body.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const text = raw.trim()
    if (text) lines.push({ text, index })
  })
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

interface Byline {
  byline: string
  outlet: string | null
}

function parseByline(lines: Line[]): Byline | null {
  for (const line of lines.slice(0, HEADER_LINES)) {
    const by = BY_LINE.exec(line.text)
    if (by) {
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
      if (rest) return { byline: rest, outlet }
    }
    const named = NAME_WITH_ROLE.exec(line.text)
    if (named && JOURNALIST_ROLE.test(named[2]!) && line.text.length <= 100) {
      return { byline: line.text, outlet: null }
    }
  }
  return null
}

function findTitle(lines: Line[], skip: (text: string) => boolean): string | null {
  const candidates = lines.slice(0, HEADER_LINES).filter((line) => !skip(line.text))
  const first = candidates[0]
  if (!first) return null
  const isHeadline = (text: string) => text.length <= MAX_TITLE_LENGTH && !/[^.]\.$/.test(text)
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
    (host ? outletForHost(host) : null)
  const skip = (text: string) =>
    isUrlLine(text) ||
    isDateLine(text) ||
    BY_LINE.test(text) ||
    (byline !== null && text === byline.byline)
  return {
    title: findTitle(lines, skip),
    outlet,
    byline: byline?.byline ?? null,
    publishedAt: findPublishedAt(lines),
    url
  }
}

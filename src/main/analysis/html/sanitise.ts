import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify'
import type { DOMWindow } from 'jsdom'
import { inertWindow } from './inert-window'

/** The elements a sanitised paste keeps: text structure only. */
export const ALLOWED_TAGS = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'br',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'em',
  'strong',
  'i',
  'b',
  'time',
  'span',
  'div',
  'article',
  'header',
  'footer',
  'figure',
  'figcaption',
  'section',
  'main',
  'aside'
]

const CONFIG: Config = {
  ALLOWED_TAGS,
  // Class names stay because Readability scores blocks by them ("byline", "comment", "sidebar").
  ALLOWED_ATTR: ['href', 'datetime', 'class'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  // Without this the URI pattern above would also reject every datetime value.
  ADD_URI_SAFE_ATTR: ['datetime'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ADD_FORBID_CONTENTS: ['nav', 'button', 'select', 'textarea', 'object', 'embed', 'canvas'],
  RETURN_TRUSTED_TYPE: false
}

/** What sanitising removed that the journalist may want to know about, by kind. */
export interface SanitiseReport {
  html: string
  removed: string[]
}

const purifiers = new WeakMap<DOMWindow, DOMPurify>()

function purifierFor(window: DOMWindow): DOMPurify {
  let purifier = purifiers.get(window)
  if (!purifier) {
    // jsdom's window provides every member DOMPurify needs; its type differs only in detail.
    purifier = createDOMPurify(window as unknown as WindowLike)
    purifiers.set(window, purifier)
  }
  return purifier
}

const DANGEROUS_ELEMENTS: Record<string, string> = {
  script: 'script',
  noscript: 'script',
  style: 'style sheet',
  link: 'style sheet',
  iframe: 'embedded frame',
  frame: 'embedded frame',
  frameset: 'embedded frame',
  object: 'embedded object',
  embed: 'embedded object',
  applet: 'embedded object',
  form: 'form',
  input: 'form field',
  button: 'form field',
  select: 'form field',
  textarea: 'form field',
  svg: 'SVG drawing',
  math: 'MathML formula',
  meta: 'meta tag',
  base: 'base tag',
  img: 'image',
  picture: 'image',
  video: 'video',
  audio: 'audio'
}

function describeRemoval(entry: DOMPurify['removed'][number]): string | null {
  if ('element' in entry) {
    const name = entry.element.nodeName.toLowerCase()
    return DANGEROUS_ELEMENTS[name] ?? null
  }
  const attribute = entry.attribute
  if (!attribute) return null
  const name = attribute.name.toLowerCase()
  if (name.startsWith('on')) return 'event handler'
  if (name === 'href' || name === 'src' || name === 'action' || name === 'formaction') {
    const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(attribute.value.replace(/[\u0000-\u0020]/g, ''))
    if (scheme) {
      const lower = scheme[1]!.toLowerCase()
      if (lower === 'javascript' || lower === 'data' || lower === 'vbscript') {
        return `${lower}: link`
      }
    }
  }
  return null
}

/** Sanitises pasted HTML and says which kinds of dangerous content it removed, with counts. */
export function sanitiseHtmlWithReport(
  html: string,
  window: DOMWindow = inertWindow()
): SanitiseReport {
  const purifier = purifierFor(window)
  const clean = purifier.sanitize(html, CONFIG) as string
  const counts = new Map<string, number>()
  for (const entry of purifier.removed) {
    const kind = describeRemoval(entry)
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1)
  }
  const removed = [...counts].map(([kind, count]) =>
    count === 1 ? `1 ${kind}` : `${count} ${kind}s`
  )
  return { html: clean, removed }
}

/**
 * Sanitises pasted HTML down to text structure: no scripts, event handlers, frames, forms, styles,
 * SVG/MathML, meta or base tags, and links only to http(s) or mailto. Nothing is fetched or run.
 */
export function sanitiseHtml(html: string, window: DOMWindow = inertWindow()): string {
  return sanitiseHtmlWithReport(html, window).html
}

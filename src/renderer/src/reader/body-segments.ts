import type { Quote } from '@shared/model'

/** A span of the body by its offsets. */
export interface BodySpan {
  start: number
  end: number
}

/** A quote as the body text needs it to highlight its span. */
export interface QuoteMark extends BodySpan {
  id: string
  status: Quote['status']
}

/** One run of body text covered by the same quotes and the same set-aside spans. */
export interface BodySegment extends BodySpan {
  text: string
  /** The quotes covering this run, most visible status first. */
  quoteIds: string[]
  /** The most visible status among those quotes (confirmed, then suggested, then rejected). */
  status: Quote['status'] | null
  /** Whether this run lies in boilerplate that is set aside. */
  setAside: boolean
  /** The index of the set-aside span that ends with this run, where its Restore action goes. */
  endsSetAside: number | null
}

/** A paragraph of the body and its runs. */
export interface BodyParagraph extends BodySpan {
  segments: BodySegment[]
}

const STATUS_RANK: Record<Quote['status'], number> = { confirmed: 3, suggested: 2, rejected: 1 }

/** Characters trimmed from both ends of a selection before it becomes a quote. */
const TRIMMED = /[\s‘’“”'"]/

/** Splits a body into its paragraphs (separated by blank lines), skipping empty ones. */
export function findParagraphs(body: string): BodySpan[] {
  const paragraphs: BodySpan[] = []
  const separator = /\r?\n(?:[ \t]*\r?\n)+/g
  let start = 0
  for (const match of body.matchAll(separator)) {
    paragraphs.push({ start, end: match.index })
    start = match.index + match[0].length
  }
  paragraphs.push({ start, end: body.length })
  return paragraphs.filter((p) => body.slice(p.start, p.end).trim() !== '')
}

/** Cuts the body into paragraphs of runs so that quotes and boilerplate can be shown over it. */
export function segmentBody(
  body: string,
  quotes: readonly QuoteMark[],
  setAside: readonly BodySpan[]
): BodyParagraph[] {
  const marks = quotes.filter((q) => q.start < q.end && q.end <= body.length)
  const lastRunOfSpan = new Map<number, BodySegment>()
  const paragraphs = findParagraphs(body).map((paragraph) => {
    const cuts = new Set([paragraph.start, paragraph.end])
    for (const span of [...marks, ...setAside]) {
      if (span.start > paragraph.start && span.start < paragraph.end) cuts.add(span.start)
      if (span.end > paragraph.start && span.end < paragraph.end) cuts.add(span.end)
    }
    const points = [...cuts].sort((a, b) => a - b)
    const segments: BodySegment[] = []
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i]
      const end = points[i + 1]
      const covering = marks
        .filter((q) => q.start <= start && q.end >= end)
        .sort((a, b) => STATUS_RANK[b.status] - STATUS_RANK[a.status] || a.start - b.start)
      const segment: BodySegment = {
        start,
        end,
        text: body.slice(start, end),
        quoteIds: covering.map((q) => q.id),
        status: covering[0]?.status ?? null,
        setAside: false,
        endsSetAside: null
      }
      setAside.forEach((span, index) => {
        if (span.start <= start && span.end >= end) {
          segment.setAside = true
          lastRunOfSpan.set(index, segment)
        }
      })
      segments.push(segment)
    }
    return { ...paragraph, segments }
  })
  for (const [index, segment] of lastRunOfSpan) segment.endsSetAside = index
  return paragraphs
}

/** Narrows a span so that it starts and ends on a word, without spaces or quote marks. */
export function trimSpan(body: string, start: number, end: number): BodySpan | null {
  let from = Math.max(0, Math.min(start, end))
  let to = Math.min(body.length, Math.max(start, end))
  while (from < to && TRIMMED.test(body[from])) from++
  while (to > from && TRIMMED.test(body[to - 1])) to--
  return from < to ? { start: from, end: to } : null
}

function segmentsOf(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-start][data-end]')]
}

function follows(reference: Node, other: Node): boolean {
  return (reference.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
}

function offsetAtBoundary(
  root: Element,
  container: Node,
  index: number,
  edge: 'start' | 'end'
): number | null {
  const segments = segmentsOf(root)
  const next = container.childNodes[index] ?? null
  if (edge === 'start') {
    const first = segments.find((s) =>
      next
        ? next === s || next.contains(s) || follows(next, s)
        : follows(container, s) && !container.contains(s)
    )
    return first ? Number(first.dataset.start) : null
  }
  const last = segments.findLast((s) =>
    next ? follows(s, next) && !s.contains(next) : container.contains(s) || follows(s, container)
  )
  return last ? Number(last.dataset.end) : null
}

/**
 * Maps a point of the DOM selection inside the rendered body to an offset into the body text.
 * Runs carry `data-start`/`data-end`; a point outside any run moves to the nearest run boundary.
 */
export function offsetOfPoint(
  root: Element,
  node: Node,
  offset: number,
  edge: 'start' | 'end'
): number | null {
  if (node !== root && !root.contains(node)) return null
  const inner = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : null
  const enclosing = inner?.closest<HTMLElement>('[data-start][data-end]')
  if (enclosing && root.contains(enclosing)) {
    const before = [...node.childNodes].slice(0, offset)
    const length = before.reduce((sum, child) => sum + (child.textContent ?? '').length, 0)
    return Math.min(Number(enclosing.dataset.end), Number(enclosing.dataset.start) + length)
  }
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest<HTMLElement>('[data-start][data-end]')
    if (run && root.contains(run)) {
      const start = Number(run.dataset.start)
      const end = Number(run.dataset.end)
      return Math.min(end, start + offset)
    }
    const parent = node.parentNode
    if (!parent) return null
    const position = [...parent.childNodes].indexOf(node as ChildNode)
    return offsetAtBoundary(root, parent, position + (edge === 'start' ? 1 : 0), edge)
  }
  return offsetAtBoundary(root, node, offset, edge)
}

/** The ends of a DOM range, as a Selection's first range gives them. */
export interface RangePoints {
  startContainer: Node
  startOffset: number
  endContainer: Node
  endOffset: number
}

/** Maps a DOM range over the rendered body to a trimmed span of the body, or null if empty. */
export function spanOfRange(root: Element, range: RangePoints, body: string): BodySpan | null {
  const start = offsetOfPoint(root, range.startContainer, range.startOffset, 'start')
  const end = offsetOfPoint(root, range.endContainer, range.endOffset, 'end')
  if (start === null || end === null || start >= end) return null
  return trimSpan(body, start, end)
}

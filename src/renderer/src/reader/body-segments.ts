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
  const content = /\S/
  let start = 0
  for (const match of body.matchAll(separator)) {
    if (content.test(body.slice(start, match.index))) paragraphs.push({ start, end: match.index })
    start = match.index + match[0].length
  }
  if (content.test(body.slice(start))) paragraphs.push({ start, end: body.length })
  return paragraphs
}

/** A set-aside span with its index in the clipping's list, which its Restore action names. */
export interface IndexedSpan extends BodySpan {
  index: number
}

function byStart<T extends BodySpan>(a: T, b: T): number {
  return a.start - b.start
}

function byVisibility(a: QuoteMark, b: QuoteMark): number {
  return STATUS_RANK[b.status] - STATUS_RANK[a.status] || a.start - b.start
}

/** Every offset where one of the spans begins or ends, ascending, once each. */
function cutPoints(marks: readonly BodySpan[], setAside: readonly BodySpan[]): Float64Array {
  const points = new Float64Array(2 * (marks.length + setAside.length))
  let at = 0
  for (const span of [...marks, ...setAside]) {
    points[at++] = span.start
    points[at++] = span.end
  }
  points.sort()
  let unique = 0
  for (let i = 0; i < points.length; i++) {
    if (unique === 0 || points[i] !== points[unique - 1]) points[unique++] = points[i]
  }
  return points.subarray(0, unique)
}

function usableQuotes(body: string, quotes: readonly QuoteMark[]): QuoteMark[] {
  return quotes.filter((q) => q.start < q.end && q.end <= body.length)
}

function indexSpans(setAside: readonly BodySpan[]): IndexedSpan[] {
  return setAside
    .map((span, index) => ({ start: span.start, end: span.end, index }))
    .filter((span) => span.start < span.end)
}

/**
 * Cuts paragraphs (in body order) into runs covered by the same quotes and set-aside spans.
 * One sweep: the spans are sorted once and kept in an active list while the sweep is inside
 * them, so the work grows with the text and the spans, not with paragraphs times spans.
 * A run becomes the place of a span's Restore action only if the span ends by `limit`.
 */
function segmentParagraphs(
  body: string,
  paragraphs: readonly BodySpan[],
  marks: readonly QuoteMark[],
  setAside: readonly IndexedSpan[],
  limit: number
): BodyParagraph[] {
  const points = cutPoints(marks, setAside)
  const pendingMarks = [...marks].sort(byStart)
  const pendingAside = [...setAside].sort(byStart)
  let activeMarks: QuoteMark[] = []
  let activeAside: IndexedSpan[] = []
  let nextMark = 0
  let nextAside = 0
  let nextPoint = 0
  const lastRunOfSpan = new Map<number, BodySegment>()

  const result = paragraphs.map((paragraph) => {
    while (nextPoint < points.length && points[nextPoint] <= paragraph.start) nextPoint++
    const segments: BodySegment[] = []
    for (let start = paragraph.start; start < paragraph.end;) {
      let end = paragraph.end
      if (nextPoint < points.length && points[nextPoint] < paragraph.end) end = points[nextPoint++]
      while (nextMark < pendingMarks.length && pendingMarks[nextMark].start <= start) {
        activeMarks.push(pendingMarks[nextMark++])
      }
      while (nextAside < pendingAside.length && pendingAside[nextAside].start <= start) {
        activeAside.push(pendingAside[nextAside++])
      }
      const segment: BodySegment = {
        start,
        end,
        text: body.slice(start, end),
        quoteIds: [],
        status: null,
        setAside: false,
        endsSetAside: null
      }
      if (activeMarks.length > 0) {
        activeMarks = activeMarks.filter((q) => q.end > start)
        const covering = activeMarks.filter((q) => q.end >= end).sort(byVisibility)
        segment.quoteIds = covering.map((q) => q.id)
        segment.status = covering[0]?.status ?? null
      }
      if (activeAside.length > 0) {
        activeAside = activeAside.filter((span) => span.end > start)
        const covering = activeAside.filter((span) => span.end >= end)
        for (const span of covering.sort((a, b) => a.index - b.index)) {
          segment.setAside = true
          if (span.end <= limit) lastRunOfSpan.set(span.index, segment)
        }
      }
      segments.push(segment)
      start = end
    }
    return { start: paragraph.start, end: paragraph.end, segments }
  })
  for (const [index, segment] of lastRunOfSpan) segment.endsSetAside = index
  return result
}

/** Cuts the body into paragraphs of runs so that quotes and boilerplate can be shown over it. */
export function segmentBody(
  body: string,
  quotes: readonly QuoteMark[],
  setAside: readonly BodySpan[]
): BodyParagraph[] {
  return segmentParagraphs(
    body,
    findParagraphs(body),
    usableQuotes(body, quotes),
    indexSpans(setAside),
    Infinity
  )
}

/** Consecutive paragraphs that render together, so that a long body renders a part at a time. */
export interface BodyChunk extends BodySpan {
  paragraphs: BodySpan[]
}

/**
 * Groups paragraphs into chunks of about `size` characters; a longer paragraph is a chunk of
 * its own. Chunks depend on the paragraphs alone, so they stay put while quotes change.
 */
export function groupParagraphs(paragraphs: readonly BodySpan[], size: number): BodyChunk[] {
  const chunks: BodyChunk[] = []
  let current: BodyChunk | null = null
  for (const paragraph of paragraphs) {
    if (!current || paragraph.end - current.start > size) {
      current = { start: paragraph.start, end: paragraph.end, paragraphs: [] }
      chunks.push(current)
    }
    current.paragraphs.push(paragraph)
    current.end = paragraph.end
  }
  return chunks
}

/** The quotes and set-aside spans over one chunk, and a key that changes when they do. */
export interface ChunkMarks {
  quotes: QuoteMark[]
  setAside: IndexedSpan[]
  /** Equal for two states of a chunk that show its runs the same way. */
  signature: string
}

/**
 * Finds, for each chunk, the quotes and set-aside spans that touch it: one sort, then each
 * span visits only the chunks it covers.
 */
export function markChunks(
  body: string,
  chunks: readonly BodyChunk[],
  quotes: readonly QuoteMark[],
  setAside: readonly BodySpan[]
): ChunkMarks[] {
  const result: ChunkMarks[] = chunks.map(() => ({ quotes: [], setAside: [], signature: '' }))
  const place = <T extends BodySpan>(spans: T[], add: (marks: ChunkMarks, span: T) => void) => {
    for (const span of spans.sort(byStart)) {
      let low = 0
      let high = chunks.length
      while (low < high) {
        const middle = (low + high) >> 1
        if (chunks[middle].end <= span.start) low = middle + 1
        else high = middle
      }
      for (let i = low; i < chunks.length && chunks[i].start < span.end; i++) add(result[i], span)
    }
  }
  place(usableQuotes(body, quotes), (marks, q) => {
    marks.quotes.push(q)
    marks.signature += `q${q.id}:${q.start}:${q.end}:${q.status};`
  })
  place(indexSpans(setAside), (marks, span) => {
    marks.setAside.push(span)
    marks.signature += `a${span.index}:${span.start}:${span.end};`
  })
  return result
}

/**
 * Cuts one chunk into paragraphs of runs, as `segmentBody` cuts the whole body. `next` is where
 * the following chunk starts, so that a span running on into it keeps its Restore action there.
 */
export function segmentChunk(
  body: string,
  chunk: BodyChunk,
  marks: ChunkMarks,
  next: number
): BodyParagraph[] {
  return segmentParagraphs(body, chunk.paragraphs, marks.quotes, marks.setAside, next)
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

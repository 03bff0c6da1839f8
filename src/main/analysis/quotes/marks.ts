/** Which kind of quotation mark encloses a span. */
export type QuoteFamily = 'double' | 'single'

/** A stretch of text between quotation marks, the marks themselves excluded. */
export interface QuotedSpan {
  /** First character inside the marks (leading spaces skipped). */
  start: number
  /** One past the last character inside the marks (trailing spaces skipped). */
  end: number
  /** Index of the opening mark, or -1 when the quote never opened. */
  openMark: number
  /** Index of the closing mark, or -1 when the quote never closed. */
  closeMark: number
  family: QuoteFamily
  /** 0 for a top-level quote, 1 for a quote inside another, and so on. */
  depth: number
  /** False when a mark was missing and the span's edge had to be guessed. */
  balanced: boolean
  /** Number of paragraphs the quote runs over. */
  paragraphs: number
}

/** Every quoted span in a text, with warnings about marks that did not pair up. */
export interface MarkScan {
  spans: QuotedSpan[]
  warnings: string[]
}

type Role = 'open' | 'close' | 'either' | 'none'

interface OpenQuote {
  family: QuoteFamily
  mark: number
  paragraphs: number
  /** Opened with a typewriter mark (") rather than a typographic one. */
  straight: boolean
  /** Characters in the opening mark. */
  width: number
}

const LEADING_APOSTROPHE_WORDS = new Set([
  'em',
  'til',
  'tis',
  'twas',
  'cause',
  'cos',
  'bout',
  'round',
  'n',
  'nuff',
  'ello',
  'im',
  'er'
])

function isSpace(ch: string | undefined): boolean {
  return (
    ch === undefined || ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0'
  )
}

/** True for the characters `String.prototype.trim` removes. */
export function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13)
  return /\s/.test(String.fromCharCode(code))
}

/** True for a line break or any character that can be (part of) a quotation mark. */
function isMarkOrBreak(code: number): boolean {
  if (code < 128) return code === 10 || code === 34 || code === 39 || code === 96
  return code === 171 || code === 187 || (code >= 8216 && code <= 8222)
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch)
}

function familyOf(ch: string): QuoteFamily | null {
  if (ch === '“' || ch === '”' || ch === '"' || ch === '„' || ch === '«' || ch === '»')
    return 'double'
  if (ch === '‘' || ch === '’' || ch === "'" || ch === '‚') return 'single'
  return null
}

/** True when only spaces stand between the start of `i`'s line and `i`. */
function startsParagraph(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0 && text[j] !== '\n'; j--) if (!isSpace(text[j])) return false
  return true
}

function wordAfter(text: string, i: number): string {
  let j = i + 1
  while (j < text.length && j - i < 12 && /\p{L}/u.test(text[j])) j++
  return text.slice(i + 1, j).toLowerCase()
}

/** Two typewriter apostrophes ('') or backticks (``) stand for one double mark. */
function markWidth(text: string, i: number): number {
  const ch = text[i]
  return (ch === "'" || ch === '`') && text[i + 1] === ch ? 2 : 1
}

function familyAt(text: string, i: number): QuoteFamily | null {
  return markWidth(text, i) === 2 ? 'double' : familyOf(text[i])
}

/** How a double mark at `i` can act, from its own shape and the characters around it. */
function doubleRole(text: string, i: number): Role {
  const ch = text[i]
  const before = text[i - 1]
  const after = text[i + markWidth(text, i)]
  if (ch === '`') return 'open'
  if (ch === '“' || ch === '„' || ch === '«') {
    // A left mark glued to the end of a word and followed by a space is a mistyped right mark.
    return !isSpace(before) && isSpace(after) ? 'close' : 'open'
  }
  if (ch === '”' || ch === '»') {
    // A right mark opening a paragraph ("” … what I learned") is used as a left one.
    if (isSpace(before) && (!isSpace(after) || startsParagraph(text, i))) return 'either'
    return 'close'
  }
  // Feet and inches ("6'3\""): an inch sign, not a quotation mark.
  if (/\d['’]\s?\d{1,2}(?:\.\d+)?$/u.test(text.slice(Math.max(0, i - 8), i))) return 'none'
  const canOpen = !isSpace(after) && !isWordChar(before)
  const canClose = !isSpace(before) && !isWordChar(after)
  if (canOpen && !canClose) return 'open'
  if (canClose && !canOpen) return 'close'
  return 'either'
}

/** How a single mark at `i` can act; `none` means an apostrophe. */
function singleRole(text: string, i: number): Role {
  const ch = text[i]
  const before = text[i - 1]
  const after = text[i + 1]
  if (isWordChar(before) && isWordChar(after)) return 'none'
  // The second mark of "rock ’n’ roll".
  if (before === 'n' && familyOf(text[i - 2] ?? '') === 'single' && isSpace(text[i - 3]))
    return 'none'
  if (!isSpace(after) && !isWordChar(before) && before !== '.' && before !== ',') {
    // Opening position: the mark starts a word.
    if (/\d/.test(after ?? '') && /^\d\ds\b/.test(text.slice(i + 1, i + 5))) return 'none'
    const word = wordAfter(text, i)
    const follower = text[i + 1 + word.length]
    if (LEADING_APOSTROPHE_WORDS.has(word) && !isWordChar(follower)) {
      if (word !== 'n' || (follower !== undefined && familyOf(follower) === 'single')) return 'none'
    }
    if (ch === '’') return 'none'
    return 'open'
  }
  if (!isSpace(before) && (isSpace(after) || !isWordChar(after))) {
    if (ch === '‘' || ch === '‚') return 'none'
    return 'close'
  }
  return 'none'
}

/** True when the single closing candidate at `i` reads as a plural possessive ("the Ukrainians’ army"). */
function looksPossessive(text: string, i: number): boolean {
  const before = text[i - 1]
  if (before !== 's' && before !== 'S') return false
  if (text[i + 1] !== ' ' || !/\p{L}/u.test(text[i + 2] ?? '')) return false
  // "had ‘made mistakes’ with the card": a possessive comes before a noun, not a function word.
  return !FUNCTION_WORDS.has(wordAfter(text, i + 1))
}

/** Words that never follow a plural possessive, so a mark before them closes a quote. */
const FUNCTION_WORDS = new Set(
  (
    'with to and or but in on at for of by from as is was were are be been that which who when ' +
    'after before because if so than then he she they it we you i his her their its this these ' +
    'those there here not nor while until since into onto over under about against'
  ).split(' ')
)

/**
 * True when the paragraph holding `i` is followed by one that opens with a single mark: a quote
 * running on over paragraphs, so a plural possessive in it ("the Ukrainians’ harvest") is not its end.
 */
function nextParagraphReopens(text: string, i: number): boolean {
  const end = text.indexOf('\n', i)
  if (end === -1) return false
  let j = end
  while (j < text.length && isSpace(text[j])) j++
  return text[j] === '‘' || (text[j] === "'" && isWordChar(text[j + 1]))
}

function trimmedSpan(
  text: string,
  from: number,
  to: number
): { start: number; end: number } | null {
  let start = from
  let end = to
  while (start < end && isSpace(text[start])) start++
  while (end > start && isSpace(text[end - 1])) end--
  return end > start ? { start, end } : null
}

/** Warnings beyond this many are summed up in one line. */
const MAX_WARNINGS = 50

/**
 * Finds every quoted span: curly and straight marks, single and double, nested quotes, and
 * quotes that run over several paragraphs (each reopening with a mark, only the last closing).
 * Apostrophes are told apart from single marks by the letters around them. Marks that do not
 * pair up give an unbalanced span (edge guessed at the paragraph's edge) and a warning.
 */
export function findQuotedSpans(text: string): MarkScan {
  const spans: QuotedSpan[] = []
  const warnings: string[] = []
  let unreported = 0
  const warn = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message)
    else unreported++
  }
  const stack: OpenQuote[] = []
  let paragraphStart = 0
  let skipMark = -1
  let lastSingleClose = -1
  let lastSingleCloseComputedFor = -1
  let lastEmittedEnd = 0

  const emit = (open: OpenQuote, close: number, end: number, balanced: boolean) => {
    const span = trimmedSpan(text, open.mark + open.width, end)
    if (!span) return
    if (stack.length === 0) lastEmittedEnd = Math.max(lastEmittedEnd, close >= 0 ? close + 1 : end)
    spans.push({
      start: span.start,
      end: span.end,
      openMark: open.mark,
      closeMark: close,
      family: open.family,
      depth: stack.length,
      balanced,
      paragraphs: open.paragraphs
    })
  }

  const laterSingleClose = (i: number): boolean => {
    if (lastSingleCloseComputedFor !== paragraphStart) {
      lastSingleCloseComputedFor = paragraphStart
      lastSingleClose = -1
      let j = paragraphStart
      while (j < text.length && text[j] !== '\n') {
        const ch = text[j]
        if ((ch === '’' || ch === "'") && singleRole(text, j) === 'close') lastSingleClose = j
        j++
      }
    }
    return lastSingleClose > i
  }

  const endParagraph = (at: number) => {
    if (stack.length === 0) return
    let next = at
    while (next < text.length && isSpace(text[next])) next++
    const bottom = stack[0]
    const reopens =
      next < text.length &&
      familyAt(text, next) === bottom.family &&
      (bottom.family === 'double' ? doubleRole(text, next) : singleRole(text, next)) !== 'close' &&
      (bottom.family === 'double' || singleRole(text, next) === 'open')
    if (reopens) {
      while (stack.length > 1) stack.pop()
      bottom.paragraphs++
      skipMark = next
      return
    }
    if (bottom.family === 'double' && stack.length === 1 && closesInParagraph(text, next)) {
      bottom.paragraphs++
      return
    }
    while (stack.length > 0) {
      const open = stack.pop() as OpenQuote
      if (open.family === 'double' || stack.length === 0) {
        warn(`Unclosed quotation mark at ${open.mark}; the quote was ended at its paragraph.`)
        emit(open, -1, at, false)
      }
    }
  }

  let paragraphHasText = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (!isMarkOrBreak(code)) {
      if (!paragraphHasText && !isSpaceCode(code)) paragraphHasText = true
      continue
    }
    const ch = text[i]
    if (ch === '\n') {
      if (paragraphHasText) endParagraph(i)
      paragraphStart = i + 1
      paragraphHasText = false
      continue
    }
    paragraphHasText = true
    const family = familyAt(text, i)
    if (!family) continue
    const width = markWidth(text, i)
    if (i === skipMark) {
      i += width - 1
      continue
    }
    if (family === 'double') {
      const role = doubleRole(text, i)
      if (role === 'none') continue
      const straight = ch === '"' || width === 2
      const markStart = i
      i += width - 1
      let openIndex = findOpen(stack, 'double')
      if (openIndex >= 0 && role !== 'open') {
        // Mixed marks: a curly closing mark closes the curly quote, a straight one the straight.
        for (let k = stack.length - 1; k >= 0; k--) {
          if (stack[k].family === 'double' && stack[k].straight === straight) {
            openIndex = k
            break
          }
        }
        while (stack.length > openIndex + 1) stack.pop()
        const open = stack.pop() as OpenQuote
        emit(open, markStart, markStart, true)
      } else if (openIndex >= 0 && stack[openIndex].straight !== straight) {
        stack.push({ family, mark: markStart, paragraphs: 1, straight, width })
      } else if (openIndex >= 0) {
        const open = stack[openIndex]
        while (stack.length > openIndex) stack.pop()
        warn(`Unclosed quotation mark at ${open.mark}; the quote was ended at the next one.`)
        emit(open, -1, markStart, false)
        stack.push({ family, mark: markStart, paragraphs: 1, straight, width })
      } else if (role !== 'close') {
        stack.push({ family, mark: markStart, paragraphs: 1, straight, width })
      } else {
        warn(`Closing quotation mark at ${i} without an opening one.`)
        const span = trimmedSpan(text, Math.max(paragraphStart, lastEmittedEnd), markStart)
        if (span) {
          spans.push({
            start: span.start,
            end: span.end,
            openMark: -1,
            closeMark: markStart,
            family,
            depth: stack.length,
            balanced: false,
            paragraphs: 1
          })
        }
        if (stack.length === 0) lastEmittedEnd = i + 1
      }
      continue
    }
    const role = singleRole(text, i)
    if (role === 'none') continue
    const openIndex = findOpen(stack, 'single')
    if (role === 'close') {
      if (openIndex < 0) continue
      if (looksPossessive(text, i) && (laterSingleClose(i) || nextParagraphReopens(text, i))) {
        continue
      }
      while (stack.length > openIndex + 1) stack.pop()
      const open = stack.pop() as OpenQuote
      emit(open, i, i, true)
    } else if (openIndex < 0 || stack[stack.length - 1].family === 'double') {
      stack.push({ family, mark: i, paragraphs: 1, straight: ch === "'", width: 1 })
    }
  }
  endParagraph(text.length)
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  if (unreported > 0) {
    warnings.push(`${unreported} more quotation marks did not pair up.`)
  }
  return { spans, warnings }
}

/** True when the first double mark of the paragraph starting at `from` is a closing one. */
function closesInParagraph(text: string, from: number): boolean {
  for (let j = from; j < text.length && text[j] !== '\n'; j++) {
    if (familyAt(text, j) === 'double') return doubleRole(text, j) === 'close'
  }
  return false
}

function findOpen(stack: OpenQuote[], family: QuoteFamily): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].family === family) return k
  return -1
}

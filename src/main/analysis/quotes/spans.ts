import type { QuotedSpan } from './marks'

/** Whether a quote is a whole statement or a phrase inside reported speech. */
export type QuoteKind = 'direct' | 'partial'

const TITLE_NOUNS = new Set(
  (
    'show program programme movie film book song album series play titled entitled headlined ' +
    'podcast magazine newspaper column article documentary episode musical novel memoir slogan ' +
    'hashtag sign signs banner shirt t-shirt t-shirts hat hats headline segment special poem ' +
    'website blog site app game report speech initiative plan act bill campaign tour called ' +
    'nicknamed dubbed named word words term phrase label brand motto chant chants'
  ).split(' ')
)

/** Counts the words in a quote. */
export function wordCount(text: string): number {
  let count = 0
  let inWord = false
  for (const ch of text) {
    const letter = /[\p{L}\p{N}]/u.test(ch)
    if (letter && !inWord) count++
    inWord = letter
  }
  return count
}

function wordBefore(body: string, at: number): string {
  let end = at
  while (end > 0 && body[end - 1] === ' ') end--
  let start = end
  while (start > 0 && /[\p{L}\p{N}’'\-]/u.test(body[start - 1])) start--
  return body.slice(start, end)
}

const MAX_TAG_LENGTH = 300

/**
 * True for quote marks that belong to markup the paste carried along (`author="@AP"`); pass
 * `mayHoldTags` false when the body has no `<` at all, to skip looking for a tag.
 */
export function isMarkup(body: string, span: QuotedSpan, mayHoldTags = true): boolean {
  if (span.openMark < 0) return false
  if (body[span.openMark - 1] === '=') return true
  if (!mayHoldTags) return false
  // A tag is short: look back no further than a long one could reach.
  const limit = Math.max(0, span.openMark - MAX_TAG_LENGTH)
  for (let k = span.openMark - 1; k >= limit && body[k] !== '\n'; k--) {
    if (body[k] === '>') return false
    if (body[k] === '<') return true
  }
  return false
}

function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w))
  if (words.length === 0) return false
  const small = /^(a|an|the|of|in|on|at|to|for|and|or|but|with|by|from|de|la|is|as|vs\.?)$/i
  return words.every((w, i) => /^[\p{Lu}\p{N}#@]/u.test(w) || (i > 0 && small.test(w)))
}

/** True for a quoted title, name or nickname ("Meet the Press", NBC’s “Today”), not a quote. */
export function looksLikeTitle(body: string, span: QuotedSpan): boolean {
  if (span.openMark < 0) return false
  const text = body.slice(span.start, span.end).replace(/[.,!?;:]+$/u, '')
  if (!isTitleCase(text) || wordCount(text) > 8) return false
  const before = wordBefore(body, span.openMark)
  if (/['’]s$/u.test(before) && /^\p{Lu}/u.test(before)) return true
  return TITLE_NOUNS.has(before.toLowerCase())
}

/** Longest unattributed title-case phrase still read as a quote rather than a name or title. */
const SHORT_NAME_WORDS = 3

/**
 * True for a short quoted phrase in title case (“Big Tent”, “Never Again”): with no speech verb
 * and no speaker it is far more often a name, nickname or title than something said.
 */
export function looksLikeShortName(body: string, span: QuotedSpan): boolean {
  // "Cries of ‘Resign!’": an exclamation or a question is said, not a name.
  if (/[!?][.,]?$/u.test(body.slice(span.start, span.end))) return false
  const text = body.slice(span.start, span.end).replace(/[.,!?;:]+$/u, '')
  return wordCount(text) <= SHORT_NAME_WORDS && isTitleCase(text)
}

/**
 * Tells a whole statement (`direct`) from a phrase taken into reported speech (`partial`): a
 * partial quote follows a word of the sentence and starts in lower case.
 */
export function quoteKind(body: string, span: QuotedSpan): QuoteKind {
  const first = body[span.start] ?? ''
  const mark = span.openMark < 0 ? span.start : span.openMark
  let k = mark - 1
  while (k >= 0 && body[k] === ' ') k--
  const before = k < 0 ? '\n' : body[k]
  const opensSentence = before === '\n' || /[:.!?—–(\-]/u.test(before) || before === ','
  if (opensSentence && /[\p{Lu}\p{N}[]/u.test(first)) return 'direct'
  if (opensSentence && before === '\n') return 'direct'
  return wordCount(body.slice(span.start, span.end)) >= 12 &&
    /[.!?]$/u.test(body.slice(span.start, span.end))
    ? 'direct'
    : 'partial'
}

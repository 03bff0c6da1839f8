/** A word or a punctuation character, with its offsets in the text it came from. */
export interface Token {
  text: string
  start: number
  end: number
  /** True for words (letters and digits), false for punctuation. */
  word: boolean
}

/** Abbreviations whose trailing full stop belongs to the word, not to the sentence. */
export const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'del',
  'gov',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'rev',
  'hon',
  'st',
  'jr',
  'sr',
  'pres',
  'supt',
  'det',
  'insp',
  'atty',
  'amb',
  'sec',
  'lieut',
  'corp',
  'inc',
  'ltd',
  'co',
  'no',
  'vs',
  'messrs',
  'mt',
  'ft',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec'
])

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const LETTER = /\p{L}/u

/** True when the character code at `i` is a letter or digit (any script). */
function isWordCode(text: string, i: number): boolean {
  const code = text.charCodeAt(i)
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
  }
  // General punctuation (curly quotes, dashes) holds no letters; past the end (NaN) is no word.
  if ((code >= 0x2000 && code <= 0x206f) || Number.isNaN(code)) return false
  return LETTER_OR_DIGIT.test(text[i])
}

function isLetterCode(text: string, i: number): boolean {
  const code = text.charCodeAt(i)
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
  if ((code >= 0x2000 && code <= 0x206f) || Number.isNaN(code)) return false
  return LETTER.test(text[i])
}

function isDigitCode(text: string, i: number): boolean {
  const code = text.charCodeAt(i)
  return code >= 48 && code <= 57
}

/**
 * The end of the word starting at `i` ("U.S.", "don’t", "3.5", "co-founder"), or `i` if none. A
 * word ends with a full stop only when it is dotted like "U.S.".
 */
function wordEnd(text: string, i: number): number {
  let j = i
  while (isLetterCode(text, j) && text.charCodeAt(j + 1) === 46) j += 2
  if (j - i >= 4) return j
  j = i
  while (j < text.length && isWordCode(text, j)) j++
  if (j === i) return i
  for (;;) {
    const code = text.charCodeAt(j)
    // ' ’ -
    if ((code === 39 || code === 8217 || code === 45) && isWordCode(text, j + 1)) {
      j++
      while (j < text.length && isWordCode(text, j)) j++
    } else break
  }
  for (;;) {
    const code = text.charCodeAt(j)
    // . ,
    if ((code === 46 || code === 44) && isDigitCode(text, j + 1)) {
      j++
      while (isDigitCode(text, j)) j++
    } else break
  }
  return j
}

/** True for characters that never belong to a token: space, line break, tab, no-break space. */
function isSpaceCode(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && isSpaceCode(ch.charCodeAt(0))
}

/** Calls `visit` for each token of `text.slice(from, to)`, in order, without building a list. */
function scanTokens(
  text: string,
  from: number,
  to: number,
  visit: (start: number, end: number, word: boolean) => void
): void {
  let i = from
  while (i < to) {
    if (isSpaceCode(text.charCodeAt(i))) {
      i++
      continue
    }
    const wordStop = isWordCode(text, i) ? wordEnd(text, i) : i
    if (wordStop > i && wordStop <= to) {
      let end = wordStop
      if (text.charCodeAt(end - 1) !== 46 && end < to && text.charCodeAt(end) === 46) {
        const length = end - i
        if (
          (length === 1 && isCapitalised(text[i])) ||
          (length <= 6 && ABBREVIATIONS.has(text.slice(i, end).toLowerCase()))
        ) {
          end++
        }
      }
      visit(i, end, true)
      i = end
      continue
    }
    visit(i, i + 1, false)
    i++
  }
}

/** Splits `text.slice(from, to)` into words and punctuation, keeping offsets into `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = []
  scanTokens(text, from, to, (start, end, word) => {
    tokens.push({ text: text.slice(start, end), start, end, word })
  })
  return tokens
}

/** A token kept by {@link selectTokens}, with its place among all the text's tokens. */
export interface NumberedToken extends Token {
  ordinal: number
}

/**
 * Tokenises the whole text but keeps only the tokens `keep` accepts (judged from the text and
 * offsets, before any string is made), so a long text costs little memory.
 */
export function selectTokens(
  text: string,
  keep: (start: number, end: number, word: boolean) => boolean
): NumberedToken[] {
  const tokens: NumberedToken[] = []
  let ordinal = 0
  scanTokens(text, 0, text.length, (start, end, word) => {
    if (keep(start, end, word)) {
      tokens.push({ text: text.slice(start, end), start, end, word, ordinal })
    }
    ordinal++
  })
  return tokens
}

/** True when a word starts with a capital letter. */
export function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  return /^\p{Lu}/u.test(word)
}

/** The offset just after the last sentence end in `text.slice(from, to)`, or `from` if none. */
export function lastSentenceStart(text: string, from: number, to: number): number {
  for (let i = to - 1; i > from; i--) {
    const ch = text[i]
    if ((ch === '.' || ch === '!' || ch === '?') && isSpace(text[i + 1] ?? ' ') && i + 1 < to) {
      if (ch === '.' && endsWithAbbreviation(text, i)) continue
      return i + 1
    }
  }
  return from
}

/** The offset just after the first sentence end in `text.slice(from, to)`, or `to` if none. */
export function firstSentenceEnd(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const ch = text[i]
    if ((ch === '.' || ch === '!' || ch === '?') && (i + 1 >= to || isSpace(text[i + 1]))) {
      if (ch === '.' && endsWithAbbreviation(text, i)) continue
      return i + 1
    }
  }
  return to
}

function endsWithAbbreviation(text: string, dot: number): boolean {
  let j = dot
  while (j > 0 && /[\p{L}.]/u.test(text[j - 1])) j--
  const word = text.slice(j, dot)
  if (/^\p{Lu}$/u.test(word)) return true
  if (/^\p{L}(\.\p{L})+$/u.test(word)) {
    const next = text.slice(dot + 1, dot + 3)
    return !/^ \p{Lu}/u.test(next) || word.length <= 3
  }
  return ABBREVIATIONS.has(word.toLowerCase())
}

import { ApiError } from '@shared/api'
import { MAX_PASTE_BYTES } from '@shared/model'

/** The paste fields the analyser accepts. */
export interface PasteInput {
  text?: string
  html?: string
  url?: string
}

const BOM = '\uFEFF'
const SUSPICIOUS_SHARE = 0.1
const SUSPICIOUS_MINIMUM = 4

/** Removes one leading byte-order mark, if present; nothing else changes. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text
}

/**
 * A byte count in megabytes as the user reads it: "5 MB" for a whole number, else one decimal
 * rounded up, so that a paste just over the limit never reads as equal to it ("5.1 MB").
 */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024)
  if (Number.isInteger(megabytes)) return `${megabytes} MB`
  return `${(Math.ceil(megabytes * 10) / 10).toFixed(1)} MB`
}

/** Throws an `ApiError` when a paste is empty, too large or looks like a binary file. */
export function checkPasteInput(input: PasteInput): void {
  const fields = [input.html, input.text].filter((field): field is string => field !== undefined)
  for (const field of fields) {
    const bytes = Buffer.byteLength(field, 'utf8')
    if (bytes > MAX_PASTE_BYTES) {
      throw new ApiError(
        'TOO_LARGE',
        `The paste is ${formatMegabytes(bytes)}; Clipdesk accepts up to ${formatMegabytes(MAX_PASTE_BYTES)}. Paste a shorter extract.`
      )
    }
  }
  const content = fields.map(stripBom).filter((field) => field.trim() !== '')
  if (content.length === 0) {
    throw new ApiError(
      'INVALID_INPUT',
      "The paste is empty. Copy the article's text or page again and paste it."
    )
  }
  for (const field of content) {
    if (looksBinary(field)) {
      throw new ApiError(
        'INVALID_INPUT',
        'The paste looks like a binary file, not an article. Copy the article’s text and paste that.'
      )
    }
  }
}

/** Whether text holds a NUL or a high share of control and replacement characters. */
export function looksBinary(text: string): boolean {
  let suspicious = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0) return true
    // Tab, line feed, form feed and carriage return occur in real text; other C0 controls,
    // DEL and the replacement character are what a binary file decoded as UTF-8 leaves.
    if (
      (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) ||
      code === 127 ||
      code === 0xfffd
    ) {
      suspicious++
    }
  }
  return suspicious >= SUSPICIOUS_MINIMUM && suspicious / text.length > SUSPICIOUS_SHARE
}

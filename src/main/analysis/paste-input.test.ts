import { describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api'
import { MAX_PASTE_BYTES } from '@shared/model'
import { checkPasteInput, formatMegabytes, looksBinary, stripBom } from './paste-input'

function errorOf(run: () => void): ApiError {
  try {
    run()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected an ApiError')
}

describe('checkPasteInput', () => {
  it('refuses an empty or whitespace-only paste with the user-facing message', () => {
    for (const input of [{}, { text: '' }, { text: ' \n\t ' }, { html: '   ', text: '\uFEFF  ' }]) {
      const error = errorOf(() => checkPasteInput(input))
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toBe(
        "The paste is empty. Copy the article's text or page again and paste it."
      )
    }
  })

  it('refuses a paste over the limit in UTF-8 bytes, naming its size and the limit', () => {
    // 2,000,000 curly quotes are 6,000,000 UTF-8 bytes but only 2,000,000 UTF-16 units.
    const error = errorOf(() => checkPasteInput({ text: '’'.repeat(2_000_000) }))
    expect(error.code).toBe('TOO_LARGE')
    expect(error.message).toBe(
      'The paste is 5.8 MB; Clipdesk accepts up to 5 MB. Paste a shorter extract.'
    )
  })

  it('accepts a paste of exactly the limit', () => {
    expect(() => checkPasteInput({ text: 'a'.repeat(MAX_PASTE_BYTES) })).not.toThrow()
  })

  it('refuses binary content: a NUL byte or many control and replacement characters', () => {
    for (const text of [
      'PK\u0003\u0004\u0000\u0000 document.xml',
      '\uFFFD\u0001\uFFFD\u0002\uFFFDab\uFFFD'
    ]) {
      const error = errorOf(() => checkPasteInput({ text }))
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toBe(
        'The paste looks like a binary file, not an article. Copy the article’s text and paste that.'
      )
    }
  })

  it('accepts ordinary text with tabs, form feeds and a stray replacement character', () => {
    expect(() =>
      checkPasteInput({ text: 'Kyiv\tUkraine’s capital\f said the caf\uFFFD owner.' })
    ).not.toThrow()
  })
})

describe('stripBom', () => {
  it('removes one leading byte-order mark and nothing else', () => {
    expect(stripBom('\uFEFFHeadline\uFEFF')).toBe('Headline\uFEFF')
    expect(stripBom('Headline')).toBe('Headline')
  })
})

describe('looksBinary', () => {
  it('is false for British prose with curly quotes', () => {
    expect(looksBinary('‘We won’t stand by,’ she said.')).toBe(false)
  })
})

describe('formatMegabytes', () => {
  it('rounds a size just over the limit up, so it never reads as the limit', () => {
    expect(formatMegabytes(MAX_PASTE_BYTES)).toBe('5 MB')
    expect(formatMegabytes(MAX_PASTE_BYTES + 1)).toBe('5.1 MB')
  })
})

import { describe, expect, it } from 'vitest'
import { tokenize } from './tokens'

describe('tokenize', () => {
  it('keeps an apostrophe or hyphen at the very end of the text out of the word', () => {
    expect(tokenize("the girls'").map((t) => t.text)).toEqual(['the', 'girls', "'"])
    expect(tokenize('pre-').map((t) => t.text)).toEqual(['pre', '-'])
  })

  it('keeps contractions, hyphenated words, dotted abbreviations and numbers whole', () => {
    expect(tokenize('The U.S. co-founder didn’t pay 3,500.75 dollars').map((t) => t.text)).toEqual([
      'The',
      'U.S.',
      'co-founder',
      'didn’t',
      'pay',
      '3,500.75',
      'dollars'
    ])
  })
})

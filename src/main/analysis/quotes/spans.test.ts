import { describe, expect, it } from 'vitest'
import { findQuotedSpans } from './marks'
import { isMarkup, looksLikeTitle, quoteKind, wordCount } from './spans'

const first = (body: string) => findQuotedSpans(body).spans[0]

describe('spans', () => {
  it('tells a phrase inside reported speech from a whole statement', () => {
    const partial = 'She vowed to ‘tighten the vice’ on Moscow.'
    expect(quoteKind(partial, first(partial))).toBe('partial')
    const direct = 'She said: ‘We will tighten the vice.’'
    expect(quoteKind(direct, first(direct))).toBe('direct')
  })

  it('recognises titles after a possessive or a word such as "show"', () => {
    const show = 'He told NBC’s “Meet the Press” that he would run.'
    expect(looksLikeTitle(show, first(show))).toBe(true)
    const film = 'She starred in the film “The Long Road Home.”'
    expect(looksLikeTitle(film, first(film))).toBe(true)
    const quote = 'He called it “a total disaster.”'
    expect(looksLikeTitle(quote, first(quote))).toBe(false)
  })

  it('recognises quote marks that belong to pasted markup', () => {
    const markup = '<tweet author="@someone">hi</tweet>'
    expect(isMarkup(markup, first(markup))).toBe(true)
  })

  it('counts words', () => {
    expect(wordCount('rock ’n’ roll, again')).toBe(4)
  })
})

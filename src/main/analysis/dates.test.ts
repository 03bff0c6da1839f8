import { describe, expect, it } from 'vitest'
import { findDate } from './dates'

describe('findDate', () => {
  it.each([
    ['2026-11-24', '2026-11-24'],
    ['Published 2026-11-24T09:30:00Z', '2026-11-24T09:30:00Z'],
    ['2026-11-24T09:30+0100', '2026-11-24T09:30:00+01:00'],
    ['24 November 2026', '2026-11-24'],
    ['Tuesday 24 November 2026 14.05 GMT', '2026-11-24T14:05:00Z'],
    ['Tue 24 Nov 2026 09.15 BST', '2026-11-24T09:15:00+01:00'],
    ['Nov. 24, 2026', '2026-11-24'],
    ['November 24, 2026 at 3:45 p.m. EST', '2026-11-24T15:45:00-05:00'],
    ['1st of March 2026', '2026-03-01'],
    ['Updated: 5 Sept 2026', '2026-09-05']
  ])('reads %s', (text, expected) => {
    expect(findDate(text)).toBe(expected)
  })

  it('reads a time after a bullet, bar or dash, but not a count after a dash', () => {
    expect(findDate('5 March 2026 • 9:30pm')).toBe('2026-03-05T21:30:00')
    expect(findDate('Thu Mar 5 2026 - 21:30')).toBe('2026-03-05T21:30:00')
    expect(findDate('5 March 2026 | 09.30 GMT')).toBe('2026-03-05T09:30:00Z')
    expect(findDate('On 5 March 2026 - 12 people were hurt')).toBe('2026-03-05')
  })

  it('rejects impossible dates and text without a date', () => {
    expect(findDate('31 February 2026')).toBeNull()
    expect(findDate('2026-13-01')).toBeNull()
    expect(findDate('In May the minister said so.')).toBeNull()
  })

  it('answers the earliest date in the text', () => {
    expect(findDate('First published 3 March 2026; updated 2026-03-04')).toBe('2026-03-03')
  })
})

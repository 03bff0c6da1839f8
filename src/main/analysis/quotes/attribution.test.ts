import { describe, expect, it } from 'vitest'
import { cueAfter, cueBefore, findVenue } from './attribution'

describe('attribution cues', () => {
  it('reads "X said" and "said X" after a quote', () => {
    const a = '“Fine,” Maria Lopez said on Monday.'
    expect(cueAfter(a, a.indexOf('”') + 1, a.length)?.speaker?.text).toBe('Maria Lopez')
    const b = '“Fine,” said Maria Lopez, the mayor.'
    const cue = cueAfter(b, b.indexOf('”') + 1, b.length)
    expect(cue?.speaker).toMatchObject({ text: 'Maria Lopez', role: 'mayor' })
  })

  it('reads "X told The Times:" and "according to X," before a quote', () => {
    const a = 'Maria Lopez told The Times: “Fine.”'
    const told = cueBefore(a, 0, a.indexOf('“'))
    expect(told).toMatchObject({ verb: 'told', venue: 'The Times', introduces: true })
    expect(told?.speaker?.text).toBe('Maria Lopez')
    const b = 'According to the Kremlin, “nothing happened.”'
    expect(cueBefore(b, 0, b.indexOf('“'))?.speaker).toMatchObject({
      text: 'Kremlin',
      organisation: true
    })
  })

  it('reads a speaker set off by an apposition', () => {
    const a = '“Fine,” Maria Lopez, the city’s mayor, told reporters.'
    expect(cueAfter(a, a.indexOf('”') + 1, a.length)?.speaker?.text).toBe('Maria Lopez')
  })

  it('finds venues', () => {
    expect(findVenue('he said in a statement on Friday')).toBe('a statement')
    expect(findVenue('she said in an interview with CNN')).toBe('an interview with CNN')
    expect(findVenue('he wrote on Twitter')).toBe('Twitter')
  })
})

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

describe('attribution cues: verbs and inverted speakers', () => {
  it('does not read a speech verb used as a noun after a possessive or an article', () => {
    const body = 'Reporters quoted Ann Lee’s remarks “about the budget.”'
    expect(cueBefore(body, 0, body.indexOf('“'))).toMatchObject({ verb: 'quoted' })
    const determiner = 'Tom Hale criticised the comments “about the budget.”'
    expect(cueBefore(determiner, 0, determiner.indexOf('“'))).toMatchObject({
      verb: 'criticised',
      speaker: { text: 'Tom Hale' }
    })
  })

  it('takes "said X" before a quote only when punctuation sets X off', () => {
    const said = 'At the rally, said Mayor Ann Lee: “We will win.”'
    expect(cueBefore(said, 0, said.indexOf('“'))?.speaker?.text).toBe('Ann Lee')
    const urged = 'The letter was sent to urge Dayton voters “to turn out early.”'
    expect(cueBefore(urged, 0, urged.indexOf('“'))).toBeNull()
  })
})

describe('attribution cues: nouns that look like verbs, and labels', () => {
  it('does not read a plural noun after a lower-case word as a speech verb', () => {
    const body = 'Tom Hale called the executive orders “quite dangerous.”'
    expect(cueBefore(body, 0, body.indexOf('“'))).toMatchObject({
      verb: 'called',
      speaker: { text: 'Tom Hale' }
    })
  })

  it('reads a name set before a colon as the speaker', () => {
    const body = 'Hale: “The mission is to win.”'
    expect(cueBefore(body, 0, body.indexOf('“'))).toMatchObject({
      verb: ':',
      introduces: true,
      speaker: { text: 'Hale' }
    })
  })

  it('takes an outlet or a body after "told" as the venue, never a person', () => {
    expect(findVenue('she told Reuters')).toBe('Reuters')
    expect(findVenue('he told MPs')).toBe('MPs')
    expect(findVenue('she told Metro')).toBe('Metro')
    expect(findVenue('the judge told Sowerby')).toBeNull()
    expect(findVenue('he told Ann Lee')).toBeNull()
  })
})

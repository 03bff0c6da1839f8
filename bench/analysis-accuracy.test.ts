import { describe, expect, it } from 'vitest'
import { goldName, isDescription, scoreCorpus } from './analysis-accuracy'

describe('goldName', () => {
  it('drops the apposition, party tag and place after a name', () => {
    expect(goldName('Dana Whitfield, chair of the harbour board,')).toBe('Dana Whitfield')
    expect(goldName('Sen. Ray Ortiz (D-N.M.)')).toBe('Sen. Ray Ortiz')
    expect(goldName('Lena Moss of Fairview')).toBe('Lena Moss')
    expect(goldName('Secretary of State Ann Lee')).toBe('Secretary of State Ann Lee')
  })

  it('reads the name after a description ("Another critic, Laurence Hale,")', () => {
    expect(goldName('Another critic, Laurence Hale,')).toBe('Laurence Hale')
    expect(goldName('Her campaign manager, former Rep. Ivo Brandt,')).toBe('former Rep. Ivo Brandt')
  })

  it('keeps the description when what follows it is no name', () => {
    expect(goldName('The longtime delegate, who backs Hale,')).toBe('The longtime delegate')
    expect(goldName('Just under half, 48%,')).toBe('Just under half')
    expect(isDescription(goldName('One such memo, obtained by The Ledger,'))).toBe(true)
  })
})

describe('scoreCorpus', () => {
  it('counts a speaker right when the gold name’s last word is in ours', () => {
    const text = 'Another critic, Laurence Hale, said: “It will not work.”'
    const start = text.indexOf('It will')
    const article = {
      id: 'invented',
      text,
      quotes: [
        {
          start,
          end: text.indexOf('”'),
          speaker: 'Another critic, Laurence Hale,',
          speakerKind: 'name' as const
        }
      ],
      otherQuoted: []
    }
    const figures = scoreCorpus([article])
    expect(figures).toMatchObject({ matched: 1, proposed: 1, nameMatched: 1, nameRight: 1 })
  })
})

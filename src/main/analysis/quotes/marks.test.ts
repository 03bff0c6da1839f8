import { describe, expect, it } from 'vitest'
import { findQuotedSpans } from './marks'

function texts(body: string): string[] {
  return findQuotedSpans(body)
    .spans.filter((s) => s.depth === 0)
    .map((s) => body.slice(s.start, s.end))
}

describe('findQuotedSpans', () => {
  it('pairs curly and straight marks, single and double', () => {
    expect(texts('He said “yes” and "no" and ‘maybe’.')).toEqual(['yes', 'no', 'maybe'])
  })

  it('does not take apostrophes for closing or opening marks', () => {
    const body =
      '‘Ukraine’s army doesn’t rest, and the Ukrainians’ resolve holds,’ she said of the ’90s.'
    expect(texts(body)).toEqual(['Ukraine’s army doesn’t rest, and the Ukrainians’ resolve holds,'])
    expect(texts("It's rock 'n' roll, isn't it?")).toEqual([])
  })

  it('keeps a nested quote inside the outer one, both ways round', () => {
    const american = findQuotedSpans('“They called it ‘a farce’ today,” he said.').spans
    expect(american.map((s) => [s.family, s.depth])).toEqual([
      ['double', 0],
      ['single', 1]
    ])
    const british = findQuotedSpans('‘They called it “a farce” today,’ he said.').spans
    expect(british.map((s) => [s.family, s.depth])).toEqual([
      ['single', 0],
      ['double', 1]
    ])
  })

  it('joins a quote over several paragraphs that only the last closes', () => {
    const body = '“First part.\n\n“Second part.\n\n“Last part,” she said.'
    const { spans } = findQuotedSpans(body)
    expect(spans).toHaveLength(1)
    expect(body.slice(spans[0].start, spans[0].end)).toBe(
      'First part.\n\n“Second part.\n\n“Last part,'
    )
    expect(spans[0].paragraphs).toBe(3)
  })

  it('treats two typewriter apostrophes as one double mark', () => {
    expect(texts("''We will win,'' he said.")).toEqual(['We will win,'])
  })

  it('survives unbalanced marks, ending the quote at its paragraph and warning', () => {
    const scan = findQuotedSpans('She said: “No way.\n\nThen she left. Odd.')
    expect(scan.spans[0]).toMatchObject({ balanced: false })
    expect(scan.warnings.length).toBeGreaterThan(0)
    expect(() => findQuotedSpans('”“‘’\'"')).not.toThrow()
  })

  it('reads a plural possessive inside a quote that runs on to the next paragraph as an apostrophe', () => {
    const text =
      '‘Every one of them told us the same thing.\n\n' +
      '‘It puts the Ukrainians’ harvest back on the water.\n\n' +
      '‘Nobody should pretend it will be easy.’\n\nThe talks resume on Monday.'
    expect(findQuotedSpans(text).spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'Every one of them told us the same thing.\n\n' +
        '‘It puts the Ukrainians’ harvest back on the water.\n\n' +
        '‘Nobody should pretend it will be easy.'
    ])
  })

  it('reads a height in feet and inches as no quote mark', () => {
    expect(texts('The letter gives his height as 6\'3" and his weight as 210 pounds.')).toEqual([])
    expect(texts('She is 5’ 11" tall and said "no" twice.')).toEqual(['no'])
  })

  it('opens a quote with a right mark that starts its paragraph before a space', () => {
    const body =
      'The mayor spoke last.\n\n” … call it a ‘stopgap,’ and that is why we built it,” she said.'
    expect(texts(body)).toEqual(['… call it a ‘stopgap,’ and that is why we built it,'])
  })
})

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import {
  findParagraphs,
  groupParagraphs,
  markChunks,
  offsetOfPoint,
  segmentBody,
  segmentChunk,
  spanOfRange,
  trimSpan,
  type BodyParagraph,
  type BodySpan,
  type QuoteMark
} from './body-segments'

const body = [
  'Ukraine’s president spoke on Monday.',
  '‘We will not give up,’ he said. ‘Every town',
  '‘will be defended,’ he added.',
  'Get in touch: news@example.com'
].join('\n\n')

function render(paragraphs: BodyParagraph[]): HTMLElement {
  const root = document.createElement('div')
  for (const paragraph of paragraphs) {
    const p = document.createElement('p')
    for (const segment of paragraph.segments) {
      const span = document.createElement('span')
      span.dataset.start = String(segment.start)
      span.dataset.end = String(segment.end)
      span.textContent = segment.text
      p.append(span)
      if (segment.endsSetAside !== null) {
        const button = document.createElement('button')
        button.textContent = 'Restore'
        p.append(button)
      }
    }
    root.append(p)
  }
  document.body.replaceChildren(root)
  return root
}

function textOf(root: HTMLElement, offset: number): { node: Node; at: number } {
  for (const span of root.querySelectorAll<HTMLElement>('[data-start]')) {
    const start = Number(span.dataset.start)
    const end = Number(span.dataset.end)
    if (offset >= start && offset <= end) return { node: span.firstChild!, at: offset - start }
  }
  throw new Error(`no run holds ${offset}`)
}

describe('findParagraphs', () => {
  it('splits on blank lines and skips empty paragraphs', () => {
    const text = '\n\nFirst line\nstill first\n\n \n\nSecond\r\n\r\nThird\n\n'
    expect(findParagraphs(text).map((p) => text.slice(p.start, p.end))).toEqual([
      'First line\nstill first',
      'Second',
      'Third'
    ])
  })
})

describe('segmentBody', () => {
  it('cuts paragraphs at quote and boilerplate edges and joins back to the body', () => {
    const first = body.indexOf('We will')
    const quote = { id: 'q1', start: first, end: first + 'We will not give up,'.length }
    const footer = { start: body.indexOf('Get in touch'), end: body.length }
    const paragraphs = segmentBody(body, [{ ...quote, status: 'confirmed' }], [footer])

    expect(paragraphs).toHaveLength(4)
    for (const paragraph of paragraphs) {
      expect(paragraph.segments.map((s) => s.text).join('')).toBe(
        body.slice(paragraph.start, paragraph.end)
      )
    }
    const quoted = paragraphs[1].segments.find((s) => s.quoteIds.includes('q1'))
    expect(quoted?.text).toBe('We will not give up,')
    expect(quoted?.status).toBe('confirmed')
    expect(paragraphs[3].segments).toEqual([
      expect.objectContaining({
        text: 'Get in touch: news@example.com',
        setAside: true,
        endsSetAside: 0
      })
    ])
  })

  it('shows a quote over three paragraphs in each of them and ranks confirmed over suggested', () => {
    const start = body.indexOf('Every town')
    const end = body.indexOf('defended') + 'defended'.length
    const paragraphs = segmentBody(
      body,
      [
        { id: 'long', start, end, status: 'suggested' },
        { id: 'short', start, end: start + 5, status: 'confirmed' }
      ],
      []
    )
    const marked = paragraphs.flatMap((p) => p.segments).filter((s) => s.quoteIds.length > 0)
    expect(marked.map((s) => [s.text, s.status, s.quoteIds])).toEqual([
      ['Every', 'confirmed', ['short', 'long']],
      [' town', 'suggested', ['long']],
      ['‘will be defended', 'suggested', ['long']]
    ])
  })

  it('ignores a quote whose span lies outside the body', () => {
    const paragraphs = segmentBody(
      'Short text.',
      [{ id: 'x', start: 3, end: 99, status: 'confirmed' }],
      []
    )
    expect(paragraphs[0].segments).toHaveLength(1)
    expect(paragraphs[0].segments[0].quoteIds).toEqual([])
  })
})

/** A long article: numbered paragraphs, a quote in most, and a footer line every tenth. */
function longArticle(paragraphCount: number): {
  body: string
  quotes: QuoteMark[]
  setAside: BodySpan[]
} {
  const parts: string[] = []
  const quotes: QuoteMark[] = []
  const setAside: BodySpan[] = []
  const statuses: QuoteMark['status'][] = ['suggested', 'confirmed', 'rejected']
  let offset = 0
  for (let i = 0; i < paragraphCount; i++) {
    const said = `‘We will reopen branch ${i} by the summer,’ the council leader said. `
    const text =
      i % 10 === 9
        ? `Sign up for our newsletter ${i}.`
        : `${said}Residents of ward ${i} gathered outside the town hall on Tuesday. `.repeat(2)
    if (i % 10 === 9) setAside.push({ start: offset, end: offset + text.length })
    else {
      const start = offset + 1
      quotes.push({
        id: `q${i}`,
        start,
        end: offset + said.indexOf('’'),
        status: statuses[i % 3]
      })
    }
    parts.push(text)
    offset += text.length + 2
  }
  // One quote over three paragraphs, and one set-aside stretch over many of them.
  quotes.push({ id: 'long', start: quotes[3].start, end: quotes[5].end, status: 'suggested' })
  setAside.push({ start: quotes[40].start, end: quotes[60].end })
  return { body: parts.join('\n\n'), quotes, setAside }
}

describe('segmentBody on a 5 MB article', () => {
  const article = longArticle(40_000)

  it('cuts every paragraph into runs that join back to it, each quote on its own words', () => {
    expect(article.body.length).toBeGreaterThan(5_000_000)
    const paragraphs = segmentBody(article.body, article.quotes, article.setAside)
    expect(paragraphs).toHaveLength(40_000)
    for (const paragraph of paragraphs) {
      expect(paragraph.segments.map((s) => s.text).join('')).toBe(
        article.body.slice(paragraph.start, paragraph.end)
      )
    }
    const last = paragraphs[39_998].segments
    expect(last.map((s) => [s.text.slice(0, 22), s.quoteIds, s.status])).toEqual([
      ['‘', [], null],
      ['We will reopen branch ', ['q39998'], 'rejected'],
      ['’ the council leader s', [], null]
    ])
    expect(paragraphs[39_999].segments).toEqual([
      expect.objectContaining({ setAside: true, endsSetAside: 3999, quoteIds: [] })
    ])
  })

  it('gives the same runs chunk by chunk as for the whole body, Restore actions included', () => {
    const article = longArticle(8000)
    const whole = segmentBody(article.body, article.quotes, article.setAside)
    const chunks = groupParagraphs(findParagraphs(article.body), 4000)
    const marks = markChunks(article.body, chunks, article.quotes, article.setAside)
    const byChunk = chunks.flatMap((chunk, index) =>
      segmentChunk(article.body, chunk, marks[index], chunks[index + 1]?.start ?? Infinity)
    )
    expect(chunks.length).toBeGreaterThan(200)
    expect(byChunk).toEqual(whole)
    const stretch = article.setAside.length - 1
    const ends = byChunk.flatMap((p) => p.segments).filter((s) => s.endsSetAside === stretch)
    expect(ends.map((s) => s.end)).toEqual([article.quotes[60].end])
  })
})

describe('groupParagraphs and markChunks', () => {
  it('keeps chunks put and changes only the signature of the chunk whose quote changed', () => {
    const article = longArticle(200)
    const chunks = groupParagraphs(findParagraphs(article.body), 4000)
    expect(chunks.every((c) => c.end - c.start <= 4000 || c.paragraphs.length === 1)).toBe(true)
    expect(chunks.flatMap((c) => c.paragraphs)).toEqual(findParagraphs(article.body))
    const before = markChunks(article.body, chunks, article.quotes, article.setAside)
    const accepted = article.quotes.map((q) =>
      q.id === 'q101' ? { ...q, status: 'confirmed' as const } : q
    )
    const after = markChunks(article.body, chunks, accepted, article.setAside)
    const changed = before
      .map((marks, index) => (marks.signature !== after[index].signature ? index : -1))
      .filter((index) => index !== -1)
    const quote = article.quotes.find((q) => q.id === 'q101')!
    const holder = chunks.findIndex((c) => c.start <= quote.start && c.end > quote.start)
    expect(changed).toEqual([holder])
  })
})

describe('trimSpan', () => {
  it('drops spaces and curly or straight quote marks from both ends', () => {
    const text = 'He said: ‘ We will win, ’ and left. "Yes." \'No\''
    const from = text.indexOf('‘')
    const to = text.indexOf('’') + 1
    expect(trimSpan(text, from, to)).toEqual({
      start: text.indexOf('We'),
      end: text.indexOf(',') + 1
    })
    const yes = trimSpan(text, text.indexOf('"'), text.lastIndexOf('"') + 1)
    expect(text.slice(yes!.start, yes!.end)).toBe('Yes.')
    const no = trimSpan(text, text.indexOf("'"), text.length)
    expect(text.slice(no!.start, no!.end)).toBe('No')
  })

  it('answers null for a selection of only marks and spaces', () => {
    expect(trimSpan('a ‘ ’ b', 1, 5)).toBeNull()
  })
})

describe('spanOfRange', () => {
  it('maps a selection inside one run to exact body offsets without the quote marks', () => {
    const root = render(segmentBody(body, [], []))
    const from = textOf(root, body.indexOf('‘We'))
    const to = textOf(root, body.indexOf(' he said'))
    const span = spanOfRange(
      root,
      { startContainer: from.node, startOffset: from.at, endContainer: to.node, endOffset: to.at },
      body
    )
    expect(span && body.slice(span.start, span.end)).toBe('We will not give up,')
  })

  it('maps a selection across paragraphs and highlighted runs', () => {
    const start = body.indexOf('Every')
    const root = render(
      segmentBody(body, [{ id: 'q', start, end: start + 10, status: 'suggested' }], [])
    )
    const from = textOf(root, start)
    const endOffset = body.indexOf('defended') + 'defended'.length
    const to = textOf(root, endOffset)
    const span = spanOfRange(
      root,
      { startContainer: from.node, startOffset: from.at, endContainer: to.node, endOffset: to.at },
      body
    )
    expect(span).toEqual({ start, end: endOffset })
    expect(body.slice(span!.start, span!.end)).toBe('Every town\n\n‘will be defended')
  })

  it('maps points between elements to the nearest run edge', () => {
    const root = render(segmentBody(body, [], []))
    const paragraphs = root.querySelectorAll('p')
    // A triple-click selects from the start of one paragraph element to the start of the next.
    const span = spanOfRange(
      root,
      { startContainer: paragraphs[0], startOffset: 0, endContainer: paragraphs[1], endOffset: 0 },
      body
    )
    expect(span && body.slice(span.start, span.end)).toBe('Ukraine’s president spoke on Monday.')
    const whole = spanOfRange(
      root,
      { startContainer: root, startOffset: 1, endContainer: root, endOffset: 2 },
      body
    )
    expect(whole && body.slice(whole.start, whole.end)).toBe(
      'We will not give up,’ he said. ‘Every town'
    )
  })

  it('skips the text of a Restore button at a selection edge', () => {
    const footer = { start: body.indexOf('Get in touch'), end: body.length }
    const root = render(segmentBody(body, [], [footer]))
    const button = root.querySelector('button')!
    expect(offsetOfPoint(root, button.firstChild!, 3, 'end')).toBe(body.length)
  })

  it('answers null for a selection outside the body', () => {
    const root = render(segmentBody(body, [], []))
    const outside = document.createElement('p')
    outside.textContent = 'elsewhere'
    document.body.append(outside)
    expect(
      spanOfRange(
        root,
        {
          startContainer: outside.firstChild!,
          startOffset: 0,
          endContainer: outside.firstChild!,
          endOffset: 4
        },
        body
      )
    ).toBeNull()
  })
})

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import {
  findParagraphs,
  offsetOfPoint,
  segmentBody,
  spanOfRange,
  trimSpan,
  type BodyParagraph
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

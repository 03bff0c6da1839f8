import { describe, expect, it } from 'vitest'
import type { Briefing } from '../model'
import { buildBriefingDocument } from './document'
import { renderBriefingHtml } from './html'
import {
  sampleBriefing,
  sampleClipping,
  sampleItem,
  sampleLookup,
  samplePerson,
  sampleQuote
} from './sample-library'

const attack = '<script>alert(1)</script>'

function hostileBriefing(): string {
  const clipping = sampleClipping({
    id: 'c',
    title: `Title ${attack}`,
    outlet: `Outlet ${attack}`,
    byline: `Byline ${attack}`,
    url: 'javascript:alert(1)',
    publishedAt: '2026-11-24',
    body: `Quote ${attack} ‘it’s’ & more`
  })
  const quote = sampleQuote('q', clipping, `Quote ${attack} ‘it’s’ & more`, {
    speakerId: 'p',
    venue: `Venue ${attack}`
  })
  const briefing: Briefing = {
    id: 'b',
    title: `Briefing ${attack}`,
    date: '2026-11-24',
    author: `Author ${attack}`,
    createdAt: '2026-11-24T00:00:00Z',
    updatedAt: '2026-11-24T00:00:00Z',
    sections: [
      {
        id: 's',
        heading: `Heading ${attack}`,
        items: [
          sampleItem('i1', 'quote', 'q', `Comment ${attack}`),
          sampleItem('i2', 'note', `Note ${attack}`),
          sampleItem('i3', 'clipping', 'c', `"Clipping" comment ${attack}`)
        ]
      }
    ]
  }
  const lookup = sampleLookup({
    quotes: [quote],
    clippings: [clipping],
    sources: [samplePerson('p', `Speaker ${attack}`, `Role ${attack}`)]
  })
  return renderBriefingHtml(buildBriefingDocument(briefing, lookup))
}

describe('renderBriefingHtml', () => {
  it('is a standalone document whose policy allows no script and no network', () => {
    const html = renderBriefingHtml(
      buildBriefingDocument(sampleBriefing().briefing, sampleBriefing().lookup)
    )
    expect(
      html.startsWith('<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n')
    ).toBe(true)
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`
    )
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i)
  })

  it('escapes every text: quote, speaker, comments, notes, titles, headings', () => {
    const html = hostileBriefing()
    expect(html).not.toContain('<script>')
    for (const label of [
      'Briefing',
      'Author',
      'Heading',
      'Quote',
      'Speaker',
      'Role',
      'Venue',
      'Comment',
      'Note',
      'Title',
      'Outlet',
      'Byline'
    ]) {
      expect(html).toContain(`${label} &lt;script&gt;alert(1)&lt;/script&gt;`)
    }
    expect(html).toContain('Quote &lt;script&gt;alert(1)&lt;/script&gt; ‘it’s’ &amp; more')
    expect(html).toContain('&quot;Clipping&quot; comment')
  })

  it('links only http(s) addresses', () => {
    const html = hostileBriefing()
    expect(html).not.toContain('href="javascript:')
    expect(html).toContain('<span class="source-url">javascript:alert(1)</span>')
    const sample = sampleBriefing()
    expect(renderBriefingHtml(buildBriefingDocument(sample.briefing, sample.lookup))).toContain(
      '<a class="source-url" href="https://westminstergazette.example/politics/gas-storage-refill?ref=briefing&amp;src=feed">'
    )
  })

  it('cites each quote with speaker, role, venue, outlet, date and a numbered source', () => {
    const { briefing, lookup } = sampleBriefing()
    const html = renderBriefingHtml(buildBriefingDocument(briefing, lookup))
    expect(html).toContain(
      '<figcaption class="quote-attribution">— <span class="quote-speaker">Olena Kovalenko</span>, Deputy Foreign Minister, video address, <cite>The Northern Ledger</cite>, <time datetime="2026-11-24">24 November 2026</time> <a class="citation" href="#source-1">[1]</a></figcaption>'
    )
    expect(html).toContain(
      '<li id="source-1">Kyiv asks allies for time, not talks, as winter closes in.'
    )
    expect(html).toContain('<p class="missing">[quote no longer in the library]</p>')
  })

  it('asks for the paper size it is given, A4 by default', () => {
    const { briefing, lookup } = sampleBriefing()
    const doc = buildBriefingDocument(briefing, lookup)
    expect(renderBriefingHtml(doc)).toContain('@page { size: A4;')
    expect(renderBriefingHtml(doc, { paper: 'Letter' })).toContain('@page { size: letter;')
  })

  it('keeps a section heading with its first item, so no heading is left at a page foot', () => {
    const { briefing, lookup } = sampleBriefing()
    const html = renderBriefingHtml(buildBriefingDocument(briefing, lookup))
    expect(html).toContain(
      '<div class="section-lead"><h2 class="section-heading">Diplomacy</h2><div class="item item-note">'
    )
  })

  it('labels an unconfirmed quote after its citation, and only that one', () => {
    const { briefing, lookup } = sampleBriefing()
    const html = renderBriefingHtml(
      buildBriefingDocument(briefing, {
        ...lookup,
        quote: (id) => {
          const quote = lookup.quote(id)
          return quote && id === 'q-average' ? { ...quote, status: 'suggested' } : quote
        }
      })
    )
    expect(html).toContain(
      '<a class="citation" href="#source-3">[3]</a> <span class="unconfirmed-label">Unconfirmed</span></figcaption>'
    )
    expect(html.match(/class="unconfirmed-label"/g)).toHaveLength(1)
    expect(html.match(/<figure class="quote quote-unconfirmed">/g)).toHaveLength(1)
  })

  it('sets comments and notes apart from the briefing’s text, each with its label', () => {
    const { briefing, lookup } = sampleBriefing()
    const html = renderBriefingHtml(buildBriefingDocument(briefing, lookup))
    expect(html).toContain(
      '<div class="item item-note"><aside class="commentary note"><p><span class="commentary-label">Note</span> Kyiv’s line this week'
    )
    expect(html).toContain(
      '<aside class="commentary comment"><p><span class="commentary-label">Comment</span> The strongest public statement yet'
    )
  })

  it('ends a quote without the comma the sentence left on it', () => {
    const { briefing, lookup } = sampleBriefing()
    const html = renderBriefingHtml(buildBriefingDocument(briefing, lookup))
    expect(html).toContain('and the numbers say we are ready”</p></blockquote>')
  })
})

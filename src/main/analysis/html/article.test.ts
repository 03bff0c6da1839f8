import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { blockParagraphs, extractArticle } from './article'
import { parseInertDocument } from './inert-window'

const hostilePage = readFileSync(join(__dirname, '../fixtures/hostile-page.html'), 'utf8')

describe('extractArticle', () => {
  it('reads a whole page: metadata from its meta tags, paragraphs of the article only', () => {
    const article = extractArticle(hostilePage)
    expect(article).toEqual({
      title: 'Kyiv braces for winter as grid repairs race on',
      byline: 'Sam Carter',
      outlet: 'Metro',
      publishedAt: '2026-11-24T09:30:00+00:00',
      url: 'https://metro.co.uk/2026/11/24/kyiv-braces-for-winter',
      paragraphs: [
        'Engineers in Kyiv are working around the clock to repair Ukraine’s power grid before the first hard frost, officials said on Tuesday.',
        'Energy Minister Herman Halushchenko said: ‘Every substation we bring back is a home that stays warm.\nWe will not stop.’',
        'The Ministry of Energy said crews had restored supplies to 80,000 homes. Click for the map, or see the official map.',
        'Residents of the capital’s Darnytskyi district said they had been without heating for three days, with temperatures expected to fall to minus 10C by the weekend in a winter that officials fear will be the hardest since the war began.',
        'Get in touch with our news team by emailing us at webnews@metro.co.uk.'
      ],
      warnings: [
        'Removed from the pasted page: 1 event handler, 1 image, 1 javascript: link, 1 embedded frame, 1 form, 2 form fields, 1 SVG drawing.'
      ]
    })
  })

  it('keeps every paragraph of a copied selection, with the given URL', () => {
    const html =
      '<meta charset="utf-8"><h1>Ministers meet in Brussels</h1>' +
      '<p>Short line.</p><p>‘We’re ready,’ she said.</p><div>A closing line<br><br>after a gap</div>'
    const article = extractArticle(html, 'https://www.theguardian.com/world/2026/nov/24/x')
    expect(article.paragraphs).toEqual([
      'Ministers meet in Brussels',
      'Short line.',
      '‘We’re ready,’ she said.',
      'A closing line',
      'after a gap'
    ])
    expect(article.title).toBe('Ministers meet in Brussels')
    expect(article.outlet).toBe('The Guardian')
    expect(article.url).toBe('https://www.theguardian.com/world/2026/nov/24/x')
  })

  it('reads JSON-LD without running it, and drops the site name from a page title', () => {
    const html =
      '<html><head><title>Talks collapse | Example Herald</title>' +
      '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",' +
      '"datePublished":"2026-11-20","author":[{"@type":"Person","name":"Ana Lopes"}],' +
      '"publisher":{"@type":"Organization","name":"Example Herald"}}]}</script></head>' +
      '<body><article><p>Talks between the two sides collapsed on Friday evening after eleven hours.</p></article></body></html>'
    const article = extractArticle(html)
    expect(article.title).toBe('Talks collapse')
    expect(article.byline).toBe('Ana Lopes')
    expect(article.outlet).toBe('Example Herald')
    expect(article.publishedAt).toBe('2026-11-20')
  })
})

describe('blockParagraphs', () => {
  it('collapses whitespace inside a paragraph and keeps typographic marks verbatim', () => {
    const document = parseInertDocument(
      '<p>  “Don’t   go,”\n   he said —\tthen   left. </p><ul><li>one</li><li>two</li></ul>'
    )
    expect(blockParagraphs(document.body)).toEqual([
      '“Don’t go,” he said — then left.',
      'one',
      'two'
    ])
  })
})

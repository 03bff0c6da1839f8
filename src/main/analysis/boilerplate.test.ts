import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findBoilerplate } from './boilerplate'

const trussKyiv = readFileSync(join(__dirname, 'fixtures/truss-kyiv.txt'), 'utf8')

function texts(body: string): string[] {
  return findBoilerplate(body).map((span) => span.text)
}

describe('findBoilerplate', () => {
  it('sets aside the contact line, the more-stories plug and the picture credit', () => {
    const spans = findBoilerplate(trussKyiv)
    expect(spans.map((span) => span.text)).toEqual([
      'Get in touch with our news team by emailing us at webnews@metro.co.uk.',
      'For more stories like this, check our news page.',
      '(Picture: Getty)'
    ])
    for (const span of spans) expect(trussKyiv.slice(span.start, span.end)).toBe(span.text)
  })

  it('recognises share, newsletter, follow, read-more, advert and copyright lines', () => {
    const body = [
      'The talks resumed on Monday.',
      'Read more: Kyiv braces for winter',
      'MORE: Minister resigns over leaked memo',
      'Share this article',
      'Sign up to our free daily newsletter',
      'Follow Metro.co.uk on Twitter and Facebook',
      'Click here to see the full report',
      'Advertisement',
      '© 2026 Example Media Ltd. All rights reserved.',
      'Got a story for us? Contact our team at tips@example.org',
      'The talks will continue on Tuesday.'
    ].join('\n\n')
    expect(texts(body)).toEqual(body.split('\n\n').slice(1, -1))
  })

  it('sets aside wire credits, a standards note and subscription prompts, not sentences like them', () => {
    const boilerplate = [
      'Reporting by Anika Brandt in Bonn and Luis Ferreira; Editing by Carole Dunmore',
      '(Additional reporting by Yusuf Demir in ANKARA; Writing by Ann Lee; Editing by Tom Reid.)',
      'Harriet Collins and Dev Sandhu contributed reporting from Manchester.',
      'Our Standards: The Thomson Reuters Trust Principles.',
      'Support The Harrowfield Gazette and become a subscriber today.',
      'Support independent journalism',
      'Become a Gazette supporter for £1 a month',
      'Subscribe to our weekly politics podcast.',
      'Already a subscriber? Log in'
    ]
    const article = [
      'Reporting by the council’s own auditors found that £2m was missing.',
      'Editing by hand took the archivists three years.',
      'Support for the scheme has grown among subscribers since March.',
      'Become a member of the board? She refused twice.',
      'Subscribers to the water company’s rewards scheme lost their points.',
      'Our standards of care slipped during the strike, the report found.',
      'Harriet Collins contributed £500 to the appeal.'
    ]
    expect(texts([...article, ...boilerplate].join('\n\n'))).toEqual(boilerplate)
  })

  it('joins lines of one paragraph into one span', () => {
    const body = 'Story.\n\nShare this article\nFacebook\nTwitter\n\nEnd.'
    expect(findBoilerplate(body)).toEqual([
      { start: 8, end: 43, text: 'Share this article\nFacebook\nTwitter' }
    ])
  })

  it('never flags a line that quotes someone with a speech verb', () => {
    const body = [
      '‘Contact us if you see anything,’ the police spokesman said.',
      'Click here, she told reporters, “and you will see the problem”.'
    ].join('\n\n')
    expect(findBoilerplate(body)).toEqual([])
  })

  it('leaves ordinary paragraphs that merely mention newsletters or sharing', () => {
    const body =
      'The minister said ministers would share more details next week.\n\nHe writes a newsletter about farming.'
    expect(findBoilerplate(body)).toEqual([])
  })
})

import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBriefingDocument } from '@shared/briefing/document'
import { renderBriefingHtml } from '@shared/briefing/html'
import {
  sampleBriefing,
  sampleClipping,
  sampleItem,
  sampleLookup,
  samplePerson,
  sampleQuote
} from '@shared/briefing/sample-library'
import type { Briefing } from '@shared/model'
import { findChromium, printHtmlToPdf } from './pdf'

const folder = mkdtempSync(join(tmpdir(), 'clipdesk-pdf-test-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** The text of a PDF as pdftotext lays it out, whitespace runs collapsed to one space. */
function pdfText(pdf: Buffer): string {
  return pdfPages(pdf).join(' ')
}

/** The text of each page of a PDF, whitespace runs collapsed to one space. */
function pdfPages(pdf: Buffer): string[] {
  const file = join(folder, `${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, pdf)
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page) => page.trim() !== '')
    .map((page) => page.replace(/\s+/g, ' ').trim())
}

/** A briefing of a note of `words` words and three quotes from three articles, as HTML. */
function briefingWithNote(words: number): string {
  const clippings = [1, 2, 3].map((n) =>
    sampleClipping({
      id: `c${n}`,
      title: `Budget report ${n} on the Riverside library closures`,
      outlet: 'The Northfield Courier',
      byline: 'Marguerite Delacroix, Local Government Reporter',
      url: `https://northfieldcourier.example/news/budget-report-${n}`,
      publishedAt: `2027-03-1${n}`,
      body: `Quote number ${n} is here.`
    })
  )
  const quotes = clippings.map((clipping, index) =>
    sampleQuote(`q${index}`, clipping, `Quote number ${index + 1} is here.`, { speakerId: 'p' })
  )
  const note = Array.from({ length: words }, (_, index) =>
    index % 12 === 11 ? 'closures.' : 'library'
  ).join(' ')
  const briefing: Briefing = {
    id: 'b',
    title: 'Libraries',
    date: '2026-11-24',
    author: 'Local desk',
    createdAt: '2026-11-24T09:00:00Z',
    updatedAt: '2026-11-24T09:00:00Z',
    sections: [
      {
        id: 's',
        heading: 'Background',
        items: [
          sampleItem('n', 'note', note),
          ...quotes.map((quote, index) => sampleItem(`i${index}`, 'quote', quote.id, 'Comment.'))
        ]
      }
    ]
  }
  const lookup = sampleLookup({
    quotes,
    clippings,
    sources: [samplePerson('p', 'Priya Raman', 'council leader')]
  })
  return renderBriefingHtml(buildBriefingDocument(briefing, lookup))
}

function requireChromium(): void {
  if (!findChromium()) {
    throw new Error(
      'No Chromium found (CHROMIUM_PATH, /usr/bin/chromium, …): PDF export cannot be tested here.'
    )
  }
}

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH when it names a file', () => {
    const present = new Set(['/opt/my-chrome', '/usr/bin/chromium'])
    expect(findChromium({ CHROMIUM_PATH: '/opt/my-chrome' }, (path) => present.has(path))).toBe(
      '/opt/my-chrome'
    )
    expect(findChromium({ CHROMIUM_PATH: '/nowhere' }, (path) => present.has(path))).toBe(
      '/usr/bin/chromium'
    )
  })

  it('finds Chrome under Program Files on Windows, and answers null when there is none', () => {
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
    expect(findChromium({ PROGRAMFILES: 'C:\\Program Files' }, (path) => path === chrome)).toBe(
      chrome
    )
    expect(findChromium({}, () => false)).toBeNull()
  })
})

describe('printHtmlToPdf', () => {
  it('prints a briefing whose text carries each quote and its attribution', async () => {
    requireChromium()
    const { briefing, lookup } = sampleBriefing()
    const html = renderBriefingHtml(buildBriefingDocument(briefing, lookup))
    const pdf = await printHtmlToPdf(html, { paper: 'A4', footerLabel: 'Ukraine briefing' })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = pdfText(pdf)
    expect(text).toContain(
      '“Ready for an average winter, yes. Nobody I know is planning for an average winter.”'
    )
    expect(text).toContain(
      '— Daniel Whitfield, Energy Secretary, statement to the Commons, Westminster Gazette, 22 November 2026 [3]'
    )
    expect(text).toContain('‘We will not trade Ukraine’s sovereignty for a quiet winter.')
    expect(text).toContain('[quote no longer in the library]')
    expect(text).toContain('Page 1 of 2')
  })

  it('keeps a short source list whole, with its heading, wherever the page ends', async () => {
    requireChromium()
    // Note lengths that put the source list at the foot of page 1 (measured on A4).
    for (const words of [280, 330]) {
      const pages = pdfPages(await printHtmlToPdf(briefingWithNote(words), { paper: 'A4' }))
      const withSources = pages.filter((page) => page.includes('SOURCES'))
      expect(withSources, `note of ${words} words`).toHaveLength(1)
      for (const n of [1, 2, 3]) {
        expect(withSources[0], `note of ${words} words`).toContain(
          `https://northfieldcourier.example/news/budget-report-${n}`
        )
      }
    }
  })

  describe('a page that tries to run script or reach the network', () => {
    let server: Server
    let requests = 0
    let origin = ''
    beforeAll(async () => {
      server = createServer((_, response) => {
        requests += 1
        response.end('body { background: red }')
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    })
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

    it('prints the static text only, and makes no request', async () => {
      requireChromium()
      const html = [
        '<!doctype html><html><head><meta charset="utf-8">',
        `<link rel="stylesheet" href="${origin}/style.css">`,
        `<style>@import url("${origin}/import.css"); p { background: url("${origin}/bg.png") }</style>`,
        '</head><body><p>Static text</p>',
        `<img src="${origin}/image.png"><iframe src="${origin}/frame"></iframe>`,
        `<script src="${origin}/script.js"></script>`,
        '<script>document.body.append("Script ran")</script>',
        '</body></html>'
      ].join('')
      const text = pdfText(await printHtmlToPdf(html, { paper: 'Letter' }))
      expect(text).toContain('Static text')
      expect(text).not.toContain('Script ran')
      expect(requests).toBe(0)
    })
  })
})

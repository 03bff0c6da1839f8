import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBriefingDocument } from '@shared/briefing/document'
import { renderBriefingHtml } from '@shared/briefing/html'
import { sampleBriefing } from '@shared/briefing/sample-library'
import { findChromium, printHtmlToPdf } from './pdf'

const folder = mkdtempSync(join(tmpdir(), 'clipdesk-pdf-test-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** The text of a PDF as pdftotext lays it out, whitespace runs collapsed to one space. */
function pdfText(pdf: Buffer): string {
  const file = join(folder, `${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, pdf)
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' '
  )
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

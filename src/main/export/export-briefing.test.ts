import { describe, expect, it } from 'vitest'
import { buildBriefingDocument } from '@shared/briefing/document'
import { renderBriefingHtml } from '@shared/briefing/html'
import { renderBriefingMarkdown } from '@shared/briefing/markdown'
import { sampleBriefing } from '@shared/briefing/sample-library'
import { briefingFileStem, exportBriefing, renderBriefingPreview } from './export-briefing'
import type { PdfOptions } from './pdf'

describe('briefingFileStem', () => {
  it('is the date then a slug of the title', () => {
    expect(briefingFileStem({ title: 'Ukraine briefing', date: '2026-11-24' })).toBe(
      '2026-11-24-ukraine-briefing'
    )
    expect(
      briefingFileStem({ title: '  Réunion: côte & “énergie”!  ', date: '2026-11-24T10:00Z' })
    ).toBe('2026-11-24-reunion-cote-energie')
  })

  it('falls back to "briefing" for a title with nothing to slug', () => {
    expect(briefingFileStem({ title: '???', date: '2026-11-24' })).toBe('2026-11-24-briefing')
  })
})

describe('exportBriefing', () => {
  it('exports Markdown as a UTF-8 .md file', async () => {
    const { briefing, lookup } = sampleBriefing()
    const file = await exportBriefing(briefing, lookup, { format: 'md', paper: 'A4', sic: false })
    expect(file.fileName).toBe('2026-11-24-ukraine-diplomacy-and-the-winter-grid.md')
    expect(file.mimeType).toBe('text/markdown; charset=utf-8')
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toBe(
      renderBriefingMarkdown(buildBriefingDocument(briefing, lookup))
    )
  })

  it('prints the briefing’s HTML on the chosen paper with the injected printer', async () => {
    const { briefing, lookup } = sampleBriefing()
    const calls: { html: string; options: PdfOptions }[] = []
    const file = await exportBriefing(briefing, lookup, {
      format: 'pdf',
      paper: 'Letter',
      sic: false,
      printPdf: async (html, options) => {
        calls.push({ html, options })
        return Buffer.from('%PDF-1.4 fake')
      }
    })
    expect(file).toEqual({
      fileName: '2026-11-24-ukraine-diplomacy-and-the-winter-grid.pdf',
      mimeType: 'application/pdf',
      base64: Buffer.from('%PDF-1.4 fake').toString('base64')
    })
    expect(calls).toEqual([
      {
        html: renderBriefingHtml(buildBriefingDocument(briefing, lookup), { paper: 'Letter' }),
        options: {
          paper: 'Letter',
          footerLabel: 'Ukraine: diplomacy and the winter grid · 24 November 2026'
        }
      }
    ])
  })
})

describe('renderBriefingPreview', () => {
  it('gives the export’s own HTML and Markdown', () => {
    const { briefing, lookup } = sampleBriefing()
    const doc = buildBriefingDocument(briefing, lookup)
    expect(renderBriefingPreview(briefing, lookup, { sic: false })).toEqual({
      html: renderBriefingHtml(doc),
      markdown: renderBriefingMarkdown(doc)
    })
  })
})

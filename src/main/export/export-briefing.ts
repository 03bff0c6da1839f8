import type { ExportFile } from '@shared/api'
import type { Briefing } from '@shared/model'
import {
  buildBriefingDocument,
  formatLongDate,
  type BriefingLookup
} from '@shared/briefing/document'
import { renderBriefingHtml } from '@shared/briefing/html'
import { renderBriefingMarkdown } from '@shared/briefing/markdown'
import type { PaperSize } from '@shared/briefing/print-style'
import { printHtmlToPdf, type PrintPdf } from './pdf'

/** The PDF printer type, for the Electron and Chromium printers. */
export type { PrintPdf } from './pdf'

/** How to export a briefing. */
export interface ExportOptions {
  format: 'md' | 'pdf'
  paper: PaperSize
  /** Insert "[sic]" after the words each quote's note flags with "word [sic]". */
  sic: boolean
  /** Prints the HTML to PDF; Electron passes its printToPDF printer, the rest use Chromium. */
  printPdf?: PrintPdf
}

/** A briefing's file name without extension: its date then a slug of its title. */
export function briefingFileStem(briefing: Pick<Briefing, 'title' | 'date'>): string {
  const slug = briefing.title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '')
  const date = /^\d{4}-\d{2}-\d{2}/.exec(briefing.date.trim())?.[0]
  return [date, slug || 'briefing'].filter(Boolean).join('-')
}

/** Exports a briefing as a Markdown or PDF file named like `2026-11-24-ukraine-briefing.md`. */
export async function exportBriefing(
  briefing: Briefing,
  lookup: BriefingLookup,
  options: ExportOptions
): Promise<ExportFile> {
  const doc = buildBriefingDocument(briefing, lookup)
  const stem = briefingFileStem(briefing)
  if (options.format === 'md') {
    const markdown = renderBriefingMarkdown(doc, { sic: options.sic })
    return {
      fileName: `${stem}.md`,
      mimeType: 'text/markdown; charset=utf-8',
      base64: Buffer.from(markdown, 'utf8').toString('base64')
    }
  }
  const html = renderBriefingHtml(doc, { paper: options.paper, sic: options.sic })
  const footerLabel = [doc.title.trim(), formatLongDate(doc.date)].filter(Boolean).join(' · ')
  const printPdf = options.printPdf ?? printHtmlToPdf
  const pdf = await printPdf(html, { paper: options.paper, footerLabel })
  return { fileName: `${stem}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') }
}

/** The briefing as the export's own HTML and Markdown, for the app's live preview. */
export function renderBriefingPreview(
  briefing: Briefing,
  lookup: BriefingLookup,
  options: { sic: boolean }
): { html: string; markdown: string } {
  const doc = buildBriefingDocument(briefing, lookup)
  return {
    html: renderBriefingHtml(doc, { sic: options.sic }),
    markdown: renderBriefingMarkdown(doc, { sic: options.sic })
  }
}

import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ApiError } from '@shared/api'
import { escapeHtml } from '@shared/briefing/html'
import { FOOTER_FONT, PAGE_MARGINS, type PaperSize } from '@shared/briefing/print-style'
import { CHROMIUM_ARGS } from './chromium-args'

/** Options of a PDF print. */
export interface PdfOptions {
  paper: PaperSize
  /** Text at the left of every page's footer, such as the briefing's title and date. */
  footerLabel?: string
}

/** Prints a standalone HTML document to PDF bytes. */
export type PrintPdf = (html: string, options: PdfOptions) => Promise<Buffer>

/** The message of the error thrown when no Chromium can be found. */
const NO_CHROMIUM_MESSAGE =
  'PDF export needs Chromium or Google Chrome. Install it, or set CHROMIUM_PATH to its executable.'

/**
 * Where Chromium or Google Chrome is on this machine: CHROMIUM_PATH if it names a file, then
 * the usual Linux, macOS and Windows places; null when there is none.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync
): string | null {
  const windows = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
    .filter((folder): folder is string => Boolean(folder))
    .map((folder) => `${folder}\\Google\\Chrome\\Application\\chrome.exe`)
  const candidates = [
    env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ...windows
  ]
  return candidates.find((path): path is string => Boolean(path) && exists(path as string)) ?? null
}

/** The footer Chromium prints on every page: the label at the left, page X of Y at the right. */
export function footerTemplate(label: string | undefined): string {
  const style = [
    'width: 100%',
    `padding: 0 ${PAGE_MARGINS.right} 0 ${PAGE_MARGINS.left}`,
    'display: flex',
    'justify-content: space-between',
    `font-family: ${FOOTER_FONT}`,
    'font-size: 8px',
    'color: #8a857d',
    '-webkit-print-color-adjust: exact'
  ].join('; ')
  return (
    `<div style="${escapeHtml(style)}"><span>${escapeHtml(label ?? '')}</span>` +
    '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
  )
}

/**
 * Prints HTML to PDF with the machine's Chromium, driven by playwright-core. The page runs no
 * JavaScript and reaches no network, and the browser's profile lives in a temporary folder
 * that is removed afterwards. Throws ApiError UNAVAILABLE when no Chromium is found.
 */
export async function printHtmlToPdf(html: string, options: PdfOptions): Promise<Buffer> {
  const executablePath = findChromium()
  if (!executablePath) throw new ApiError('UNAVAILABLE', NO_CHROMIUM_MESSAGE)
  const profile = await mkdtemp(join(tmpdir(), 'clipdesk-chromium-'))
  try {
    // Playwright keeps its own temporary user-data dir; these keep Chromium's crash reports,
    // caches and key stores out of the home folder too.
    // Loaded on first export: playwright-core is large and most sessions never print.
    const { chromium } = await import('playwright-core')
    const browser = await chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
      env: {
        ...process.env,
        HOME: profile,
        XDG_CONFIG_HOME: join(profile, 'config'),
        XDG_CACHE_HOME: join(profile, 'cache'),
        XDG_DATA_HOME: join(profile, 'data')
      }
    })
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
      await context.route('**/*', (route) => route.abort('blockedbyclient'))
      const page = await context.newPage()
      await page.setContent(html, { waitUntil: 'load' })
      const pdf = await page.pdf({
        format: options.paper,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footerTemplate(options.footerLabel),
        margin: { ...PAGE_MARGINS }
      })
      return pdf
    } finally {
      await browser.close()
    }
  } finally {
    await rm(profile, { recursive: true, force: true })
  }
}

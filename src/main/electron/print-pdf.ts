import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, session, type Session } from 'electron'
import { footerTemplate, type PdfOptions } from '../export/pdf'

const allowedPages = new Set<string>()
let sessionForPrinting: Session | null = null

/**
 * One in-memory session for printing, apart from the app's: every request but the page being
 * printed is cancelled there (the page's own CSP allows nothing either, and JavaScript is off).
 */
function printingSession(): Session {
  if (sessionForPrinting) return sessionForPrinting
  const printSession = session.fromPartition('clipdesk-print', { cache: false })
  printSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !allowedPages.has(details.url) })
  })
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  printSession.setPermissionCheckHandler(() => false)
  sessionForPrinting = printSession
  return printSession
}

/** Prints export HTML to PDF in a hidden, sandboxed window with no preload, no JavaScript and no network. */
export async function printPdfInElectron(html: string, options: PdfOptions): Promise<Buffer> {
  const folder = await mkdtemp(join(tmpdir(), 'clipdesk-print-'))
  const file = join(folder, 'briefing.html')
  await writeFile(file, html, 'utf8')
  const pageUrl = pathToFileURL(file).href
  const printSession = printingSession()
  allowedPages.add(pageUrl)
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      javascript: false,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      session: printSession,
      images: true
    }
  })
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  try {
    await window.loadURL(pageUrl)
    return await window.webContents.printToPDF({
      pageSize: options.paper,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: footerTemplate(options.footerLabel),
      // The stylesheet's @page rule sets the size and margins, as in the Chromium printer.
      preferCSSPageSize: true
    })
  } finally {
    allowedPages.delete(pageUrl)
    window.destroy()
    await rm(folder, { recursive: true, force: true })
  }
}

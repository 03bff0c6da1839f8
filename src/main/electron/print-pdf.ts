import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, session } from 'electron'
import { footerTemplate, type PdfOptions } from '../export/pdf'

/** Prints export HTML to PDF in a hidden, sandboxed window with no preload, no JavaScript and no network. */
export async function printPdfInElectron(html: string, options: PdfOptions): Promise<Buffer> {
  const folder = await mkdtemp(join(tmpdir(), 'clipdesk-print-'))
  const file = join(folder, 'briefing.html')
  await writeFile(file, html, 'utf8')
  const pageUrl = pathToFileURL(file).href
  // An in-memory partition of its own, so blocking the network here touches nothing else.
  const printSession = session.fromPartition(`clipdesk-print-${Date.now()}`, { cache: false })
  printSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: details.url !== pageUrl })
  })
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
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
    window.destroy()
    await rm(folder, { recursive: true, force: true })
  }
}

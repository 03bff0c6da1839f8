import { app, BrowserWindow, dialog } from 'electron'
import { LIBRARY_CHANGED } from '@shared/api'
import { openBackend, type Backend } from './backend'
import { setupAppMenu } from './electron/app-menu'
import { registerApi } from './electron/ipc'
import { createMainWindow } from './electron/main-window'
import { printPdfInElectron } from './electron/print-pdf'
import { registerSaveExport } from './electron/save-export'
import { resolveDataDir } from './store/data-dir'

let mainWindow: BrowserWindow | null = null
let backend: Backend | null = null

async function start(): Promise<void> {
  const dataDir = resolveDataDir({ electronUserData: app.getPath('userData') })
  try {
    backend = await openBackend({
      dataDir,
      mode: 'electron',
      printPdf: printPdfInElectron,
      warmUpAnalysis: true
    })
  } catch (cause) {
    dialog.showErrorBox(
      'Clipdesk cannot open its library',
      `${cause instanceof Error ? cause.message : String(cause)}\n\nLibrary folder: ${dataDir}`
    )
    app.exit(1)
    return
  }
  setupAppMenu(dataDir)
  const window = createMainWindow()
  mainWindow = window
  registerApi(window, backend.dispatch)
  registerSaveExport(window)
  const stopListening = backend.store.onChange((change) => {
    if (!window.isDestroyed()) window.webContents.send(LIBRARY_CHANGED, change)
  })
  window.on('closed', () => {
    stopListening()
    mainWindow = null
  })
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (event) => {
    if (!backend) return
    event.preventDefault()
    const closing = backend
    backend = null
    void closing.close().finally(() => app.exit(0))
  })
  void app.whenReady().then(start)
}

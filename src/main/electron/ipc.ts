import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { commands, type ApiResult } from '@shared/api'
import type { Dispatch } from '../api/dispatch'

const REFUSED: ApiResult<never> = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'This request did not come from Clipdesk’s own window.' }
}

/** Whether an IPC message comes from our window's main frame, showing our own page. */
function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  if (window.isDestroyed()) return false
  const frame = event.senderFrame
  if (!frame || event.sender !== window.webContents || frame !== window.webContents.mainFrame) {
    return false
  }
  const url = frame.url.split('#')[0]
  const devServer = process.env.ELECTRON_RENDERER_URL
  if (devServer !== undefined) return url.startsWith(devServer)
  return url === RENDERER_PAGE
}

/** The one page whose frame may call the API: the built renderer. */
const RENDERER_PAGE = pathToFileURL(join(__dirname, '../renderer/index.html')).href

/** Registers one IPC channel: refuses other senders, then runs the handler. */
export function handle(
  window: BrowserWindow,
  channel: string,
  handler: (input: unknown) => Promise<ApiResult<unknown>>
): void {
  ipcMain.handle(channel, async (event, input: unknown) => {
    if (!isTrustedSender(event, window)) return REFUSED
    return handler(input)
  })
}

/** Serves every command of the contract over IPC, as `api:<command>`. */
export function registerApi(window: BrowserWindow, dispatch: Dispatch): void {
  for (const command of commands) {
    handle(window, `api:${command}`, (input) => dispatch(command, input))
  }
}

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import {
  commands,
  LIBRARY_CHANGED,
  SAVE_EXPORT_CHANNEL,
  type ApiResult,
  type Command,
  type CommandInput,
  type CommandOutput,
  type ExportFile,
  type LibraryChange
} from '@shared/api'

type CommandBridge = {
  [C in Command]: (input: CommandInput<C>) => Promise<ApiResult<CommandOutput<C>>>
}

function invokeCommand(command: Command, input: unknown): Promise<unknown> {
  return ipcRenderer.invoke(`api:${command}`, input)
}

const commandBridge = Object.fromEntries(
  commands.map((command) => [command, (input: unknown) => invokeCommand(command, input)])
) as CommandBridge

const bridge = {
  /** One function per command of the contract; each answers `{ ok, value }` or `{ ok, error }`. */
  api: commandBridge,
  /** Calls the listener whenever the library changes; returns the function that stops listening. */
  onLibraryChanged(listener: (change: LibraryChange) => void): () => void {
    const relay = (_event: IpcRendererEvent, change: LibraryChange): void => listener(change)
    ipcRenderer.on(LIBRARY_CHANGED, relay)
    return () => ipcRenderer.removeListener(LIBRARY_CHANGED, relay)
  },
  /** Asks where to save an exported file and writes it there; answers the path, or null if cancelled. */
  saveExport(file: ExportFile): Promise<ApiResult<{ path: string | null }>> {
    return ipcRenderer.invoke(SAVE_EXPORT_CHANNEL, file)
  }
}

/** The `window.clipdesk` object the renderer sees in Electron. */
export type ClipdeskBridge = typeof bridge

contextBridge.exposeInMainWorld('clipdesk', bridge)

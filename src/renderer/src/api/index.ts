import {
  ApiError,
  type ApiResult,
  type Command,
  type CommandInput,
  type CommandOutput,
  type ExportFile,
  type LibraryChange
} from '@shared/api'
import { downloadFile, invokeOverHttp, listenOverHttp } from './http-transport'

export { ApiError }

function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value
  throw new ApiError(result.error.code, result.error.message)
}

/** Calls one back-end command; throws ApiError with a user-facing message when it fails. */
export async function call<C extends Command>(
  command: C,
  input: CommandInput<C>
): Promise<CommandOutput<C>> {
  const bridge = window.clipdesk
  if (bridge) {
    const invoke = bridge.api[command] as (
      input: CommandInput<C>
    ) => Promise<ApiResult<CommandOutput<C>>>
    return unwrap(await invoke(input))
  }
  return unwrap((await invokeOverHttp(command, input)) as ApiResult<CommandOutput<C>>)
}

/** Calls the listener whenever the library changes, in this or any other view. */
export function onLibraryChanged(listener: (change: LibraryChange) => void): () => void {
  const bridge = window.clipdesk
  return bridge ? bridge.onLibraryChanged(listener) : listenOverHttp(listener)
}

/** Saves an exported file: a save dialog in Electron, a download in browser mode. */
export async function saveExportFile(file: ExportFile): Promise<string | null> {
  const bridge = window.clipdesk
  if (bridge) return unwrap(await bridge.saveExport(file)).path
  downloadFile(file.fileName, file.mimeType, file.base64)
  return file.fileName
}

import { writeFile } from 'node:fs/promises'
import { dialog, type BrowserWindow } from 'electron'
import { ExportFileSchema, SAVE_EXPORT_CHANNEL, type ApiResult } from '@shared/api'
import { toApiError } from '../api/dispatch'
import { handle } from './ipc'

/** Lets the renderer save an exported briefing where the user chooses, through a save dialog. */
export function registerSaveExport(window: BrowserWindow): void {
  handle(
    window,
    SAVE_EXPORT_CHANNEL,
    async (input): Promise<ApiResult<{ path: string | null }>> => {
      const parsed = ExportFileSchema.safeParse(input)
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'INVALID_INPUT', message: 'That is not an exported file.' }
        }
      }
      const file = parsed.data
      const extension = file.fileName.endsWith('.pdf') ? 'pdf' : 'md'
      const choice = await dialog.showSaveDialog(window, {
        title: 'Export briefing',
        defaultPath: file.fileName,
        filters: [
          extension === 'pdf'
            ? { name: 'PDF document', extensions: ['pdf'] }
            : { name: 'Markdown', extensions: ['md'] }
        ]
      })
      if (choice.canceled || !choice.filePath) return { ok: true, value: { path: null } }
      try {
        await writeFile(choice.filePath, Buffer.from(file.base64, 'base64'))
        return { ok: true, value: { path: choice.filePath } }
      } catch (cause) {
        const error = toApiError(cause)
        return { ok: false, error: { code: error.code, message: error.message } }
      }
    }
  )
}

import { createDispatch, type Dispatch } from './api/dispatch'
import { createHandlers, type RunMode } from './api/handlers'
import type { PrintPdf } from './export/export-briefing'
import { LibraryStore } from './store/library-store'

/** The back end as every entry point uses it: one open store and the dispatcher over it. */
export interface Backend {
  dataDir: string
  store: LibraryStore
  dispatch: Dispatch
  close(): Promise<void>
}

/** Opens the library in `dataDir` (creating it) and builds the command dispatcher over it. */
export async function openBackend(options: {
  dataDir: string
  mode: RunMode
  printPdf?: PrintPdf
  /** Loads the analyser in the background so that the first paste is as quick as the rest. */
  warmUpAnalysis?: boolean
}): Promise<Backend> {
  const store = await LibraryStore.open(options.dataDir)
  const dispatch = createDispatch(
    createHandlers({ store, mode: options.mode, printPdf: options.printPdf }),
    {
      onUnexpectedError: (command, cause) => console.error(`clipdesk: ${command} failed:`, cause)
    }
  )
  if (options.warmUpAnalysis) {
    setTimeout(
      () => void dispatch('analysis.analyze', { text: 'Warm-up. “Ready,” she said.' }),
      300
    ).unref()
  }
  return { dataDir: options.dataDir, store, dispatch, close: () => store.close() }
}

import type { ApiHandlers } from '@shared/api'
import { exportBriefing, renderBriefingPreview, type PrintPdf } from '../export/export-briefing'
import type { LibraryStore } from '../store/library-store'
import { addSuggestions } from '../suggestions'

/** Where the back end is running, as `library.status` reports it. */
export type RunMode = 'electron' | 'browser' | 'cli'

/** What the handlers need: the open store, where they run, and how PDFs are printed there. */
export interface HandlerContext {
  store: LibraryStore
  mode: RunMode
  /** Prints export HTML to PDF; Electron passes printToPDF, elsewhere Chromium via playwright-core. */
  printPdf?: PrintPdf
}

/** Implements every command of the contract over the store, the analyser and the exporter. */
export function createHandlers({ store, mode, printPdf }: HandlerContext): ApiHandlers {
  const lookup = {
    quote: (id: string) => store.getQuoteRecord(id),
    clipping: (id: string) => store.getClippingRecord(id),
    source: (id: string) => store.getSourceRecord(id)
  }
  return {
    'library.status': async () => ({ ...store.status(), mode }),
    'library.dismissNotices': async () => store.dismissNotices(),
    // Loaded on first paste, keeping jsdom and the language model out of start-up.
    'analysis.analyze': async (input) => (await import('../analysis')).analyzePaste(input),

    'clippings.list': async (input) => store.listClippings(input),
    'clippings.get': async ({ id }) => store.getClipping(id),
    'clippings.create': async ({ suggestions, ...input }) => {
      const clipping = await store.createClipping(input)
      if (suggestions) await addSuggestions(store, clipping.id, suggestions)
      return clipping
    },
    'clippings.update': async ({ id, patch }) => store.updateClipping(id, patch),
    'clippings.delete': async ({ id }) => store.deleteClipping(id),
    'clippings.reanalyze': async ({ id }) => {
      const { clipping } = store.getClipping(id)
      const analysis = (await import('../analysis')).analyzePaste({ text: clipping.body })
      return { proposed: analysis.quotes.length, added: await addSuggestions(store, id, analysis) }
    },
    'clippings.restore': async ({ clipping, quotes }) => store.restoreClipping(clipping, quotes),

    'quotes.create': async (input) => store.createQuote(input),
    'quotes.update': async ({ id, patch }) => store.updateQuote(id, patch),
    'quotes.delete': async ({ id }) => store.deleteQuote(id),
    'quotes.restore': async ({ quote }) => store.restoreQuote(quote),
    'quotes.search': async (input) => store.searchQuotes(input),

    'sources.list': async () => store.listSources(),
    'sources.get': async ({ id }) => store.getSource(id),
    'sources.create': async (input) => store.createSource(input),
    'sources.update': async ({ id, patch }) => store.updateSource(id, patch),
    'sources.merge': async ({ targetId, sourceIds }) => store.mergeSources(targetId, sourceIds),
    'sources.delete': async ({ id }) => store.deleteSource(id),

    'tags.list': async () => store.listTags(),

    'briefings.list': async () => store.listBriefings(),
    'briefings.get': async ({ id }) => store.getBriefing(id),
    'briefings.create': async (input) => store.createBriefing(input),
    'briefings.update': async ({ id, patch }) => store.updateBriefing(id, patch),
    'briefings.delete': async ({ id }) => store.deleteBriefing(id),
    'briefings.restore': async ({ briefing }) => store.restoreBriefing(briefing),
    'briefings.references': async ({ id }) => store.briefingReferences(id),
    'briefings.render': async ({ id, sic }) =>
      renderBriefingPreview(store.getBriefing(id), lookup, { sic }),
    'briefings.export': async ({ id, format, paper, sic }) =>
      exportBriefing(store.getBriefing(id), lookup, { format, paper, sic, printPdf })
  }
}

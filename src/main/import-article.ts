import { basename, extname } from 'node:path'
import type { Analysis } from '@shared/model'
import { analyzePaste } from './analysis'
import type { LibraryStore } from './store/library-store'
import { addSuggestions } from './suggestions'

/** The file name an imported article gets as a title when the article has none. */
export function titleFromFileName(file: string): string {
  return basename(file, extname(file)).replace(/[-_]+/g, ' ').trim() || 'Untitled'
}

/** Saves an analysed article as a clipping with its quote proposals as suggestions. */
async function saveAnalysis(
  store: LibraryStore,
  analysis: Analysis,
  fallbackTitle: string
): Promise<{ id: string; title: string; quotes: number }> {
  const clipping = await store.createClipping({
    title: analysis.title?.trim() || fallbackTitle,
    outlet: analysis.outlet,
    byline: analysis.byline,
    url: analysis.url,
    publishedAt: analysis.publishedAt,
    tags: [],
    note: '',
    body: analysis.body,
    boilerplate: analysis.boilerplate.map(({ start, end }) => ({ start, end }))
  })
  const quotes = await addSuggestions(store, clipping.id, analysis)
  return { id: clipping.id, title: clipping.title, quotes }
}

/** Analyses one article file's content and saves it to the library. */
export async function importArticle(
  store: LibraryStore,
  input: { text?: string; html?: string },
  file: string
): Promise<{ id: string; title: string; quotes: number }> {
  return saveAnalysis(store, analyzePaste(input), titleFromFileName(file))
}

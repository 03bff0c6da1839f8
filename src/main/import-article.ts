import { basename, extname } from 'node:path'
import type { Analysis, QuoteProposal } from '@shared/model'
import { callCommand, type Dispatch } from './api/dispatch'

/** The file name an imported article gets as a title when the article has none. */
export function titleFromFileName(file: string): string {
  return basename(file, extname(file)).replace(/[-_]+/g, ' ').trim() || 'Untitled'
}

/** Finds the source a proposed speaker names (by name or alias, case-insensitively) or creates it. */
export async function findOrCreateSpeaker(
  dispatch: Dispatch,
  proposal: Pick<QuoteProposal, 'speaker' | 'role'>
): Promise<string | null> {
  const name = proposal.speaker?.trim()
  if (!name) return null
  const wanted = name.toLowerCase()
  const sources = await callCommand(dispatch, 'sources.list', {})
  const existing = sources.find(
    (s) => s.name.toLowerCase() === wanted || s.aliases.some((a) => a.toLowerCase() === wanted)
  )
  if (existing) return existing.id
  const created = await callCommand(dispatch, 'sources.create', {
    kind: 'person',
    name,
    role: proposal.role ?? null
  })
  return created.id
}

/** Saves an analysed article as a clipping with its quote proposals as suggestions. */
export async function saveAnalysis(
  dispatch: Dispatch,
  analysis: Analysis,
  fallbackTitle: string
): Promise<{ id: string; title: string; quotes: number }> {
  const clipping = await callCommand(dispatch, 'clippings.create', {
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
  for (const proposal of analysis.quotes) {
    await callCommand(dispatch, 'quotes.create', {
      clippingId: clipping.id,
      start: proposal.start,
      end: proposal.end,
      speakerId: await findOrCreateSpeaker(dispatch, proposal),
      venue: proposal.venue,
      kind: proposal.kind,
      status: 'suggested',
      confidence: proposal.confidence
    })
  }
  return { id: clipping.id, title: clipping.title, quotes: analysis.quotes.length }
}

/** Analyses one article file's content and saves it to the library. */
export async function importArticle(
  dispatch: Dispatch,
  input: { text?: string; html?: string },
  file: string
): Promise<{ id: string; title: string; quotes: number }> {
  const analysis = await callCommand(dispatch, 'analysis.analyze', input)
  return saveAnalysis(dispatch, analysis, titleFromFileName(file))
}

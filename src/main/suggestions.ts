import type { Analysis, QuoteProposal } from '@shared/model'
import type { LibraryStore } from './store/library-store'

/**
 * Finds the source a proposed speaker names (by name or alias) or creates it, with the role and
 * aliases the analyser found; an existing source gains the aliases and the role it lacked.
 */
async function findOrCreateSpeaker(
  store: LibraryStore,
  proposal: Pick<QuoteProposal, 'speaker' | 'role'>,
  analysis: Pick<Analysis, 'people' | 'organisations'>
): Promise<string | null> {
  const name = proposal.speaker?.trim()
  if (!name) return null
  const person = analysis.people.find((p) => p.name === name)
  const organisation = analysis.organisations.find((o) => o.name === name)
  const existing = store.findSourceByName(name)
  if (existing) {
    // Reusing a source merges what this article adds: new aliases, and a role it lacked.
    const known = new Set([existing.name, ...existing.aliases].map((a) => a.toLowerCase()))
    const aliases = (person?.aliases ?? organisation?.aliases ?? []).filter(
      (alias) => !known.has(alias.toLowerCase())
    )
    const role = existing.role ? null : (proposal.role ?? person?.role ?? null)
    if (aliases.length === 0 && role === null) return existing.id
    const updated = await store.updateSource(existing.id, {
      ...(aliases.length > 0 ? { aliases: [...existing.aliases, ...aliases] } : {}),
      ...(role !== null ? { role } : {})
    })
    return updated.id
  }
  const created = await store.createSource({
    kind: organisation && !person ? 'organisation' : 'person',
    name,
    role: proposal.role ?? person?.role ?? null,
    aliases: (person?.aliases ?? organisation?.aliases ?? []).filter((alias) => alias !== name)
  })
  return created.id
}

/**
 * Adds the analyser's quote proposals to a clipping as suggestions. A proposal that overlaps a
 * quote the clipping already has is skipped, so confirmed, edited and rejected quotes are never
 * touched or duplicated. Answers how many suggestions were added.
 */
export async function addSuggestions(
  store: LibraryStore,
  clippingId: string,
  analysis: Pick<Analysis, 'quotes' | 'people' | 'organisations'>
): Promise<number> {
  const existing = store.getClipping(clippingId).quotes
  const inputs: Parameters<LibraryStore['createQuotes']>[1] = []
  for (const proposal of analysis.quotes) {
    const overlaps = (q: { start: number; end: number }) =>
      q.start < proposal.end && proposal.start < q.end
    if (existing.some(overlaps) || inputs.some(overlaps)) continue
    inputs.push({
      clippingId,
      start: proposal.start,
      end: proposal.end,
      speakerId: await findOrCreateSpeaker(store, proposal, analysis),
      venue: proposal.venue,
      kind: proposal.kind,
      status: 'suggested',
      confidence: proposal.confidence,
      tags: [],
      note: ''
    })
  }
  // One write for all of them: at 100,000 clippings each write of a month's quotes costs ~50 ms.
  return (await store.createQuotes(clippingId, inputs)).length
}

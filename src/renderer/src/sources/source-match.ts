import type { Source } from '@shared/model'

function fold(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** The source whose name or one of whose aliases is `name`, compared case-insensitively. */
export function findSourceNamed<S extends Source>(sources: readonly S[], name: string): S | null {
  const wanted = fold(name)
  if (!wanted) return null
  return (
    sources.find((s) => fold(s.name) === wanted) ??
    sources.find((s) => s.aliases.some((alias) => fold(alias) === wanted)) ??
    null
  )
}

/**
 * Sources matching what the user typed, best first: a name that starts with it, an alias that
 * starts with it, then a name or alias containing it. An empty query lists every source by name.
 */
export function matchSources<S extends Source>(sources: readonly S[], query: string): S[] {
  const wanted = fold(query)
  const byName = [...sources].sort((a, b) => a.name.localeCompare(b.name))
  if (!wanted) return byName
  const rank = (source: S): number => {
    const name = fold(source.name)
    const aliases = source.aliases.map(fold)
    if (name === wanted || aliases.includes(wanted)) return 0
    if (name.startsWith(wanted) || name.split(' ').some((word) => word.startsWith(wanted))) return 1
    if (aliases.some((alias) => alias.startsWith(wanted))) return 2
    if (name.includes(wanted) || aliases.some((alias) => alias.includes(wanted))) return 3
    return 4
  }
  return byName
    .map((source) => ({ source, rank: rank(source) }))
    .filter((entry) => entry.rank < 4)
    .sort((a, b) => a.rank - b.rank)
    .map((entry) => entry.source)
}

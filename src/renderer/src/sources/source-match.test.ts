import { describe, expect, it } from 'vitest'
import type { Source } from '@shared/model'
import { findSourceNamed, matchSources } from './source-match'

function source(name: string, aliases: string[] = []): Source {
  return { id: name, kind: 'person', name, aliases, role: null, createdAt: 'x', updatedAt: 'x' }
}

const sources = [
  source('Volodymyr Zelensky', ['Zelensky', 'President Zelensky']),
  source('Boris Johnson', ['Mr Johnson']),
  source('Liz Truss')
]

describe('source matching', () => {
  it('finds a source by its name or an alias, ignoring case and spacing', () => {
    expect(findSourceNamed(sources, '  mr   JOHNSON ')?.name).toBe('Boris Johnson')
    expect(findSourceNamed(sources, 'liz truss')?.name).toBe('Liz Truss')
    expect(findSourceNamed(sources, 'Truss')).toBeNull()
  })

  it('ranks a name starting with the query before an alias containing it', () => {
    expect(matchSources(sources, 'jo').map((s) => s.name)).toEqual(['Boris Johnson'])
    expect(matchSources(sources, 'zel').map((s) => s.name)).toEqual(['Volodymyr Zelensky'])
    expect(matchSources(sources, 'president').map((s) => s.name)).toEqual(['Volodymyr Zelensky'])
    expect(matchSources(sources, '').map((s) => s.name)).toEqual([
      'Boris Johnson',
      'Liz Truss',
      'Volodymyr Zelensky'
    ])
  })
})

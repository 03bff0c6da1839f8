// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { isProxy, isReactive } from 'vue'
import { ApiError } from '@shared/api'
import type { Analysis } from '@shared/model'
import { call } from '@renderer/api'
import { usePasteStore } from './paste'

vi.mock('@renderer/api', async () => {
  const shared = await import('@shared/api')
  return { ApiError: shared.ApiError, call: vi.fn(), onLibraryChanged: vi.fn(() => () => {}) }
})

const mockedCall = vi.mocked(call)
const body =
  'Truss warns Moscow\n\n‘We will tighten the vice,’ UK Foreign Secretary Liz Truss said.\n\n' +
  '‘No deal,’ Truss added.\n\nFor more stories like this, sign up.'

function span(text: string): { start: number; end: number; text: string } {
  const start = body.indexOf(text)
  return { start, end: start + text.length, text }
}

const analysis: Analysis = {
  title: 'Truss warns Moscow',
  outlet: 'Metro',
  byline: 'Jane Reporter',
  publishedAt: '2022-03-01T09:30:00Z',
  url: 'https://metro.co.uk/a',
  body,
  boilerplate: [span('For more stories like this, sign up.')],
  quotes: [
    {
      ...span('We will tighten the vice,'),
      speaker: 'Liz Truss',
      role: 'UK Foreign Secretary',
      venue: null,
      kind: 'direct',
      confidence: 0.95
    },
    {
      ...span('No deal,'),
      speaker: 'Liz Truss',
      role: null,
      venue: 'The Times',
      kind: 'direct',
      confidence: 0.8
    }
  ],
  people: [{ name: 'Liz Truss', aliases: ['Truss'], role: 'UK Foreign Secretary' }],
  organisations: [],
  places: [{ name: 'Moscow' }],
  warnings: []
}

describe('usePasteStore', () => {
  let calls: [string, unknown][]

  beforeEach(() => {
    setActivePinia(createPinia())
    mockedCall.mockReset()
    calls = []
    let sources: unknown[] = []
    mockedCall.mockImplementation((async (command: string, input: unknown) => {
      calls.push([command, input])
      switch (command) {
        case 'analysis.analyze':
          return analysis
        case 'clippings.create':
          return { id: 'c1', ...(input as object) }
        case 'sources.list':
          return sources
        case 'sources.create': {
          const created = { id: 's1', createdAt: 'x', updatedAt: 'x', ...(input as object) }
          sources = [{ ...created, quoteCount: 0 }]
          return created
        }
        case 'quotes.create':
          return { id: `q${calls.length}`, ...(input as object) }
        default:
          throw new Error(command)
      }
    }) as never)
  })

  it('refuses an empty paste in words without calling the back end', async () => {
    const paste = usePasteStore()
    expect(await paste.analyse({ text: '   ' })).toBe(false)
    expect(paste.problem).toMatch(/^The paste is empty/)
    expect(paste.phase).toBe('input')
    expect(mockedCall).not.toHaveBeenCalled()
  })

  it('sends pasted HTML as a string and fills the draft from the analysis', async () => {
    const paste = usePasteStore()
    await paste.analyse({ text: 'plain', html: '<p onclick="x()">plain</p>' })
    expect(calls[0]).toEqual([
      'analysis.analyze',
      { text: 'plain', html: '<p onclick="x()">plain</p>' }
    ])
    expect(paste.phase).toBe('draft')
    expect({ ...paste.fields }).toEqual({
      title: 'Truss warns Moscow',
      outlet: 'Metro',
      byline: 'Jane Reporter',
      publishedAt: '2022-03-01',
      url: 'https://metro.co.uk/a',
      tags: []
    })
    expect(paste.setAside).toEqual(analysis.boilerplate)
    expect(paste.kept).toEqual([true, true])
  })

  it('saves the exact body with boilerplate set aside and the kept suggestions, in one call', async () => {
    const paste = usePasteStore()
    await paste.analyse({ text: body })
    paste.fields.tags = ['Ukraine', 'ukraine', 'sanctions']
    const id = await paste.save()
    expect(id).toBe('c1')
    expect(calls.filter(([command]) => command !== 'analysis.analyze')).toEqual([
      [
        'clippings.create',
        {
          title: 'Truss warns Moscow',
          outlet: 'Metro',
          byline: 'Jane Reporter',
          url: 'https://metro.co.uk/a',
          publishedAt: '2022-03-01',
          tags: ['Ukraine', 'sanctions'],
          note: '',
          body,
          boilerplate: [{ start: analysis.boilerplate[0].start, end: analysis.boilerplate[0].end }],
          suggestions: {
            quotes: analysis.quotes,
            people: analysis.people,
            organisations: analysis.organisations
          }
        }
      ]
    ])
    expect(paste.phase).toBe('input')
  })

  it('saves only the suggestions kept and restores boilerplate on request', async () => {
    const paste = usePasteStore()
    await paste.analyse({ text: body })
    paste.setKept(0, false)
    paste.restoreBoilerplate(0)
    await paste.save()
    const created = calls.find(([command]) => command === 'clippings.create')?.[1] as {
      boilerplate: unknown[]
      suggestions: { quotes: unknown[] }
    }
    expect(created.boilerplate).toEqual([])
    expect(created.suggestions.quotes).toEqual([analysis.quotes[1]])
  })

  it('says a duplicate is already in the library and saves nothing more', async () => {
    const paste = usePasteStore()
    await paste.analyse({ text: body })
    mockedCall.mockRejectedValueOnce(new ApiError('CONFLICT', 'duplicate'))
    expect(await paste.save()).toBeNull()
    expect(paste.problem).toBe('This article is already in your library, so nothing was saved.')
    expect(paste.phase).toBe('draft')
    expect(mockedCall.mock.calls.map(([command]) => command)).toEqual([
      'analysis.analyze',
      'clippings.create'
    ])
  })

  it('keeps the analysis as it came rather than deeply reactive, and still counts kept quotes', async () => {
    const paste = usePasteStore()
    await paste.analyse({ text: body })
    expect(isReactive(paste.analysis)).toBe(false)
    expect(isProxy(paste.analysis?.quotes)).toBe(false)
    expect(isProxy(paste.setAside)).toBe(false)
    expect(paste.keptCount).toBe(2)
    paste.setKept(1, false)
    expect(paste.keptCount).toBe(1)
    paste.restoreBoilerplate(0)
    expect(paste.setAside).toEqual([])
  })

  it('keeps the whole draft, edits included, when the library cannot be written', async () => {
    const paste = usePasteStore()
    await paste.analyse({ text: body })
    paste.fields.title = 'Truss: we will tighten the vice'
    paste.fields.tags = ['sanctions']
    paste.setKept(0, false)
    const refusal =
      'Clipdesk could not save clippings/2026-11.json: it is not allowed to write to the library folder.'
    mockedCall.mockRejectedValueOnce(new ApiError('STORAGE', refusal))
    expect(await paste.save()).toBeNull()
    expect(paste.problem).toBe(refusal)
    expect(paste.phase).toBe('draft')
    expect(paste.analysis?.body).toBe(body)
    expect(paste.fields.title).toBe('Truss: we will tighten the vice')
    expect(paste.fields.tags).toEqual(['sanctions'])
    expect(paste.kept).toEqual([false, true])
    expect(paste.setAside).toEqual(analysis.boilerplate)
  })

  it('asks for a title rather than saving an untitled clipping', async () => {
    const paste = usePasteStore()
    await paste.analyse({ text: body })
    paste.fields.title = '  '
    expect(await paste.save()).toBeNull()
    expect(paste.problem).toBe('Give the clipping a title before saving it.')
    expect(calls.some(([command]) => command === 'clippings.create')).toBe(false)
  })
})

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError, type Command } from '@shared/api'
import type { Analysis } from '@shared/model'
import { call } from '@renderer/api'
import PasteDialog from './PasteDialog.vue'

vi.mock('@renderer/api', async (importOriginal) => {
  const original = await importOriginal<typeof import('@renderer/api')>()
  return { ...original, call: vi.fn(), onLibraryChanged: vi.fn(() => () => undefined) }
})

const callMock = vi.mocked(call)

const body =
  'Council votes to close library branches\n\n' +
  '‘We did not come into politics to shut libraries,’ said council leader Priya Raman.\n\n' +
  'Share this article on Facebook.'

/** An analysis of the article, or of a longer one with a quote in each of `quoteCount` paragraphs. */
function analysisWith(quoteCount: number): Analysis {
  const text =
    quoteCount === 1
      ? body
      : Array.from({ length: quoteCount }, (_, i) => `‘Branch ${i} stays open,’ she said.`).join(
          '\n\n'
        ) + '\n\nShare this article on Facebook.'
  const footer = text.indexOf('Share this')
  const marks = [...text.matchAll(/‘([^’]+)’/g)]
  return {
    title: 'Council votes to close library branches',
    outlet: 'The Northfield Courier',
    byline: null,
    publishedAt: null,
    url: null,
    body: text,
    boilerplate: [{ start: footer, end: text.length, text: text.slice(footer) }],
    quotes: marks.map((match) => ({
      start: match.index + 1,
      end: match.index + 1 + match[1].length,
      text: match[1],
      speaker: 'Priya Raman',
      role: 'council leader',
      venue: null,
      kind: 'direct' as const,
      confidence: 0.9
    })),
    people: [],
    organisations: [],
    places: [],
    warnings: []
  }
}

const refusal =
  'Clipdesk could not save clippings/2026-11.json: it is not allowed to write to the library folder. ' +
  'Your last change was not saved; what was saved before is intact.'

let analysis: Analysis
let wrapper: VueWrapper | null = null

async function openWithPaste(text: string): Promise<VueWrapper> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:rest(.*)*', component: { render: () => null } }]
  })
  wrapper = mount(PasteDialog, {
    props: { initial: { text } },
    global: { plugins: [router] },
    attachTo: document.body
  })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  setActivePinia(createPinia())
  analysis = analysisWith(1)
  callMock.mockReset()
  callMock.mockImplementation(((command: Command) => {
    if (command === 'tags.list') return Promise.resolve([])
    if (command === 'analysis.analyze') return Promise.resolve(structuredClone(analysis))
    if (command === 'clippings.create') return Promise.reject(new ApiError('STORAGE', refusal))
    return Promise.reject(new Error(`unexpected command ${command}`))
  }) as typeof call)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.replaceChildren()
})

describe('PasteDialog', () => {
  it('shows a failed save next to the Save button and keeps the draft open', async () => {
    const dialog = await openWithPaste(body)
    const title = dialog.get<HTMLInputElement>('input[type="text"]')
    await title.setValue('Riverside branches to close')
    await dialog.get('form').trigger('submit')
    await flushPromises()

    const alert = dialog.get('footer [role="alert"]')
    expect(alert.text()).toBe(refusal)
    const save = dialog.findAll('footer button').find((b) => b.text() === 'Save clipping')
    expect(save?.element.parentElement).toBe(alert.element.parentElement)
    expect(save?.attributes('disabled')).toBeUndefined()
    expect(dialog.findAll('[role="alert"]')).toHaveLength(1)
    expect(dialog.emitted('close')).toBeUndefined()
    expect(title.element.value).toBe('Riverside branches to close')
    expect(dialog.get('[role="document"]').text()).toContain('shut libraries')
  })

  it('lists the first hundred suggestions of a long paste and the rest on request', async () => {
    analysis = analysisWith(250)
    const dialog = await openWithPaste(body)
    const boxes = (): number => dialog.findAll('.suggestions input[type="checkbox"]').length
    expect(boxes()).toBe(100)
    expect(dialog.text()).toContain('250 of 250 kept')
    const more = (): ReturnType<typeof dialog.find> => dialog.find('button.more')
    expect(more().text()).toBe('Show 100 more (150 not shown)')
    await more().trigger('click')
    expect(boxes()).toBe(200)
    expect(more().text()).toBe('Show 50 more (50 not shown)')
    await more().trigger('click')
    expect(boxes()).toBe(250)
    expect(more().exists()).toBe(false)
  })

  it('keeps a very long paste out of the text box while it is analysed', async () => {
    callMock.mockImplementation(((command: Command) =>
      command === 'tags.list' ? Promise.resolve([]) : new Promise(() => undefined)) as typeof call)
    const long = `${body}\n\n`.repeat(2000)
    const dialog = await openWithPaste(long)
    expect(dialog.find('textarea').exists()).toBe(false)
    expect(dialog.text()).toContain(`${(long.length / 1048576).toFixed(1)} MB of text pasted.`)
    expect(dialog.get('[role="status"]').text()).toContain('Reading the article')
  })
})

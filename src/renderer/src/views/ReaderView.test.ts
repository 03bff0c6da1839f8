// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Clipping, Quote, Source } from '@shared/model'
import { call } from '@renderer/api'
import { useNoticesStore } from '@renderer/stores/notices'
import ReaderView from './ReaderView.vue'

vi.mock('@renderer/api', async (importOriginal) => {
  const original = await importOriginal<typeof import('@renderer/api')>()
  return { ...original, call: vi.fn(), onLibraryChanged: vi.fn(() => () => undefined) }
})

const callMock = vi.mocked(call)
const body = '‘We will win,’ she said.\n\n‘Never,’ he said.\n\nShare this article.'

const speaker: Source = {
  id: 's1',
  kind: 'person',
  name: 'Eleanor Marsh',
  aliases: [],
  role: 'Foreign Secretary',
  createdAt: '2026-11-24T10:00:00.000Z',
  updatedAt: '2026-11-24T10:00:00.000Z'
}

function quote(id: string, text: string, speakerId: string | null): Quote {
  const start = body.indexOf(text)
  return {
    id,
    clippingId: 'c1',
    start,
    end: start + text.length,
    text,
    speakerId,
    venue: null,
    kind: 'direct',
    status: 'suggested',
    confidence: speakerId ? 0.9 : 0.4,
    tags: [],
    note: '',
    createdAt: '2026-11-24T10:00:00.000Z',
    updatedAt: '2026-11-24T10:00:00.000Z'
  }
}

let clipping: Clipping
let quotes: Quote[]
/** Saves of the clipping waiting for the test to let them through. */
let saves: (() => void)[]
let wrapper: VueWrapper | null = null

beforeEach(() => {
  setActivePinia(createPinia())
  clipping = {
    id: 'c1',
    title: 'Talks',
    outlet: 'Metro',
    byline: null,
    url: null,
    publishedAt: null,
    capturedAt: '2026-11-24T10:00:00.000Z',
    body,
    boilerplate: [{ start: body.indexOf('Share'), end: body.length }],
    tags: [],
    note: '',
    contentHash: 'h'
  }
  quotes = [quote('q1', 'We will win,', 's1'), quote('q2', 'Never,', null)]
  saves = []
  callMock.mockReset()
  callMock.mockImplementation((async (command: string, input: Record<string, unknown>) => {
    switch (command) {
      case 'clippings.get':
        return structuredClone({ clipping, quotes, sources: [speaker] })
      case 'clippings.update':
        await new Promise<void>((release) => saves.push(release))
        clipping = { ...clipping, ...(input.patch as object) }
        return structuredClone(clipping)
      case 'quotes.update': {
        quotes = quotes.map((q) => (q.id === input.id ? { ...q, ...(input.patch as object) } : q))
        return structuredClone(quotes.find((q) => q.id === input.id))
      }
      case 'sources.list':
        return [{ ...speaker, quoteCount: 1 }]
      case 'tags.list':
      case 'briefings.list':
        return []
      default:
        throw new Error(`unexpected command ${command}`)
    }
  }) as typeof call)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.replaceChildren()
})

async function mountReader(): Promise<VueWrapper> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div />' } },
      { path: '/clippings/:id', component: ReaderView, props: true }
    ]
  })
  await router.push('/clippings/c1')
  wrapper = mount(ReaderView, {
    props: { id: 'c1' },
    global: { plugins: [router] },
    attachTo: document.body
  })
  await flushPromises()
  return wrapper
}

function press(target: EventTarget, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
}

function quoteUpdates(): unknown[] {
  return callMock.mock.calls.filter(([command]) => command === 'quotes.update')
}

describe('ReaderView', () => {
  it('keeps a tag typed while another field saves, and its letters are no shortcuts', async () => {
    const reader = await mountReader()
    press(document.body, 'j')
    await flushPromises()
    const url = reader.get('input[type="url"]')
    await url.setValue('https://metro.example/talks')
    await url.trigger('blur')
    const tag = reader.get<HTMLInputElement>('input[aria-label="Add tag"]')
    tag.element.focus()
    await flushPromises()
    expect(saves).toHaveLength(1)
    expect(tag.element.disabled).toBe(false)
    expect(document.activeElement).toBe(tag.element)
    for (const key of 'area') press(tag.element, key)
    await tag.setValue('area')
    await tag.trigger('keydown', { key: 'Enter' })
    expect(
      reader.findAll('button[aria-label^="Remove tag"]').map((b) => b.attributes('aria-label'))
    ).toEqual(['Remove tag area'])
    expect(quoteUpdates()).toEqual([])
    expect(reader.find('dialog').exists()).toBe(false)
    saves[0]()
    await vi.waitFor(() => expect(saves).toHaveLength(2))
    saves[1]()
    await flushPromises()
    expect(clipping.url).toBe('https://metro.example/talks')
    expect(clipping.tags).toEqual(['area'])
  })

  it('treats letters typed after a field was disabled under the cursor as typing', async () => {
    await mountReader()
    press(document.body, 'j')
    await flushPromises()
    const field = document.body.appendChild(document.createElement('input'))
    field.focus()
    // What the browser does to a focused field that becomes disabled (happy-dom needs the blur first).
    field.blur()
    field.disabled = true
    for (const key of 'area') press(document.body, key)
    await flushPromises()
    expect(quoteUpdates()).toEqual([])
    expect(document.querySelector('dialog')).toBeNull()
  })

  it('accepts all only the suggestions with a speaker, saying how many, with Undo', async () => {
    const reader = await mountReader()
    const button = reader.findAll('button').find((b) => b.text().startsWith('Accept 1'))
    expect(button?.text()).toBe('Accept 1 with a speaker')
    expect(button?.attributes('title')).toBe(
      'Accepts the 1 suggestion that has a speaker; the 1 without one stays for you to review'
    )
    await button!.trigger('click')
    await flushPromises()
    expect(quotes.map((q) => [q.id, q.status])).toEqual([
      ['q1', 'confirmed'],
      ['q2', 'suggested']
    ])
    const notices = useNoticesStore()
    const toast = notices.toasts.find((t) => t.undo)
    expect(toast?.message).toBe('Accepted 1 suggestion with a speaker; 1 left to review.')
    await notices.runUndo(toast!.id)
    expect(quotes.map((q) => [q.id, q.status])).toEqual([
      ['q1', 'suggested'],
      ['q2', 'suggested']
    ])
  })

  it('says "Accept all" when every suggestion has a speaker', async () => {
    quotes = [quote('q1', 'We will win,', 's1'), quote('q2', 'Never,', 's1')]
    const reader = await mountReader()
    const button = reader.findAll('button').find((b) => b.text().startsWith('Accept all'))
    expect(button?.text()).toBe('Accept all 2')
    await button!.trigger('click')
    await flushPromises()
    expect(quotes.map((q) => q.status)).toEqual(['confirmed', 'confirmed'])
  })
})

describe('ReaderView with many quotes', () => {
  beforeEach(() => {
    const lines = Array.from({ length: 250 }, (_, i) => `‘Line ${i} stands,’ she said.`)
    const longBody = lines.join('\n\n')
    clipping = { ...clipping, body: longBody, boilerplate: [] }
    let at = 0
    quotes = lines.map((line, i) => {
      const text = `Line ${i} stands,`
      const start = longBody.indexOf(text, at)
      at = start + line.length
      return { ...quote(`q${i}`, 'Never,', null), start, end: start + text.length, text }
    })
  })

  function cardIds(): (string | undefined)[] {
    return [...document.querySelectorAll<HTMLElement>('article[data-quote-id]')].map(
      (card) => card.dataset.quoteId
    )
  }

  it('renders the first 100 cards and the next ones when asked', async () => {
    const reader = await mountReader()
    expect(cardIds()).toEqual(quotes.slice(0, 100).map((q) => q.id))
    const more = reader.get('button.more')
    expect(more.text()).toBe('Show 100 more (150 not shown)')
    await more.trigger('click')
    expect(cardIds()).toHaveLength(200)
    expect(more.text()).toBe('Show 50 more (50 not shown)')
    await more.trigger('click')
    expect(cardIds()).toHaveLength(250)
    expect(reader.find('button.more').exists()).toBe(false)
  })

  it('moves with j past the rendered cards onto the right card, focused', async () => {
    await mountReader()
    for (let i = 0; i < 130; i++) press(document.body, 'j')
    await flushPromises()
    const active = document.querySelector<HTMLElement>('article[aria-current="true"]')
    expect(active?.dataset.quoteId).toBe('q129')
    expect(active?.contains(document.activeElement)).toBe(true)
    expect(cardIds()).toEqual(quotes.slice(0, 200).map((q) => q.id))
    press(document.body, 'k')
    await flushPromises()
    expect(
      document.querySelector<HTMLElement>('article[aria-current="true"]')?.dataset.quoteId
    ).toBe('q128')
  })

  it('accepts the active card beyond the first batch with a and moves to the next', async () => {
    await mountReader()
    for (let i = 0; i < 150; i++) press(document.body, 'j')
    await flushPromises()
    press(document.body, 'a')
    await flushPromises()
    expect(quotes.find((q) => q.id === 'q149')?.status).toBe('confirmed')
    expect(quotes.filter((q) => q.status === 'confirmed')).toHaveLength(1)
    const active = document.querySelector<HTMLElement>('article[aria-current="true"]')
    expect(active?.dataset.quoteId).toBe('q150')
    expect(document.querySelector('article[data-quote-id="q149"]')?.className).toContain(
      'confirmed'
    )
  })
})

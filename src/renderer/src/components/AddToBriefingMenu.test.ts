// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Briefing } from '@shared/model'
import type { Command, ParsedInput } from '@shared/api'
import { call } from '@renderer/api'
import AddToBriefingMenu from './AddToBriefingMenu.vue'

vi.mock('@renderer/api', async (importOriginal) => {
  const original = await importOriginal<typeof import('@renderer/api')>()
  return {
    ...original,
    call: vi.fn(),
    onLibraryChanged: vi.fn(() => () => undefined),
    saveExportFile: vi.fn()
  }
})

const callMock = vi.mocked(call)

function briefing(id: string, title: string, updatedAt: string, headings: string[]): Briefing {
  return {
    id,
    title,
    date: '2026-11-24',
    author: '',
    sections: headings.map((heading, index) => ({ id: `${id}-s${index}`, heading, items: [] })),
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt
  }
}

let stored: Briefing[]
let updates: ParsedInput<'briefings.update'>[]

beforeEach(() => {
  setActivePinia(createPinia())
  stored = [
    briefing('old', 'Weekly round-up', '2026-11-21T08:00:00.000Z', ['Politics']),
    briefing('new', 'Morning briefing', '2026-11-24T08:00:00.000Z', ['Reaction', 'Background'])
  ]
  updates = []
  callMock.mockReset()
  callMock.mockImplementation(((command: Command, input: unknown) => {
    if (command === 'briefings.list') return Promise.resolve(structuredClone(stored))
    if (command === 'briefings.get') {
      const { id } = input as { id: string }
      return Promise.resolve(structuredClone(stored.find((b) => b.id === id)))
    }
    if (command === 'briefings.update') {
      const update = structuredClone(input) as ParsedInput<'briefings.update'>
      updates.push(update)
      const target = stored.find((b) => b.id === update.id)!
      Object.assign(target, update.patch, { updatedAt: '2026-11-24T10:00:00.000Z' })
      return Promise.resolve(structuredClone(target))
    }
    return Promise.reject(new Error(`unexpected command ${command}`))
  }) as typeof call)
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('AddToBriefingMenu', () => {
  it('lists briefings most recently updated first, each with its sections', async () => {
    const wrapper = mount(AddToBriefingMenu, {
      props: { kind: 'quote', refId: 'q1' },
      attachTo: document.body
    })
    await wrapper.get('button[aria-haspopup="menu"]').trigger('click')
    await flushPromises()

    const groups = wrapper.findAll('[role="group"]')
    expect(groups.map((g) => g.attributes('aria-label'))).toEqual([
      'Morning briefing',
      'Weekly round-up'
    ])
    expect(
      groups[0].findAll('[role="menuitem"]').map((item) => item.text().replace(/\d+$/, '').trim())
    ).toEqual(['Reaction', 'Background'])
    expect(wrapper.findAll('[role="menuitem"]').at(-1)?.text()).toBe('New briefing…')
  })

  it('appends the quote to the chosen section and closes the menu', async () => {
    const wrapper = mount(AddToBriefingMenu, {
      props: { kind: 'quote', refId: 'q1' },
      attachTo: document.body
    })
    await wrapper.get('button[aria-haspopup="menu"]').trigger('click')
    await flushPromises()
    const background = wrapper
      .findAll('[role="menuitem"]')
      .find((item) => item.text().startsWith('Background'))
    await background!.trigger('click')
    await flushPromises()

    expect(updates).toHaveLength(1)
    expect(updates[0].id).toBe('new')
    const [reaction, backgroundSection] = updates[0].patch.sections!
    expect(reaction.items).toEqual([])
    expect(backgroundSection.items).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        kind: 'quote',
        refId: 'q1',
        text: '',
        comment: ''
      }
    ])
    expect(wrapper.find('[role="menu"]').exists()).toBe(false)
  })
})

// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import type { Source } from '@shared/model'
import type { SpeakerChoice } from '@renderer/reader/speaker-choice'
import SpeakerPicker from './SpeakerPicker.vue'

function source(id: string, name: string, aliases: string[] = []): Source {
  return {
    id,
    kind: 'person',
    name,
    aliases,
    role: null,
    createdAt: '2026-11-24T10:00:00.000Z',
    updatedAt: '2026-11-24T10:00:00.000Z'
  }
}

const sources = [
  source('s1', 'Daniel Okonkwo', ['Mr Okonkwo']),
  source('s2', 'Priya Raman'),
  source('s3', 'Fatima Haddad')
]

let wrapper: VueWrapper | null = null

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

function mountPicker(choice: SpeakerChoice = { sourceId: null, newSource: null }): {
  choices: () => SpeakerChoice[]
} {
  const picked: SpeakerChoice[] = []
  wrapper = mount(SpeakerPicker, {
    props: {
      sources,
      modelValue: choice,
      'onUpdate:modelValue': (value: SpeakerChoice) => {
        picked.push(value)
        void wrapper?.setProps({ modelValue: value })
      }
    },
    attachTo: document.body
  })
  return { choices: () => picked }
}

function listbox(): HTMLElement {
  return wrapper!.get('[role="listbox"]').element as HTMLElement
}

describe('SpeakerPicker', () => {
  it('opens with no list and nothing highlighted, so Enter picks no source', async () => {
    const { choices } = mountPicker()
    const input = wrapper!.get('input[role="combobox"]')
    await input.trigger('focus')
    expect(listbox().style.display).toBe('none')
    expect(input.attributes('aria-expanded')).toBe('false')
    expect(input.attributes('aria-activedescendant')).toBeUndefined()
    const enter = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true })
    input.element.dispatchEvent(enter)
    // Enter goes on to submit the dialog, with no speaker.
    expect(enter.defaultPrevented).toBe(false)
    expect(choices()).toEqual([])
  })

  it('keeps the speaker already chosen when Enter is pressed on it', async () => {
    const { choices } = mountPicker({ sourceId: 's2', newSource: null })
    const input = wrapper!.get<HTMLInputElement>('input[role="combobox"]')
    expect(input.element.value).toBe('Priya Raman')
    await input.trigger('focus')
    await input.trigger('keydown', { key: 'Enter' })
    expect(choices()).toEqual([])
    expect(listbox().style.display).toBe('none')
  })

  it('opens the list on an arrow key and picks only the highlighted source', async () => {
    const { choices } = mountPicker()
    const input = wrapper!.get('input[role="combobox"]')
    await input.trigger('focus')
    await input.trigger('keydown', { key: 'ArrowDown' })
    expect(listbox().style.display).not.toBe('none')
    const options = wrapper!.findAll('[role="option"]')
    expect(options.map((o) => o.attributes('aria-selected'))).toEqual(['true', 'false', 'false'])
    expect(options[0].text()).toContain('Daniel Okonkwo')
    await input.trigger('keydown', { key: 'ArrowDown' })
    await input.trigger('keydown', { key: 'Enter' })
    expect(choices()).toEqual([{ sourceId: 's3', newSource: null }])
  })

  it('keeps a typed name as a new source when nothing is highlighted', async () => {
    const { choices } = mountPicker()
    const input = wrapper!.get('input[role="combobox"]')
    await input.setValue('Gareth Pryce')
    expect(listbox().style.display).not.toBe('none')
    await input.trigger('keydown', { key: 'Escape' })
    expect(listbox().style.display).toBe('none')
    const enter = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true })
    input.element.dispatchEvent(enter)
    await wrapper!.vm.$nextTick()
    // The new source's fields open to be filled in; the dialog is not submitted yet.
    expect(enter.defaultPrevented).toBe(true)
    expect(choices().at(-1)).toEqual({
      sourceId: null,
      newSource: { name: 'Gareth Pryce', role: '', kind: 'person' }
    })
    expect(wrapper!.find('select').exists()).toBe(true)
  })

  it('labels the new source’s kind “Source kind”', async () => {
    mountPicker({ sourceId: null, newSource: { name: 'Gareth Pryce', role: '', kind: 'person' } })
    const select = wrapper!.get('select')
    expect(wrapper!.get(`label[for="${select.attributes('id')}"]`).text()).toBe('Source kind')
  })
})

// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import TagInput from './TagInput.vue'

let wrapper: VueWrapper | null = null

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

function mountTags(): { added: () => string[][] } {
  const emitted: string[][] = []
  wrapper = mount(TagInput, {
    props: {
      modelValue: [],
      suggestions: ['areas of concern', 'budget'],
      'onUpdate:modelValue': (tags: string[]) => {
        emitted.push(tags)
      }
    },
    attachTo: document.body
  })
  return { added: () => emitted }
}

describe('TagInput', () => {
  it('adds the tag as typed on Enter, even while a longer suggestion is listed', async () => {
    const { added } = mountTags()
    const input = wrapper!.get('input')
    await input.setValue('area')
    expect(wrapper!.get('[role="listbox"]').text()).toContain('areas of concern')
    expect(input.attributes('aria-activedescendant')).toBeUndefined()
    await input.trigger('keydown', { key: 'Enter' })
    expect(added()).toEqual([['area']])
  })

  it('adds a suggestion only once the user moves to it with an arrow key', async () => {
    const { added } = mountTags()
    const input = wrapper!.get('input')
    await input.setValue('area')
    await input.trigger('keydown', { key: 'ArrowDown' })
    await input.trigger('keydown', { key: 'Enter' })
    expect(added()).toEqual([['areas of concern']])
  })
})

// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import type { Clipping } from '@shared/model'
import ReaderDetailsForm from './ReaderDetailsForm.vue'

const clipping: Clipping = {
  id: 'c1',
  title: 'Talks',
  outlet: 'Metro',
  byline: null,
  url: null,
  publishedAt: null,
  capturedAt: '2026-11-24T10:00:00.000Z',
  body: 'Text.',
  boilerplate: [],
  tags: ['council'],
  note: '',
  contentHash: 'h'
}

let wrapper: VueWrapper | null = null

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

describe('ReaderDetailsForm', () => {
  it('keeps the tag box usable and focused while another field is being saved', async () => {
    wrapper = mount(ReaderDetailsForm, {
      props: { clipping, tagSuggestions: [], saving: false },
      attachTo: document.body
    })
    const url = wrapper.get('input[type="url"]')
    await url.setValue('https://metro.example/talks')
    await url.trigger('blur')
    expect(wrapper.emitted('save')).toEqual([[{ url: 'https://metro.example/talks' }]])

    const tag = wrapper.get<HTMLInputElement>('input[aria-label="Add tag"]')
    tag.element.focus()
    await wrapper.setProps({ saving: true })
    expect(tag.element.disabled).toBe(false)
    expect(document.activeElement).toBe(tag.element)
    expect(wrapper.get('.save-state').text()).toBe('Saving…')

    await tag.setValue('budget')
    await tag.trigger('keydown', { key: 'Enter' })
    expect(wrapper.emitted('save')?.[1]).toEqual([{ tags: ['council', 'budget'] }])
  })
})

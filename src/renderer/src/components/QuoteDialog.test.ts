// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import type { Quote } from '@shared/model'
import QuoteDialog from './QuoteDialog.vue'

const quote: Quote = {
  id: 'q1',
  clippingId: 'c1',
  start: 0,
  end: 10,
  text: 'We will win',
  speakerId: null,
  venue: null,
  kind: 'partial',
  status: 'suggested',
  confidence: 0.5,
  tags: [],
  note: '',
  createdAt: '2026-11-24T10:00:00.000Z',
  updatedAt: '2026-11-24T10:00:00.000Z'
}

let wrapper: VueWrapper | null = null

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

describe('QuoteDialog', () => {
  it('names the quote’s kind “Quote kind”, apart from the source’s kind', async () => {
    wrapper = mount(QuoteDialog, {
      props: { mode: 'edit', text: quote.text, quote, sources: [], tagSuggestions: [] },
      attachTo: document.body
    })
    const speaker = wrapper.get('input[role="combobox"]')
    await speaker.setValue('Gareth Pryce')
    await speaker.trigger('blur')
    const legends = wrapper.findAll('legend').map((legend) => legend.text())
    const labels = wrapper.findAll('label').map((label) => label.text())
    expect(legends).toContain('Quote kind')
    expect(labels).toContain('Source kind')
    expect([...legends, ...labels]).not.toContain('Kind')
  })
})

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { QuoteInContext } from '@shared/api'
import BriefingExportCheckDialog from './BriefingExportCheckDialog.vue'

function quote(id: string, text: string): QuoteInContext {
  return {
    id,
    clippingId: 'c1',
    start: 0,
    end: text.length,
    text,
    speakerId: null,
    venue: null,
    kind: 'direct',
    status: 'suggested',
    confidence: 0.7,
    tags: [],
    note: '',
    createdAt: '2027-03-12T09:00:00.000Z',
    updatedAt: '2027-03-12T09:00:00.000Z',
    speaker: null,
    clipping: {
      id: 'c1',
      title: 'Council votes',
      outlet: 'The Northfield Courier',
      publishedAt: '2027-03-12',
      capturedAt: '2027-03-12T09:00:00.000Z',
      url: null
    }
  }
}

const quotes = [quote('q1', 'Footfall is a blunt measure,'), quote('q2', 'Shut libraries,')]

describe('BriefingExportCheckDialog', () => {
  it('says how many quotes are unconfirmed, lists them, and starts on Go back', () => {
    const wrapper = mount(BriefingExportCheckDialog, {
      props: { quotes, formatLabel: 'PDF' },
      attachTo: document.body
    })
    expect(wrapper.get('.summary').text()).toBe(
      'This briefing holds 2 quotes that nobody has confirmed.'
    )
    expect(wrapper.findAll('.quotes .quote-text').map((quote) => quote.text())).toEqual([
      'Footfall is a blunt measure',
      'Shut libraries'
    ])
    expect(document.activeElement?.textContent?.trim()).toBe('Go back')
    wrapper.unmount()
  })

  it('exports only when told to, and otherwise goes back', async () => {
    const wrapper = mount(BriefingExportCheckDialog, { props: { quotes, formatLabel: 'PDF' } })
    const [goBack, anyway] = wrapper.get('footer').findAll('button')
    expect(anyway.text()).toBe('Export PDF anyway')
    await goBack.trigger('click')
    expect(wrapper.emitted('close')).toHaveLength(1)
    expect(wrapper.emitted('export')).toBeUndefined()
    await anyway.trigger('click')
    expect(wrapper.emitted('export')).toHaveLength(1)
  })
})

// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { QuoteInContext } from '@shared/api'
import { useBriefingsStore } from '@renderer/stores/briefings'
import BriefingLibraryPanel from './BriefingLibraryPanel.vue'

vi.mock('@renderer/api', async (importOriginal) => {
  const original = await importOriginal<typeof import('@renderer/api')>()
  return { ...original, call: vi.fn(), onLibraryChanged: vi.fn(() => () => undefined) }
})

function quote(id: string, text: string, status: QuoteInContext['status']): QuoteInContext {
  return {
    id,
    clippingId: 'c1',
    start: 0,
    end: text.length,
    text,
    speakerId: null,
    venue: null,
    kind: 'direct',
    status,
    confidence: status === 'suggested' ? 0.7 : null,
    tags: [],
    note: '',
    createdAt: '2027-03-12T09:00:00.000Z',
    updatedAt: '2027-03-12T09:00:00.000Z',
    speaker: null,
    clipping: {
      id: 'c1',
      title: 'Council votes to close Riverside library branches',
      outlet: 'The Northfield Courier',
      publishedAt: '2027-03-12',
      capturedAt: '2027-03-12T09:00:00.000Z',
      url: null
    }
  }
}

function mountPanel() {
  const store = useBriefingsStore()
  store.libraryQuotes = [
    quote('q1', 'Footfall is a blunt measure,', 'confirmed'),
    quote('q2', 'We did not come into politics to shut libraries,', 'suggested')
  ]
  const wrapper = mount(BriefingLibraryPanel, {
    props: { active: false, targetSectionId: null }
  })
  return { store, wrapper }
}

beforeEach(() => setActivePinia(createPinia()))

describe('BriefingLibraryPanel', () => {
  it('lists confirmed quotes only, and says how many suggestions it leaves out', () => {
    const { wrapper } = mountPanel()
    const results = wrapper.findAll('ul[aria-label="Quotes"] li')
    expect(results.map((li) => li.get('.quote').text())).toEqual(['Footfall is a blunt measure,'])
    expect(wrapper.get('.include-suggestions').text().replace(/\s+/g, ' ')).toBe(
      'Include unconfirmed suggestions (1 hidden)'
    )
  })

  it('lists suggestions badged as such once they are included', async () => {
    const { store, wrapper } = mountPanel()
    await wrapper.get('.include-suggestions input[type="checkbox"]').setValue(true)
    expect(store.includeSuggestions).toBe(true)
    const results = wrapper.findAll('ul[aria-label="Quotes"] li')
    expect(results).toHaveLength(2)
    expect(results[0].find('.badge').exists()).toBe(false)
    expect(results[1].get('.badge.suggested').text()).toBe('Suggestion')
  })
})

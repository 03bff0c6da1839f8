// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { QuoteInContext } from '@shared/api'
import type { BriefingItem } from '@shared/model'
import BriefingSectionItem from './BriefingSectionItem.vue'

vi.mock('@renderer/api', async (importOriginal) => {
  const original = await importOriginal<typeof import('@renderer/api')>()
  return { ...original, call: vi.fn(), onLibraryChanged: vi.fn(() => () => undefined) }
})

function quote(status: QuoteInContext['status']): QuoteInContext {
  const text = 'We did not come into politics to shut libraries,'
  return {
    id: 'q1',
    clippingId: 'c1',
    start: 1,
    end: 1 + text.length,
    text,
    speakerId: 'p1',
    venue: null,
    kind: 'direct',
    status,
    confidence: null,
    tags: [],
    note: '',
    createdAt: '2027-03-12T09:00:00.000Z',
    updatedAt: '2027-03-12T09:00:00.000Z',
    speaker: {
      id: 'p1',
      kind: 'person',
      name: 'Priya Raman',
      aliases: [],
      role: 'council leader',
      createdAt: '2027-03-12T09:00:00.000Z',
      updatedAt: '2027-03-12T09:00:00.000Z'
    },
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

function item(kind: BriefingItem['kind'], fields: Partial<BriefingItem> = {}): BriefingItem {
  return { id: 'i1', kind, refId: kind === 'note' ? null : 'q1', text: '', comment: '', ...fields }
}

function mountItem(props: { item: BriefingItem; quote?: QuoteInContext }) {
  return mount(BriefingSectionItem, {
    props: { ...props, referencesLoading: false, dropBefore: false }
  })
}

beforeEach(() => setActivePinia(createPinia()))

describe('BriefingSectionItem', () => {
  it('shows a quote as the export prints it, without the trailing comma', () => {
    const wrapper = mountItem({ item: item('quote'), quote: quote('confirmed') })
    expect(wrapper.get('blockquote').text()).toBe('We did not come into politics to shut libraries')
    expect(wrapper.find('.badge.suggested').exists()).toBe(false)
  })

  it('badges a quote nobody has confirmed', () => {
    for (const status of ['suggested', 'rejected'] as const) {
      const wrapper = mountItem({ item: item('quote'), quote: quote(status) })
      expect(wrapper.get('.badge.suggested').text()).toBe('unconfirmed')
      expect(wrapper.get('blockquote').classes()).toContain('unconfirmed')
    }
  })

  it('gives a note no Comment box, since the note is the commentary', () => {
    const note = mountItem({ item: item('note', { text: 'Council meets again on 2 April.' }) })
    expect(note.find('textarea.note-text').exists()).toBe(true)
    expect(note.find('textarea.comment').exists()).toBe(false)
    const quoted = mountItem({ item: item('quote'), quote: quote('confirmed') })
    expect(quoted.find('textarea.comment').exists()).toBe(true)
  })

  it('keeps the Comment box of an older note that has a comment, so it stays editable', () => {
    const wrapper = mountItem({ item: item('note', { text: 'Context', comment: 'Old comment' }) })
    expect((wrapper.get('textarea.comment').element as HTMLTextAreaElement).value).toBe(
      'Old comment'
    )
  })
})

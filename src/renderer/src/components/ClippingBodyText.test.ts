// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { QuoteMark } from '@renderer/reader/body-segments'
import ClippingBodyText from './ClippingBodyText.vue'

/** 300 paragraphs of about 500 characters: 150,000 characters, far more than one screen. */
const paragraphs = Array.from(
  { length: 300 },
  (_, i) =>
    `Paragraph ${i} opens here. ` +
    'Councillors met residents outside the library on Tuesday evening to hear their case. '.repeat(
      5
    ) +
    `Paragraph ${i} ends here.`
)
const body = paragraphs.join('\n\n')

function quoteIn(paragraph: number, id: string, status: QuoteMark['status']): QuoteMark {
  const start = body.indexOf(`Paragraph ${paragraph} opens here.`)
  return { id, start, end: start + `Paragraph ${paragraph} opens here`.length, status }
}

/** Stands in for the browser's IntersectionObserver: the test says what came into view. */
class ViewObserver {
  static latest: ViewObserver | null = null
  observed = new Set<Element>()
  constructor(private readonly callback: IntersectionObserverCallback) {
    ViewObserver.latest = this
  }
  observe(element: Element): void {
    this.observed.add(element)
  }
  unobserve(element: Element): void {
    this.observed.delete(element)
  }
  disconnect(): void {
    this.observed.clear()
  }
  bringIntoView(element: Element): void {
    const entry = { target: element, isIntersecting: true } as IntersectionObserverEntry
    this.callback([entry], this as unknown as IntersectionObserver)
  }
}

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', ViewObserver)
  vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => setTimeout(() => run(0), 0))
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

describe('ClippingBodyText with a long body', () => {
  it('shows the first screen at once and the rest in the following batches', async () => {
    vi.useFakeTimers()
    const wrapper = mount(ClippingBodyText, { props: { body }, attachTo: document.body })
    const text = (): string => wrapper.get('[role="document"]').text()
    expect(text()).toContain('Paragraph 0 opens here.')
    expect(text()).not.toContain('Paragraph 299 ends here.')
    expect(wrapper.findAll('.placeholder').length).toBeGreaterThan(0)

    await vi.runAllTimersAsync()
    expect(wrapper.findAll('.placeholder')).toHaveLength(0)
    expect(text()).toContain('Paragraph 299 ends here.')
    expect(wrapper.findAll('p.paragraph').map((p) => p.text())).toEqual(paragraphs)
  })

  it('when not eager, renders a part only once it is scrolled into view', async () => {
    vi.useFakeTimers()
    const wrapper = mount(ClippingBodyText, {
      props: { body, eager: false },
      attachTo: document.body
    })
    await vi.runAllTimersAsync()
    const placeholders = wrapper.findAll('.placeholder')
    expect(placeholders.length).toBeGreaterThan(0)
    expect(wrapper.text()).not.toContain('Paragraph 299 ends here.')

    const last = placeholders[placeholders.length - 1].element
    expect(ViewObserver.latest?.observed.has(last)).toBe(true)
    ViewObserver.latest?.bringIntoView(last)
    await flushPromises()
    expect(wrapper.text()).toContain('Paragraph 299 ends here.')
    expect(wrapper.findAll('.placeholder')).toHaveLength(placeholders.length - 1)
  })

  it('renders and flashes a quote far down the text when asked to show it', async () => {
    vi.useFakeTimers()
    const quotes = [quoteIn(2, 'near', 'confirmed'), quoteIn(280, 'far', 'suggested')]
    const wrapper = mount(ClippingBodyText, {
      props: { body, quotes, eager: false },
      attachTo: document.body
    })
    expect(wrapper.find('[data-quotes="far"]').exists()).toBe(false)
    wrapper.vm.flash('far')
    await flushPromises()
    const run = wrapper.get('[data-quotes="far"]')
    expect(run.text()).toBe('Paragraph 280 opens here')
    expect(run.classes()).toEqual(expect.arrayContaining(['quote', 'suggested', 'flash']))
  })

  it('answers a click on a quote with its id, and ignores a rejected one', async () => {
    const quotes = [quoteIn(1, 'kept', 'confirmed'), quoteIn(3, 'dropped', 'rejected')]
    const wrapper = mount(ClippingBodyText, { props: { body, quotes }, attachTo: document.body })
    await wrapper.get('[data-quotes="kept"]').trigger('click')
    await wrapper.get('[data-quotes="dropped"]').trigger('click')
    expect(wrapper.emitted('pickQuote')).toEqual([['kept']])
  })

  it('moves the highlight when the active quote changes, in the parts already shown', async () => {
    const quotes = [quoteIn(1, 'first', 'suggested'), quoteIn(5, 'second', 'suggested')]
    const wrapper = mount(ClippingBodyText, {
      props: { body, quotes, activeQuoteId: 'first' },
      attachTo: document.body
    })
    expect(wrapper.get('[data-quotes="first"]').classes()).toContain('active')
    await wrapper.setProps({ activeQuoteId: 'second' })
    expect(wrapper.get('[data-quotes="first"]').classes()).not.toContain('active')
    expect(wrapper.get('[data-quotes="second"]').classes()).toContain('active')
    await wrapper.setProps({ quotes: [{ ...quotes[0], status: 'confirmed' }, quotes[1]] })
    expect(wrapper.get('[data-quotes="first"]').classes()).toContain('confirmed')
  })
})

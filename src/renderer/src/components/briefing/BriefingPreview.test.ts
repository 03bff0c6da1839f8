// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import BriefingPreview from './BriefingPreview.vue'

const html = '<!doctype html><h1>Morning briefing</h1><script>alert(1)</script>'

describe('BriefingPreview', () => {
  it('shows the export HTML in a frame that may run no script', () => {
    const wrapper = mount(BriefingPreview, {
      props: { html, markdown: '# Morning briefing', loading: false }
    })
    const frame = wrapper.get('iframe')
    // No allow-scripts (nothing in the page runs), no forms, popups or navigation of the app.
    expect(frame.attributes('sandbox')).toBe('allow-same-origin')
    expect(frame.attributes('srcdoc')).toBe(html)
    expect(frame.attributes('title')).toBe('Briefing preview')
  })

  it('switches to the Markdown text', async () => {
    const wrapper = mount(BriefingPreview, {
      props: { html, markdown: '# Morning briefing\n\n> “Quote”', loading: false },
      attachTo: document.body
    })
    expect(wrapper.get('pre').isVisible()).toBe(false)
    await wrapper.get('input[value="markdown"]').setValue(true)
    expect(wrapper.get('pre').isVisible()).toBe(true)
    expect(wrapper.get('pre').text()).toBe('# Morning briefing\n\n> “Quote”')
    expect(wrapper.get('iframe').isVisible()).toBe(false)
  })
})

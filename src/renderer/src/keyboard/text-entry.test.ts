// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { isTextEntry } from './text-entry'

describe('isTextEntry', () => {
  it('answers true for fields, list boxes and editable content', () => {
    for (const tag of ['input', 'textarea', 'select']) {
      expect(isTextEntry(document.createElement(tag))).toBe(true)
    }
    const editable = document.createElement('div')
    editable.contentEditable = 'true'
    expect(isTextEntry(editable)).toBe(true)
  })

  it('answers false for other elements, the window and no target', () => {
    expect(isTextEntry(document.createElement('button'))).toBe(false)
    expect(isTextEntry(window)).toBe(false)
    expect(isTextEntry(null)).toBe(false)
  })
})

// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { followTextEntry, isTextEntry } from './text-entry'

function keydown(target: EventTarget, key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true })
  target.dispatchEvent(event)
  return event
}

/** A focused field disabled by the page: the browser drops focus to the page (happy-dom needs the blur first). */
function disableUnderCursor(field: HTMLInputElement): void {
  field.blur()
  field.disabled = true
}

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

describe('followTextEntry', () => {
  afterEach(() => {
    document.body.replaceChildren()
  })

  it('counts keys typed into a field as typing', () => {
    const focus = followTextEntry(document)
    const field = document.body.appendChild(document.createElement('input'))
    field.focus()
    expect(focus.isTyping(keydown(field, 'a'))).toBe(true)
    focus.stop()
  })

  it('counts keys that reach the page after a field was disabled under the cursor as typing', () => {
    const focus = followTextEntry(document)
    const field = document.body.appendChild(document.createElement('input'))
    field.focus()
    disableUnderCursor(field)
    expect(focus.isTyping(keydown(document.body, 'a'))).toBe(true)
    expect(focus.isTyping(keydown(document.body, 'r'))).toBe(true)
    focus.stop()
  })

  it('lets keys act as shortcuts once the user leaves a field or moves focus on purpose', () => {
    const focus = followTextEntry(document)
    const field = document.body.appendChild(document.createElement('input'))
    const button = document.body.appendChild(document.createElement('button'))
    field.focus()
    field.blur()
    expect(focus.isTyping(keydown(document.body, 'j'))).toBe(false)

    field.focus()
    disableUnderCursor(field)
    button.focus()
    expect(focus.isTyping(keydown(button, 'j'))).toBe(false)

    field.disabled = false
    field.focus()
    disableUnderCursor(field)
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    expect(focus.isTyping(keydown(document.body, 'j'))).toBe(false)
    focus.stop()
  })
})

/** The label of the platform's command modifier key in shortcut hints: ⌘ on a Mac, else Ctrl. */
export const modifierName = navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl'

/** Whether a key event's target takes typed text (a field, a list box or editable content). */
export function isTextEntry(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  )
}

/** What followTextEntry answers: whether a key is typing, and how to stop following focus. */
export interface TextEntryFocus {
  /** Whether the key goes into text entry, or would have but for a field disabled under it. */
  isTyping(event: KeyboardEvent): boolean
  stop(): void
}

function isDisabled(element: HTMLElement): boolean {
  return element.matches(':disabled')
}

/**
 * Follows focus on a document so that single-letter shortcuts can tell typing from commands: a
 * key counts as typing when it is aimed at text entry, and also when focus fell to the page
 * because the field being typed in was disabled, until the user puts focus somewhere on purpose.
 */
export function followTextEntry(root: Document = document): TextEntryFocus {
  let dropped: HTMLElement | null = null
  let droppedDisabled = false

  function onFocusIn(): void {
    dropped = null
  }

  function onFocusOut(event: FocusEvent): void {
    if (event.relatedTarget === null && isTextEntry(event.target)) {
      dropped = event.target as HTMLElement
      droppedDisabled = isDisabled(dropped)
    } else {
      dropped = null
    }
  }

  function onPointerDown(): void {
    dropped = null
  }

  root.addEventListener('focusin', onFocusIn, true)
  root.addEventListener('focusout', onFocusOut, true)
  root.addEventListener('pointerdown', onPointerDown, true)

  return {
    isTyping(event: KeyboardEvent): boolean {
      if (isTextEntry(event.target)) return true
      if (!dropped) return false
      const active = root.activeElement
      if (active && active !== root.body && active !== root.documentElement) return false
      return droppedDisabled || isDisabled(dropped)
    },
    stop(): void {
      root.removeEventListener('focusin', onFocusIn, true)
      root.removeEventListener('focusout', onFocusOut, true)
      root.removeEventListener('pointerdown', onPointerDown, true)
    }
  }
}

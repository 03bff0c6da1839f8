/** The label of the platform's command modifier key in shortcut hints: ⌘ on a Mac, else Ctrl. */
export const modifierName = navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl'

/** Whether a key event's target takes typed text (a field, a list box or editable content). */
export function isTextEntry(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  )
}

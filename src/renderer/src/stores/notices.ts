import { defineStore } from 'pinia'
import { ref } from 'vue'
import { ApiError } from '@renderer/api'

/** A message shown to the user as a toast, optionally with an Undo action. */
export interface Toast {
  id: number
  level: 'info' | 'error'
  message: string
  /** Runs when the user presses Undo; the toast closes after it. */
  undo?: () => Promise<void>
}

/** How many toasts show at once. */
export const MAX_TOASTS = 3

/** Toasts for errors, confirmations and undo; every store reports failures through it. */
export const useNoticesStore = defineStore('notices', () => {
  const toasts = ref<Toast[]>([])
  let nextId = 1

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((toast) => toast.id !== id)
  }

  function push(toast: Omit<Toast, 'id'>, timeoutMs: number): number {
    const id = nextId++
    let shown = [...toasts.value, { ...toast, id }]
    // Quick work (five quotes added in as many seconds) must not bury the page under toasts: past
    // MAX_TOASTS the oldest plain confirmation goes first, then the oldest of any kind.
    while (shown.length > MAX_TOASTS) {
      const plain = shown.findIndex((t) => t.level === 'info' && !t.undo && t.id !== id)
      const drop = plain >= 0 ? plain : 0
      shown = shown.filter((_, index) => index !== drop)
    }
    toasts.value = shown
    if (timeoutMs > 0) setTimeout(() => dismiss(id), timeoutMs)
    return id
  }

  function info(message: string, options: { undo?: () => Promise<void> } = {}): number {
    return push({ level: 'info', message, undo: options.undo }, options.undo ? 10_000 : 4_000)
  }

  function error(cause: unknown): number {
    const message =
      cause instanceof ApiError
        ? cause.message
        : cause instanceof Error
          ? `Something went wrong: ${cause.message}`
          : 'Something went wrong.'
    return push({ level: 'error', message }, 12_000)
  }

  async function runUndo(id: number): Promise<void> {
    const toast = toasts.value.find((t) => t.id === id)
    dismiss(id)
    if (!toast?.undo) return
    try {
      await toast.undo()
    } catch (cause) {
      error(cause)
    }
  }

  return { toasts, info, error, dismiss, runUndo }
})

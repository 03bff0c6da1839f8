import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { CommandInput } from '@shared/api'
import type { Clipping, Quote, Source } from '@shared/model'
import { ApiError, call } from '@renderer/api'
import { shorten } from '@renderer/text/format'
import { useNoticesStore } from './notices'

/** The changes the reader makes to a clipping: metadata, tags, note, set-aside boilerplate. */
export type ClippingPatch = CommandInput<'clippings.update'>['patch']
/** The changes the reader makes to a quote. */
export type QuotePatch = CommandInput<'quotes.update'>['patch']
/** A new quote as the tag-quote dialog gives it. */
export type NewQuote = Omit<CommandInput<'quotes.create'>, 'clippingId'>

/** An edit of the open clipping shown at once and waiting for its turn to be saved. */
export interface UnsavedEdit {
  id: number
  clippingId: string
  patch: ClippingPatch
}

/** The open clipping in the reader: its text, its quotes and their speakers, and every edit. */
export const useReaderStore = defineStore('reader', () => {
  // The clipping, its quotes and speakers are only ever replaced, never changed in place, so they
  // are held without deep reactivity: a large clipping's thousands of quotes need no proxies.
  const clipping = shallowRef<Clipping | null>(null)
  const quotes = shallowRef<readonly Quote[]>([])
  const speakers = shallowRef<readonly Source[]>([])
  const openId = ref<string | null>(null)
  const loading = ref(false)
  const missing = ref(false)
  const reviewing = ref(false)
  const pendingQuotes = ref<string[]>([])
  const unsaved = ref<UnsavedEdit[]>([])
  // The clipping as the library last answered it; `clipping` is this with the unsaved edits on top.
  let stored: Clipping | null = null
  let saveQueue: Promise<unknown> = Promise.resolve()
  let nextEditId = 1

  const saving = computed(() => reviewing.value || unsaved.value.length > 0)
  const orderedQuotes = computed(() =>
    [...quotes.value].sort((a, b) => a.start - b.start || a.end - b.end)
  )
  const suggestions = computed(() => orderedQuotes.value.filter((q) => q.status === 'suggested'))
  /** The suggestions Accept all takes: those with a speaker; the rest need a person's review. */
  const acceptable = computed(() => suggestions.value.filter((q) => q.speakerId !== null))
  const speakerById = computed(() => new Map(speakers.value.map((s) => [s.id, s])))

  function showStored(): void {
    if (!stored) {
      clipping.value = null
      return
    }
    let shown = stored
    for (const edit of unsaved.value) {
      if (edit.clippingId === shown.id) shown = { ...shown, ...edit.patch }
    }
    clipping.value = shown
  }

  async function fetch(id: string): Promise<void> {
    const result = await call('clippings.get', { id })
    if (openId.value !== id) return
    stored = result.clipping
    showStored()
    quotes.value = result.quotes
    speakers.value = result.sources
    missing.value = false
  }

  async function open(id: string): Promise<void> {
    if (openId.value !== id) {
      stored = null
      clipping.value = null
      quotes.value = []
      speakers.value = []
    }
    openId.value = id
    loading.value = true
    missing.value = false
    try {
      await fetch(id)
    } catch (cause) {
      if (openId.value !== id) return
      if (cause instanceof ApiError && cause.code === 'NOT_FOUND') {
        missing.value = true
        stored = null
        clipping.value = null
      } else {
        useNoticesStore().error(cause)
      }
    } finally {
      if (openId.value === id) loading.value = false
    }
  }

  function close(): void {
    openId.value = null
    stored = null
    clipping.value = null
    quotes.value = []
    speakers.value = []
    missing.value = false
  }

  async function refresh(): Promise<void> {
    const id = openId.value
    if (!id) return
    try {
      await fetch(id)
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'NOT_FOUND' && openId.value === id) {
        missing.value = true
        stored = null
        clipping.value = null
      }
    }
  }

  async function save(edit: UnsavedEdit): Promise<boolean> {
    try {
      const saved = await call('clippings.update', { id: edit.clippingId, patch: edit.patch })
      if (stored?.id === saved.id) stored = saved
      return true
    } catch (cause) {
      useNoticesStore().error(cause)
      return false
    } finally {
      unsaved.value = unsaved.value.filter((e) => e.id !== edit.id)
      showStored()
    }
  }

  /**
   * Changes the open clipping: the change shows at once and is saved after any still being saved,
   * so fields stay usable while saves run and no edit overtakes or overwrites another. A change
   * the library refuses is taken back, with the reason in a toast.
   */
  async function updateClipping(patch: ClippingPatch): Promise<boolean> {
    const current = clipping.value
    if (!current) return false
    const edit: UnsavedEdit = { id: nextEditId++, clippingId: current.id, patch }
    unsaved.value = [...unsaved.value, edit]
    showStored()
    const saved = saveQueue.then(() => save(edit))
    saveQueue = saved
    return saved
  }

  async function restoreBoilerplate(index: number): Promise<void> {
    const current = clipping.value
    if (!current) return
    const span = current.boilerplate[index]
    const boilerplate = current.boilerplate.filter((_, i) => i !== index)
    if (await updateClipping({ boilerplate })) {
      useNoticesStore().info('Restored the set-aside text.', {
        undo: async () => {
          if (clipping.value?.id !== current.id) return
          await updateClipping({ boilerplate: [...clipping.value.boilerplate, span] })
        }
      })
    }
  }

  function replaceQuote(quote: Quote): void {
    const exists = quotes.value.some((q) => q.id === quote.id)
    quotes.value = exists
      ? quotes.value.map((q) => (q.id === quote.id ? quote : q))
      : [...quotes.value, quote]
  }

  async function withQuote<T>(id: string, action: () => Promise<T>): Promise<T | null> {
    pendingQuotes.value = [...pendingQuotes.value, id]
    try {
      return await action()
    } catch (cause) {
      useNoticesStore().error(cause)
      return null
    } finally {
      pendingQuotes.value = pendingQuotes.value.filter((p) => p !== id)
    }
  }

  async function createQuote(input: NewQuote): Promise<Quote | null> {
    const current = clipping.value
    if (!current) return null
    return withQuote('new', async () => {
      const quote = await call('quotes.create', { ...input, clippingId: current.id })
      replaceQuote(quote)
      await refresh()
      useNoticesStore().info(`Tagged “${shorten(quote.text, 60)}”.`)
      return quote
    })
  }

  async function updateQuote(id: string, patch: QuotePatch): Promise<Quote | null> {
    return withQuote(id, async () => {
      const quote = await call('quotes.update', { id, patch })
      replaceQuote(quote)
      if (patch.speakerId !== undefined) await refresh()
      return quote
    })
  }

  async function accept(id: string): Promise<boolean> {
    return (await updateQuote(id, { status: 'confirmed' })) !== null
  }

  async function reject(id: string): Promise<boolean> {
    return (await updateQuote(id, { status: 'rejected' })) !== null
  }

  /**
   * Accepts every suggestion that has a speaker, leaving the others for review, and offers Undo,
   * which puts back as suggestions exactly the quotes it accepted (those still confirmed).
   */
  async function acceptAll(): Promise<number> {
    const clippingId = clipping.value?.id
    const waiting = acceptable.value.map((q) => q.id)
    const accepted: string[] = []
    reviewing.value = true
    try {
      for (const id of waiting) if (await accept(id)) accepted.push(id)
    } finally {
      reviewing.value = false
    }
    if (accepted.length === 0) return 0
    const left = suggestions.value.length
    const count = accepted.length
    useNoticesStore().info(
      `Accepted ${count} ${count === 1 ? 'suggestion' : 'suggestions'} with a speaker` +
        (left > 0 ? `; ${left} left to review.` : '.'),
      {
        undo: async () => {
          if (clipping.value?.id !== clippingId) return
          const confirmed = accepted.filter(
            (id) => quotes.value.find((q) => q.id === id)?.status === 'confirmed'
          )
          for (const id of confirmed) await updateQuote(id, { status: 'suggested' })
        }
      }
    )
    return count
  }

  /** Runs the analyser again over the text; new proposals arrive as suggestions, nothing else changes. */
  async function reanalyze(): Promise<number | null> {
    const id = clipping.value?.id
    if (!id) return null
    reviewing.value = true
    try {
      const { added } = await call('clippings.reanalyze', { id })
      await refresh()
      useNoticesStore().info(
        added === 0
          ? 'No new quotes found; your quotes are unchanged.'
          : `Found ${added} new ${added === 1 ? 'suggestion' : 'suggestions'}; your quotes are unchanged.`
      )
      return added
    } catch (cause) {
      useNoticesStore().error(cause)
      return null
    } finally {
      reviewing.value = false
    }
  }

  async function removeQuote(id: string): Promise<boolean> {
    const done = await withQuote(id, async () => {
      const removed = await call('quotes.delete', { id })
      quotes.value = quotes.value.filter((q) => q.id !== id)
      useNoticesStore().info(`Removed “${shorten(removed.text, 60)}”.`, {
        undo: async () => {
          const restored = await call('quotes.restore', { quote: removed })
          if (clipping.value?.id === restored.clippingId) replaceQuote(restored)
        }
      })
      return true
    })
    return done === true
  }

  return {
    reanalyze,
    clipping,
    quotes,
    speakers,
    openId,
    loading,
    missing,
    reviewing,
    saving,
    unsaved,
    pendingQuotes,
    orderedQuotes,
    suggestions,
    acceptable,
    speakerById,
    open,
    close,
    refresh,
    updateClipping,
    restoreBoilerplate,
    createQuote,
    updateQuote,
    accept,
    reject,
    acceptAll,
    removeQuote
  }
})

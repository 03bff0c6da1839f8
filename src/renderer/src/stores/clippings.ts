import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ClippingSummary } from '@shared/api'
import { call } from '@renderer/api'
import { useNoticesStore } from './notices'

/** The library list: clippings newest first, with the search and filters that narrow it. */
export const useClippingsStore = defineStore('clippings', () => {
  const items = ref<ClippingSummary[]>([])
  const total = ref(0)
  const query = ref('')
  const tag = ref<string | null>(null)
  const sourceId = ref<string | null>(null)
  const loading = ref(false)
  const loaded = ref(false)
  const failed = ref(false)
  const deleting = ref<string[]>([])
  let latest = 0

  async function load(): Promise<void> {
    const request = ++latest
    loading.value = true
    try {
      const result = await call('clippings.list', {
        query: query.value.trim(),
        tag: tag.value,
        sourceId: sourceId.value,
        limit: 1000
      })
      if (request !== latest) return
      items.value = result.items
      total.value = result.total
      loaded.value = true
      failed.value = false
    } catch (cause) {
      if (request !== latest) return
      failed.value = true
      useNoticesStore().error(cause)
    } finally {
      if (request === latest) loading.value = false
    }
  }

  async function refresh(): Promise<void> {
    if (loaded.value) await load()
  }

  async function setFilters(filters: {
    query?: string
    tag?: string | null
    sourceId?: string | null
  }): Promise<void> {
    if (filters.query !== undefined) query.value = filters.query
    if (filters.tag !== undefined) tag.value = filters.tag
    if (filters.sourceId !== undefined) sourceId.value = filters.sourceId
    await load()
  }

  async function remove(id: string): Promise<boolean> {
    const notices = useNoticesStore()
    deleting.value = [...deleting.value, id]
    try {
      const removed = await call('clippings.delete', { id })
      items.value = items.value.filter((item) => item.id !== id)
      total.value = Math.max(0, total.value - 1)
      notices.info(`Deleted “${removed.clipping.title || 'Untitled clipping'}”.`, {
        undo: async () => {
          await call('clippings.restore', removed)
          await load()
          notices.info('Clipping restored.')
        }
      })
      return true
    } catch (cause) {
      notices.error(cause)
      return false
    } finally {
      deleting.value = deleting.value.filter((d) => d !== id)
    }
  }

  return {
    items,
    total,
    query,
    tag,
    sourceId,
    loading,
    loaded,
    failed,
    deleting,
    load,
    refresh,
    setFilters,
    remove
  }
})

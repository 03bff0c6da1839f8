import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CommandInput, CommandOutput, SourceSummary } from '@shared/api'
import type { Source } from '@shared/model'
import { call } from '@renderer/api'
import { useNoticesStore } from './notices'

/** One source with all of its quotes across the library. */
export type SourceDetail = CommandOutput<'sources.get'>

/** Sources (people, organisations, outlets): the list, one source's detail, and edits. */
export const useSourcesStore = defineStore('sources', () => {
  const items = ref<SourceSummary[]>([])
  const loaded = ref(false)
  const loading = ref(false)
  const detail = ref<SourceDetail | null>(null)
  const detailId = ref<string | null>(null)
  const detailLoading = ref(false)
  const detailMissing = ref(false)
  const busy = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      items.value = await call('sources.list', {})
      loaded.value = true
    } catch (cause) {
      useNoticesStore().error(cause)
    } finally {
      loading.value = false
    }
  }

  async function openDetail(id: string | null): Promise<void> {
    detailId.value = id
    detailMissing.value = false
    if (!id) {
      detail.value = null
      return
    }
    detailLoading.value = true
    try {
      const result = await call('sources.get', { id })
      if (detailId.value === id) detail.value = result
    } catch (cause) {
      if (detailId.value !== id) return
      detail.value = null
      if (cause instanceof Error && 'code' in cause && cause.code === 'NOT_FOUND') {
        detailMissing.value = true
      } else {
        useNoticesStore().error(cause)
      }
    } finally {
      if (detailId.value === id) detailLoading.value = false
    }
  }

  async function refresh(): Promise<void> {
    if (loaded.value) await load()
    if (detailId.value) await openDetail(detailId.value)
  }

  function remember(source: Source): void {
    const existing = items.value.find((s) => s.id === source.id)
    if (existing) {
      items.value = items.value.map((s) => (s.id === source.id ? { ...s, ...source } : s))
    } else {
      items.value = [...items.value, { ...source, quoteCount: 0 }]
    }
  }

  async function run<T>(action: () => Promise<T>): Promise<T | null> {
    busy.value = true
    try {
      return await action()
    } catch (cause) {
      useNoticesStore().error(cause)
      return null
    } finally {
      busy.value = false
    }
  }

  async function create(input: CommandInput<'sources.create'>): Promise<Source | null> {
    return run(async () => {
      const source = await call('sources.create', input)
      remember(source)
      return source
    })
  }

  async function update(
    id: string,
    patch: CommandInput<'sources.update'>['patch']
  ): Promise<Source | null> {
    return run(async () => {
      const source = await call('sources.update', { id, patch })
      remember(source)
      if (detail.value?.source.id === id) detail.value = { ...detail.value, source }
      useNoticesStore().info(`Saved ${source.name}.`)
      return source
    })
  }

  async function merge(targetId: string, sourceIds: string[]): Promise<Source | null> {
    return run(async () => {
      const source = await call('sources.merge', { targetId, sourceIds })
      await load()
      useNoticesStore().info(
        `Merged ${sourceIds.length} ${sourceIds.length === 1 ? 'source' : 'sources'} into ${source.name}.`
      )
      return source
    })
  }

  async function remove(id: string): Promise<boolean> {
    const name = items.value.find((s) => s.id === id)?.name ?? 'the source'
    const done = await run(async () => {
      await call('sources.delete', { id })
      items.value = items.value.filter((s) => s.id !== id)
      if (detailId.value === id) {
        detail.value = null
        detailId.value = null
      }
      useNoticesStore().info(`Deleted ${name}.`)
      return true
    })
    return done === true
  }

  return {
    items,
    loaded,
    loading,
    detail,
    detailId,
    detailLoading,
    detailMissing,
    busy,
    load,
    refresh,
    openDetail,
    create,
    update,
    merge,
    remove
  }
})

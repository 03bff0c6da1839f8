import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { CommandOutput } from '@shared/api'
import { call } from '@renderer/api'
import { useNoticesStore } from './notices'

/** A tag in use, with how many clippings and quotes carry it. */
export type TagCount = CommandOutput<'tags.list'>[number]

/** Every tag in the library, for autocomplete and filters. */
export const useTagsStore = defineStore('tags', () => {
  const items = ref<TagCount[]>([])
  const loaded = ref(false)
  const loading = ref(false)

  const names = computed(() => items.value.map((item) => item.tag))

  async function load(): Promise<void> {
    loading.value = true
    try {
      items.value = await call('tags.list', {})
      loaded.value = true
    } catch (cause) {
      useNoticesStore().error(cause)
    } finally {
      loading.value = false
    }
  }

  async function refresh(): Promise<void> {
    if (loaded.value) await load()
  }

  return { items, loaded, loading, names, load, refresh }
})

import { defineStore } from 'pinia'
import { computed, markRaw, reactive, ref, shallowRef } from 'vue'
import type { Analysis, TextSpan } from '@shared/model'
import { normaliseTags } from '@shared/model'
import { ApiError, call } from '@renderer/api'
import { pasteProblem, type PasteContent } from '@renderer/paste/paste-input'
import { dateInputValue, nullIfBlank } from '@renderer/text/format'
import { useNoticesStore } from './notices'

/** Where the paste dialog is: waiting for text, analysing it, showing the draft, saving it. */
export type PastePhase = 'input' | 'analysing' | 'draft' | 'saving'

/** The metadata fields of a draft clipping, as the user edits them. */
export interface DraftFields {
  title: string
  outlet: string
  byline: string
  publishedAt: string
  url: string
  tags: string[]
}

function emptyFields(): DraftFields {
  return { title: '', outlet: '', byline: '', publishedAt: '', url: '', tags: [] }
}

/** A pasted article on its way into the library: its analysis, the editable draft, and saving. */
export const usePasteStore = defineStore('paste', () => {
  const phase = ref<PastePhase>('input')
  const problem = ref<string | null>(null)
  // An analysis can hold megabytes of text and thousands of quotes; it never changes once it
  // arrives, so it is kept raw rather than made deeply reactive.
  const analysis = shallowRef<Analysis | null>(null)
  const fields = reactive<DraftFields>(emptyFields())
  const setAside = shallowRef<TextSpan[]>([])
  const kept = shallowRef<boolean[]>([])
  let latest = 0

  const keptCount = computed(() => kept.value.filter(Boolean).length)

  function reset(): void {
    latest++
    phase.value = 'input'
    problem.value = null
    analysis.value = null
    Object.assign(fields, emptyFields())
    setAside.value = []
    kept.value = []
  }

  async function analyse(content: PasteContent): Promise<boolean> {
    const request = ++latest
    const refused = pasteProblem(content)
    if (refused) {
      problem.value = refused
      phase.value = analysis.value ? 'draft' : 'input'
      return false
    }
    problem.value = null
    phase.value = 'analysing'
    try {
      const result = await call('analysis.analyze', content)
      if (request !== latest) return false
      if (result.body.trim() === '') {
        problem.value = 'No article text was found in this paste. Try copying the text itself.'
        phase.value = 'input'
        return false
      }
      analysis.value = markRaw(result)
      Object.assign(fields, {
        title: result.title ?? '',
        outlet: result.outlet ?? '',
        byline: result.byline ?? '',
        publishedAt: dateInputValue(result.publishedAt),
        url: result.url ?? '',
        tags: []
      })
      setAside.value = [...result.boilerplate]
      kept.value = result.quotes.map(() => true)
      phase.value = 'draft'
      return true
    } catch (cause) {
      if (request !== latest) return false
      problem.value = cause instanceof Error ? cause.message : 'The paste could not be analysed.'
      phase.value = 'input'
      return false
    }
  }

  function restoreBoilerplate(index: number): void {
    setAside.value = setAside.value.filter((_, i) => i !== index)
  }

  function setKept(index: number, keep: boolean): void {
    kept.value = kept.value.map((value, i) => (i === index ? keep : value))
  }

  /** Saves the draft and its kept suggestions; answers the new clipping's id, or null. */
  async function save(): Promise<string | null> {
    const draft = analysis.value
    if (!draft || phase.value === 'saving') return null
    const title = fields.title.trim()
    if (!title) {
      problem.value = 'Give the clipping a title before saving it.'
      return null
    }
    problem.value = null
    phase.value = 'saving'
    let clippingId: string
    try {
      const clipping = await call('clippings.create', {
        title,
        outlet: nullIfBlank(fields.outlet),
        byline: nullIfBlank(fields.byline),
        url: nullIfBlank(fields.url),
        publishedAt: nullIfBlank(fields.publishedAt),
        tags: normaliseTags(fields.tags),
        note: '',
        body: draft.body,
        boilerplate: setAside.value.map(({ start, end }) => ({ start, end })),
        suggestions: {
          quotes: draft.quotes.filter((_, index) => kept.value[index]),
          people: draft.people,
          organisations: draft.organisations
        }
      })
      clippingId = clipping.id
    } catch (cause) {
      phase.value = 'draft'
      problem.value =
        cause instanceof ApiError && cause.code === 'CONFLICT'
          ? 'This article is already in your library, so nothing was saved.'
          : cause instanceof Error
            ? cause.message
            : 'The clipping could not be saved.'
      return null
    }
    const count = keptCount.value
    useNoticesStore().info(
      count > 0
        ? `Saved “${title}” with ${count} suggested ${count === 1 ? 'quote' : 'quotes'} to review.`
        : `Saved “${title}”.`
    )
    reset()
    return clippingId
  }

  return {
    phase,
    problem,
    analysis,
    fields,
    setAside,
    kept,
    keptCount,
    reset,
    analyse,
    restoreBoilerplate,
    setKept,
    save
  }
})

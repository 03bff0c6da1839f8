import { defineStore } from 'pinia'
import { computed, ref, toRaw } from 'vue'
import type { Briefing, BriefingItem, BriefingSection } from '@shared/model'
import type { ClippingSummary, LibraryChange, QuoteInContext } from '@shared/api'
import { call, onLibraryChanged, saveExportFile } from '@renderer/api'
import { useNoticesStore } from './notices'

/** How long typing waits before it is saved, in milliseconds. */
export const SAVE_DELAY_MS = 300

/** Where the open briefing stands against what is on disk. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'error'

/** The formats a briefing exports to. */
export type ExportFormat = 'md' | 'pdf'

/** The paper sizes a PDF export prints on. */
export type PaperSize = 'A4' | 'Letter'

/** What a briefing item points at. */
export type BriefingItemKind = BriefingItem['kind']

/** The briefing as the export renders it, for the live preview. */
export interface BriefingRendering {
  html: string
  markdown: string
}

/** Something removed from the open briefing that Undo can put back. */
export type BriefingRemoval =
  | { kind: 'item'; briefingId: string; item: BriefingItem; sectionId: string; index: number }
  | { kind: 'section'; briefingId: string; section: BriefingSection; index: number }

/** The heading shown for a section whose heading is still empty. */
export const UNTITLED_SECTION = 'Untitled section'

/** How many items a briefing holds across its sections. */
export function countItems(briefing: Pick<Briefing, 'sections'>): number {
  return briefing.sections.reduce((sum, section) => sum + section.items.length, 0)
}

/** A section's heading for messages: its text, or "Untitled section". */
export function sectionLabel(section: Pick<BriefingSection, 'heading'>): string {
  return section.heading.trim() || UNTITLED_SECTION
}

/** A new, empty item of a briefing. */
export function newBriefingItem(kind: BriefingItemKind, refId: string | null): BriefingItem {
  return { id: crypto.randomUUID(), kind, refId, text: '', comment: '' }
}

// Reactive proxies cannot cross IPC (structured clone refuses them); the data is plain JSON.
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high)
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path
}

/** Puts a removed item or section back into sections, as near its old place as still exists. */
function reinsert(sections: BriefingSection[], removal: BriefingRemoval): void {
  if (removal.kind === 'section') {
    sections.splice(clamp(removal.index, 0, sections.length), 0, plain(removal.section))
    return
  }
  let section = sections.find((s) => s.id === removal.sectionId) ?? sections[0]
  if (!section) {
    section = { id: crypto.randomUUID(), heading: '', items: [] }
    sections.push(section)
  }
  section.items.splice(clamp(removal.index, 0, section.items.length), 0, plain(removal.item))
}

/** Briefings: the list, the one open in the composer, its saving, preview and export. */
export const useBriefingsStore = defineStore('briefings', () => {
  const notices = useNoticesStore()

  const briefings = ref<Briefing[]>([])
  const listLoaded = ref(false)
  const listLoading = ref(false)

  const current = ref<Briefing | null>(null)
  const currentError = ref<string | null>(null)
  const saveState = ref<SaveState>('saved')

  const preview = ref<BriefingRendering | null>(null)
  const previewLoading = ref(false)
  const exporting = ref<ExportFormat | null>(null)

  const announcement = ref('')
  const removals = ref<BriefingRemoval[]>([])

  const quoteRefs = ref<Record<string, QuoteInContext>>({})
  const clippingRefs = ref<Record<string, ClippingSummary>>({})
  const referencesLoading = ref(false)

  const libraryQuery = ref('')
  const libraryQuotes = ref<QuoteInContext[]>([])
  const libraryClippings = ref<ClippingSummary[]>([])
  const librarySearching = ref(false)
  /** Whether the library panel lists unconfirmed suggestions as well as confirmed quotes. */
  const includeSuggestions = ref(false)

  /** Briefings, most recently updated first. */
  const recentBriefings = computed(() =>
    [...briefings.value].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  )

  /** Why the open briefing's title cannot be saved, or null. */
  const titleProblem = computed(() =>
    current.value && !current.value.title.trim() ? 'A briefing needs a title.' : null
  )

  /** The library quotes the panel lists: confirmed ones, and suggestions when asked for. */
  const shownLibraryQuotes = computed(() =>
    includeSuggestions.value
      ? libraryQuotes.value
      : libraryQuotes.value.filter((quote) => quote.status === 'confirmed')
  )

  /** How many suggestions the library panel leaves out while suggestions are not included. */
  const hiddenSuggestionCount = computed(() =>
    includeSuggestions.value ? 0 : libraryQuotes.value.length - shownLibraryQuotes.value.length
  )

  /** The open briefing's quotes nobody has confirmed, once per item, in briefing order. */
  const unconfirmedQuotes = computed(() => {
    const quotes: QuoteInContext[] = []
    for (const section of current.value?.sections ?? [])
      for (const item of section.items) {
        const quote = item.kind === 'quote' && item.refId ? quoteRefs.value[item.refId] : undefined
        if (quote && quote.status !== 'confirmed') quotes.push(quote)
      }
    return quotes
  })

  /** The refIds already in the open briefing, to mark library results that are in it. */
  const usedRefIds = computed(() => {
    const ids = new Set<string>()
    for (const section of current.value?.sections ?? [])
      for (const item of section.items) if (item.refId) ids.add(item.refId)
    return ids
  })

  // ---- saving -------------------------------------------------------------------------------

  let saveTimer: ReturnType<typeof setTimeout> | null = null
  let saving: Promise<void> | null = null
  let dirty = false
  let lastSavedAt = ''
  let previewSequence = 0
  let openGeneration = 0
  // Toast Undo and Ctrl/Cmd+Z can both reach one removal; it is put back once.
  const restored = new WeakSet<BriefingRemoval>()

  function replaceInList(briefing: Briefing): void {
    const index = briefings.value.findIndex((b) => b.id === briefing.id)
    if (index === -1) briefings.value = [briefing, ...briefings.value]
    else briefings.value.splice(index, 1, briefing)
  }

  async function send(): Promise<boolean> {
    const briefing = current.value
    if (!briefing) return true
    const snapshot = plain(briefing)
    saveState.value = 'saving'
    try {
      const saved = await call('briefings.update', {
        id: snapshot.id,
        patch: {
          ...(snapshot.title.trim() ? { title: snapshot.title } : {}),
          ...(snapshot.date.length >= 4 ? { date: snapshot.date } : {}),
          author: snapshot.author,
          sections: snapshot.sections
        }
      })
      lastSavedAt = saved.updatedAt
      if (current.value?.id === saved.id) current.value.updatedAt = saved.updatedAt
      replaceInList({ ...saved, sections: snapshot.sections })
      return true
    } catch (cause) {
      saveState.value = 'error'
      notices.error(cause)
      return false
    }
  }

  /** Saves every pending change now; resolves once the open briefing is on disk. */
  async function flush(): Promise<void> {
    if (saveTimer) {
      clearTimeout(saveTimer)
      saveTimer = null
    }
    if (saving) return saving
    if (!dirty) return
    saving = (async () => {
      let ok = true
      while (dirty && ok) {
        dirty = false
        ok = await send()
      }
      if (ok) {
        saveState.value = 'saved'
        void refreshPreview()
      } else dirty = true
    })().finally(() => {
      saving = null
    })
    return saving
  }

  /** Marks the open briefing changed and saves it after a pause in typing. */
  function scheduleSave(): void {
    dirty = true
    if (saveState.value !== 'saving') saveState.value = 'pending'
    if (saveTimer) clearTimeout(saveTimer)
    saveTimer = setTimeout(() => {
      saveTimer = null
      void flush()
    }, SAVE_DELAY_MS)
  }

  /** Marks the open briefing changed and saves it at once (structural changes). */
  function saveNow(): Promise<void> {
    dirty = true
    if (saveState.value !== 'saving') saveState.value = 'pending'
    return flush()
  }

  /** Whether a save is waiting or under way. */
  function hasUnsavedChanges(): boolean {
    return dirty || saving !== null || saveTimer !== null
  }

  // ---- list ---------------------------------------------------------------------------------

  /** Loads every briefing. */
  async function loadList(): Promise<void> {
    listLoading.value = true
    try {
      const list = await call('briefings.list', {})
      briefings.value = list.map((b) =>
        current.value?.id === b.id && hasUnsavedChanges() ? plain(current.value) : b
      )
      listLoaded.value = true
    } catch (cause) {
      notices.error(cause)
    } finally {
      listLoading.value = false
    }
  }

  /** Creates a briefing with one empty section and answers it. */
  async function createBriefing(input: {
    title: string
    date: string
    author: string
  }): Promise<Briefing | null> {
    try {
      const briefing = await call('briefings.create', input)
      replaceInList(briefing)
      return briefing
    } catch (cause) {
      notices.error(cause)
      return null
    }
  }

  /** Deletes a briefing and offers Undo, which restores it exactly. */
  async function deleteBriefing(id: string): Promise<void> {
    try {
      const deleted = await call('briefings.delete', { id })
      briefings.value = briefings.value.filter((b) => b.id !== id)
      if (current.value?.id === id) current.value = null
      notices.info(`Deleted ‘${deleted.title}’.`, {
        undo: async () => {
          const restored = await call('briefings.restore', { briefing: deleted })
          replaceInList(restored)
        }
      })
    } catch (cause) {
      notices.error(cause)
    }
  }

  // ---- the open briefing --------------------------------------------------------------------

  /** Opens a briefing in the composer, with its references and preview. */
  async function open(id: string): Promise<void> {
    const generation = ++openGeneration
    if (current.value?.id === id && !currentError.value) return
    await flush()
    if (generation !== openGeneration) return
    current.value = null
    currentError.value = null
    preview.value = null
    removals.value = []
    saveState.value = 'saved'
    dirty = false
    try {
      const briefing = await call('briefings.get', { id })
      current.value = briefing
      lastSavedAt = briefing.updatedAt
      await Promise.all([loadReferences(), refreshPreview()])
    } catch (cause) {
      currentError.value =
        cause instanceof Error ? cause.message : 'This briefing could not be opened.'
    }
  }

  /** Leaves the composer, saving what is pending first. */
  async function close(): Promise<void> {
    const generation = openGeneration
    await flush()
    // The composer may have been opened again while the last edits were saving.
    if (generation !== openGeneration) return
    current.value = null
    preview.value = null
    removals.value = []
  }

  /** Renders the open briefing as the export does, for the preview. */
  async function refreshPreview(): Promise<void> {
    const id = current.value?.id
    if (!id) return
    const sequence = ++previewSequence
    previewLoading.value = true
    try {
      const rendering = await call('briefings.render', { id })
      if (sequence === previewSequence && current.value?.id === id) preview.value = rendering
    } catch (cause) {
      if (sequence === previewSequence) notices.error(cause)
    } finally {
      if (sequence === previewSequence) previewLoading.value = false
    }
  }

  /** Loads the quotes and clippings the open briefing points at, for showing them. */
  async function loadReferences(): Promise<void> {
    const briefing = current.value
    if (!briefing || !briefing.sections.some((s) => s.items.some((i) => i.refId !== null))) return
    referencesLoading.value = true
    try {
      const references = await call('briefings.references', { id: briefing.id })
      quoteRefs.value = Object.fromEntries(references.quotes.map((q) => [q.id, q]))
      clippingRefs.value = Object.fromEntries(references.clippings.map((c) => [c.id, c]))
    } catch (cause) {
      notices.error(cause)
    } finally {
      referencesLoading.value = false
    }
  }

  function locateItem(itemId: string): { section: BriefingSection; index: number } | null {
    for (const section of current.value?.sections ?? []) {
      const index = section.items.findIndex((item) => item.id === itemId)
      if (index !== -1) return { section, index }
    }
    return null
  }

  function findSection(sectionId: string): BriefingSection | null {
    return current.value?.sections.find((s) => s.id === sectionId) ?? null
  }

  function announce(message: string): void {
    // A live region repeats only changed text; a trailing space makes a repeat count as a change.
    announcement.value = announcement.value === message ? `${message}\u00a0` : message
  }

  function announcePosition(section: BriefingSection, index: number): void {
    announce(
      `Moved to position ${index + 1} of ${section.items.length} in ‘${sectionLabel(section)}’`
    )
  }

  /** Changes the open briefing's title (saved after a pause in typing). */
  function setTitle(title: string): void {
    if (!current.value) return
    current.value.title = title
    scheduleSave()
  }

  /** Changes the open briefing's date, YYYY-MM-DD (saved after a pause). */
  function setDate(date: string): void {
    if (!current.value) return
    current.value.date = date
    scheduleSave()
  }

  /** Changes the open briefing's author (saved after a pause in typing). */
  function setAuthor(author: string): void {
    if (!current.value) return
    current.value.author = author
    scheduleSave()
  }

  /** Renames a section (saved after a pause in typing). */
  function setHeading(sectionId: string, heading: string): void {
    const section = findSection(sectionId)
    if (!section) return
    section.heading = heading
    scheduleSave()
  }

  /** Changes an item's comment (saved after a pause in typing). */
  function setComment(itemId: string, comment: string): void {
    const found = locateItem(itemId)
    if (!found) return
    found.section.items[found.index].comment = comment
    scheduleSave()
  }

  /** Changes a note's text (saved after a pause in typing). */
  function setNoteText(itemId: string, text: string): void {
    const found = locateItem(itemId)
    if (!found) return
    found.section.items[found.index].text = text
    scheduleSave()
  }

  /** Adds a section at the end and answers its id. */
  function addSection(heading = ''): string | null {
    if (!current.value) return null
    const section: BriefingSection = { id: crypto.randomUUID(), heading, items: [] }
    current.value.sections.push(section)
    void saveNow()
    return section.id
  }

  /** Removes a section with its items; Undo puts it back. */
  function removeSection(sectionId: string): void {
    const briefing = current.value
    if (!briefing) return
    const index = briefing.sections.findIndex((s) => s.id === sectionId)
    if (index === -1) return
    const [section] = briefing.sections.splice(index, 1)
    const removal: BriefingRemoval = {
      kind: 'section',
      briefingId: briefing.id,
      section: plain(section),
      index
    }
    removals.value.push(removal)
    const count = section.items.length
    notices.info(
      `Removed section ‘${sectionLabel(section)}’${count ? ` and its ${count} item${count === 1 ? '' : 's'}` : ''}.`,
      { undo: () => restore(removal) }
    )
    void saveNow()
  }

  /** Moves a section one place up (-1) or down (+1). */
  function moveSection(sectionId: string, delta: -1 | 1): void {
    const sections = current.value?.sections
    if (!sections) return
    const index = sections.findIndex((s) => s.id === sectionId)
    const target = index + delta
    if (index === -1 || target < 0 || target >= sections.length) return
    const [section] = sections.splice(index, 1)
    sections.splice(target, 0, section)
    announce(
      `Moved section ‘${sectionLabel(section)}’ to position ${target + 1} of ${sections.length}`
    )
    void saveNow()
  }

  /** Adds an item to a section, at the end or at an index, and answers it. */
  function addItem(
    sectionId: string,
    kind: BriefingItemKind,
    refId: string | null,
    index?: number
  ): BriefingItem | null {
    const section = findSection(sectionId)
    if (!section) return null
    const item = newBriefingItem(kind, refId)
    section.items.splice(clamp(index ?? section.items.length, 0, section.items.length), 0, item)
    void saveNow()
    return item
  }

  /** Adds a library quote or clipping to a section, remembering it for display. */
  function addFromLibrary(
    sectionId: string,
    reference:
      { kind: 'quote'; quote: QuoteInContext } | { kind: 'clipping'; clipping: ClippingSummary },
    index?: number
  ): BriefingItem | null {
    let item: BriefingItem | null
    if (reference.kind === 'quote') {
      quoteRefs.value[reference.quote.id] = reference.quote
      item = addItem(sectionId, 'quote', reference.quote.id, index)
    } else {
      clippingRefs.value[reference.clipping.id] = reference.clipping
      item = addItem(sectionId, 'clipping', reference.clipping.id, index)
    }
    const found = item ? locateItem(item.id) : null
    if (found)
      announce(
        `Added ${reference.kind} at position ${found.index + 1} of ${found.section.items.length} in ‘${sectionLabel(found.section)}’`
      )
    return item
  }

  /** Removes an item; Undo (the toast or Ctrl/Cmd+Z) puts it back where it was. */
  function removeItem(itemId: string): void {
    const briefing = current.value
    const found = locateItem(itemId)
    if (!briefing || !found) return
    const [item] = found.section.items.splice(found.index, 1)
    const removal: BriefingRemoval = {
      kind: 'item',
      briefingId: briefing.id,
      item: plain(item),
      sectionId: found.section.id,
      index: found.index
    }
    removals.value.push(removal)
    notices.info(`Removed ${item.kind} from ‘${sectionLabel(found.section)}’.`, {
      undo: () => restore(removal)
    })
    void saveNow()
  }

  /** Puts back one removed item or section, in the open briefing or, if closed, on disk. */
  async function restore(removal: BriefingRemoval): Promise<void> {
    const raw = toRaw(removal)
    if (restored.has(raw)) return
    restored.add(raw)
    removals.value = removals.value.filter((r) => toRaw(r) !== raw)
    if (current.value?.id === removal.briefingId) {
      reinsert(current.value.sections, removal)
      announce(removal.kind === 'item' ? 'Item restored' : 'Section restored')
      await saveNow()
      return
    }
    const briefing = await call('briefings.get', { id: removal.briefingId })
    reinsert(briefing.sections, removal)
    replaceInList(
      await call('briefings.update', {
        id: briefing.id,
        patch: { sections: briefing.sections }
      })
    )
  }

  /** Puts back the most recently removed item or section; answers whether there was one. */
  async function undoLast(): Promise<boolean> {
    const removal = removals.value[removals.value.length - 1]
    if (!removal) return false
    await restore(removal)
    return true
  }

  /**
   * Moves an item to a section at an index counted among that section's items before the move
   * (what a drop position gives), and announces where it landed.
   */
  function moveItem(itemId: string, toSectionId: string, toIndex: number): void {
    const from = locateItem(itemId)
    const target = findSection(toSectionId)
    if (!from || !target) return
    let index = toIndex
    if (from.section === target && from.index < index) index -= 1
    if (from.section === target && from.index === index) return
    const [item] = from.section.items.splice(from.index, 1)
    index = clamp(index, 0, target.items.length)
    target.items.splice(index, 0, item)
    announcePosition(target, index)
    void saveNow()
  }

  /**
   * Moves an item one place up (-1) or down (+1); past the first or last place of its section it
   * moves to the end of the previous section or the start of the next one.
   */
  function moveItemBy(itemId: string, delta: -1 | 1): void {
    const sections = current.value?.sections
    const from = locateItem(itemId)
    if (!sections || !from) return
    const { section, index } = from
    const within = index + delta
    if (within >= 0 && within < section.items.length) {
      const [item] = section.items.splice(index, 1)
      section.items.splice(within, 0, item)
      announcePosition(section, within)
      void saveNow()
      return
    }
    const neighbour = sections[sections.indexOf(section) + delta]
    if (!neighbour) {
      announce(delta < 0 ? 'Already first in the briefing' : 'Already last in the briefing')
      return
    }
    const [item] = section.items.splice(index, 1)
    const landing = delta < 0 ? neighbour.items.length : 0
    neighbour.items.splice(landing, 0, item)
    announcePosition(neighbour, landing)
    void saveNow()
  }

  /**
   * Saves pending edits and reloads the statuses of the open briefing's quotes, then answers
   * those not confirmed: what the export will mark "[unconfirmed]", for a warning first.
   */
  async function unconfirmedBeforeExport(): Promise<QuoteInContext[]> {
    await flush()
    await loadReferences()
    return unconfirmedQuotes.value
  }

  /** Exports the open briefing and saves the file (dialog or download); answers where, or null. */
  async function exportCurrent(format: ExportFormat, paper: PaperSize): Promise<string | null> {
    const id = current.value?.id
    if (!id || exporting.value) return null
    exporting.value = format
    try {
      await flush()
      const file = await call('briefings.export', { id, format, paper })
      const savedTo = await saveExportFile(file)
      if (savedTo) notices.info(`Exported ${baseName(savedTo)}.`)
      return savedTo
    } catch (cause) {
      notices.error(cause)
      return null
    } finally {
      exporting.value = null
    }
  }

  /**
   * Appends a quote or clipping to a section of any briefing (the "Add to briefing" menu) and
   * confirms it with a toast whose Undo takes it out again.
   */
  async function addReference(
    briefingId: string,
    sectionId: string | null,
    kind: 'quote' | 'clipping',
    refId: string
  ): Promise<boolean> {
    try {
      if (current.value?.id === briefingId) {
        const section =
          (sectionId ? findSection(sectionId) : null) ?? current.value.sections[0] ?? null
        const sectionIdToUse = section?.id ?? addSection('')
        if (!sectionIdToUse) return false
        const item = addItem(sectionIdToUse, kind, refId)
        if (!item) return false
        await flush()
        void loadReferences()
        notices.info(`Added ${kind} to ‘${current.value?.title ?? ''}’.`, {
          undo: async () => {
            const found = locateItem(item.id)
            if (!found) return
            found.section.items.splice(found.index, 1)
            await saveNow()
          }
        })
        return true
      }
      const briefing = await call('briefings.get', { id: briefingId })
      let section = briefing.sections.find((s) => s.id === sectionId) ?? briefing.sections[0]
      if (!section) {
        section = { id: crypto.randomUUID(), heading: '', items: [] }
        briefing.sections.push(section)
      }
      const item = newBriefingItem(kind, refId)
      section.items.push(item)
      replaceInList(
        await call('briefings.update', {
          id: briefingId,
          patch: { sections: briefing.sections }
        })
      )
      const under = section.heading.trim() ? ` under ‘${section.heading.trim()}’` : ''
      notices.info(`Added ${kind} to ‘${briefing.title}’${under}.`, {
        undo: async () => {
          const fresh = await call('briefings.get', { id: briefingId })
          for (const s of fresh.sections) s.items = s.items.filter((i) => i.id !== item.id)
          replaceInList(
            await call('briefings.update', { id: briefingId, patch: { sections: fresh.sections } })
          )
        }
      })
      return true
    } catch (cause) {
      notices.error(cause)
      return false
    }
  }

  // ---- the library panel --------------------------------------------------------------------

  let searchSequence = 0

  /** Searches the library's quotes and clippings for the "Add from library" panel. */
  async function searchLibrary(query: string): Promise<void> {
    libraryQuery.value = query
    const sequence = ++searchSequence
    librarySearching.value = true
    try {
      const [quotes, clippings] = await Promise.all([
        call('quotes.search', { query, limit: 60 }),
        call('clippings.list', { query, limit: 40 })
      ])
      if (sequence !== searchSequence) return
      libraryQuotes.value = quotes.items.filter((q) => q.status !== 'rejected')
      libraryClippings.value = clippings.items
    } catch (cause) {
      if (sequence === searchSequence) notices.error(cause)
    } finally {
      if (sequence === searchSequence) librarySearching.value = false
    }
  }

  // ---- staying current ----------------------------------------------------------------------

  let listeners = 0
  let stopListening: (() => void) | null = null

  async function reloadCurrent(): Promise<void> {
    const id = current.value?.id
    if (!id || hasUnsavedChanges()) return
    try {
      const fresh = await call('briefings.get', { id })
      if (current.value?.id !== id || hasUnsavedChanges()) return
      if (fresh.updatedAt !== lastSavedAt) {
        current.value = fresh
        lastSavedAt = fresh.updatedAt
        void loadReferences()
        void refreshPreview()
      }
    } catch {
      if (current.value?.id === id && !hasUnsavedChanges()) {
        current.value = null
        currentError.value = 'This briefing was deleted.'
      }
    }
  }

  function onChange(change: LibraryChange): void {
    if (change.kind === 'briefings') {
      if (listLoaded.value) void loadList()
      if (current.value && (change.ids.length === 0 || change.ids.includes(current.value.id)))
        void reloadCurrent()
      return
    }
    if (!current.value) return
    void loadReferences()
    void refreshPreview()
  }

  /** Keeps the list and the open briefing current with library changes; answers how to stop. */
  function watchLibrary(): () => void {
    listeners += 1
    if (listeners === 1) stopListening = onLibraryChanged(onChange)
    let stopped = false
    return () => {
      if (stopped) return
      stopped = true
      listeners -= 1
      if (listeners === 0 && stopListening) {
        stopListening()
        stopListening = null
      }
    }
  }

  return {
    briefings,
    listLoaded,
    listLoading,
    current,
    currentError,
    saveState,
    preview,
    previewLoading,
    exporting,
    announcement,
    removals,
    quoteRefs,
    clippingRefs,
    referencesLoading,
    libraryQuery,
    libraryQuotes,
    libraryClippings,
    librarySearching,
    includeSuggestions,
    shownLibraryQuotes,
    hiddenSuggestionCount,
    unconfirmedQuotes,
    recentBriefings,
    titleProblem,
    usedRefIds,
    flush,
    hasUnsavedChanges,
    loadList,
    createBriefing,
    deleteBriefing,
    open,
    close,
    refreshPreview,
    loadReferences,
    setTitle,
    setDate,
    setAuthor,
    setHeading,
    setComment,
    setNoteText,
    addSection,
    removeSection,
    moveSection,
    addItem,
    addFromLibrary,
    removeItem,
    restore,
    undoLast,
    moveItem,
    moveItemBy,
    unconfirmedBeforeExport,
    exportCurrent,
    addReference,
    searchLibrary,
    watchLibrary
  }
})

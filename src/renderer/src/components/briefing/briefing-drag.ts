import type { ClippingSummary, QuoteInContext } from '@shared/api'

/** The drag data type of a briefing item being moved; its data is the item id. */
export const ITEM_DRAG_TYPE = 'application/x-clipdesk-briefing-item'

/** The drag data type of a library quote or clipping being added; its data is JSON. */
export const REFERENCE_DRAG_TYPE = 'application/x-clipdesk-reference'

/** A library quote or clipping dragged into a section. */
export type DraggedReference =
  { kind: 'quote'; quote: QuoteInContext } | { kind: 'clipping'; clipping: ClippingSummary }

/** Whether a drag carries something a section accepts. */
export function carriesBriefingDrop(types: readonly string[]): boolean {
  return types.includes(ITEM_DRAG_TYPE) || types.includes(REFERENCE_DRAG_TYPE)
}

/** Reads a dragged library reference; null when the data is not one. */
export function readDraggedReference(data: string): DraggedReference | null {
  try {
    const value = JSON.parse(data) as Partial<{ kind: string; quote: unknown; clipping: unknown }>
    if (value.kind === 'quote' && value.quote) return value as DraggedReference
    if (value.kind === 'clipping' && value.clipping) return value as DraggedReference
    return null
  } catch {
    return null
  }
}

/**
 * Where a drop at a vertical position lands among items laid out top to bottom: the index of the
 * first item whose middle lies below the pointer, or after the last item.
 */
export function dropIndexAt(
  itemBoxes: readonly { top: number; height: number }[],
  y: number
): number {
  const index = itemBoxes.findIndex((box) => y < box.top + box.height / 2)
  return index === -1 ? itemBoxes.length : index
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric'
})

/** Formats an ISO date or timestamp for lists ("3 Mar 2022"); answers the input if unreadable. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return ''
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00` : value)
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date)
}

/** The date part (YYYY-MM-DD) of an ISO value, for a date input; empty when there is none. */
export function dateInputValue(value: string | null | undefined): string {
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value ?? '')
  return match ? match[0] : ''
}

/** Shortens text to at most `length` characters on a word boundary, with an ellipsis. */
export function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= length) return flat
  const cut = flat.slice(0, length - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > length * 0.6 ? cut.slice(0, space) : cut}…`
}

/** The field value as stored: trimmed, or null when empty. */
export function nullIfBlank(value: string): string | null {
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

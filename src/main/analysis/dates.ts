const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12
}

const ZONES: Readonly<Record<string, string>> = {
  gmt: 'Z',
  utc: 'Z',
  z: 'Z',
  bst: '+01:00',
  ist: '+01:00',
  cet: '+01:00',
  cest: '+02:00',
  eet: '+02:00',
  eest: '+03:00',
  msk: '+03:00',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  pst: '-08:00',
  pdt: '-07:00'
}

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
// The time follows the date after a comma, "at", or a separator such as "•", "|" or "-".
const TIME =
  '(?:(?:,?\\s+(?:at\\s+)?|\\s*[•·|–—-]\\s*)(\\d{1,2})[.:](\\d{2})(?:[.:](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?(?:\\s*(gmt|utc|bst|ist|cet|cest|eet|eest|msk|est|edt|cst|cdt|pst|pdt)\\b)?)?'

const ISO_DATE =
  /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?![\d-])/i
const DAY_MONTH_YEAR = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\s*,?\\s+(\\d{4})\\b${TIME}`,
  'i'
)
const MONTH_DAY_YEAR = new RegExp(
  `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})\\b${TIME}`,
  'i'
)

interface DateParts {
  year: number
  month: number
  day: number
  hour?: number
  minute?: number
  second?: number
  zone?: string
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0')
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function format(parts: DateParts): string | null {
  const { year, month, day } = parts
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return null
  if (day < 1 || day > daysInMonth(year, month)) return null
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`
  if (parts.hour === undefined || parts.minute === undefined) return date
  if (parts.hour > 23 || parts.minute > 59 || (parts.second ?? 0) > 59) return date
  return `${date}T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second ?? 0)}${parts.zone ?? ''}`
}

function clockParts(
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  meridiem: string | undefined,
  zone: string | undefined
): Partial<DateParts> {
  if (hour === undefined || minute === undefined) return {}
  let hours = Number(hour)
  const half = meridiem?.replace(/\./g, '').toLowerCase()
  if (half === 'pm' && hours < 12) hours += 12
  if (half === 'am' && hours === 12) hours = 0
  return {
    hour: hours,
    minute: Number(minute),
    second: second === undefined ? undefined : Number(second),
    zone: zone ? ZONES[zone.toLowerCase()] : undefined
  }
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase()
  return MONTHS[lower.slice(0, lower.startsWith('sept') ? 4 : 3)] ?? 0
}

function isoZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined
  if (zone.toUpperCase() === 'Z') return 'Z'
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`
}

/**
 * A date matched by DAY_MONTH_YEAR or MONTH_DAY_YEAR: the day and month in the given groups, the
 * year in group 3 and the time in groups 4 to 8.
 */
function namedMonthDate(
  match: RegExpExecArray,
  dayGroup: number,
  monthGroup: number
): { index: number; value: string | null } {
  return {
    index: match.index,
    value: format({
      year: Number(match[3]),
      month: monthNumber(match[monthGroup]!),
      day: Number(match[dayGroup]),
      ...clockParts(match[4], match[5], match[6], match[7], match[8])
    })
  }
}

/**
 * The first calendar date in a piece of text as ISO 8601: 'YYYY-MM-DD', or with the time
 * ('YYYY-MM-DDTHH:MM:SS', plus 'Z' or an offset when a zone such as GMT or BST is named).
 * Reads '2026-11-24', '24 November 2026', 'Tuesday 24 November 2026 14.05 GMT', 'Nov. 24, 2026'.
 */
export function findDate(text: string): string | null {
  return findDateSpan(text)?.value ?? null
}

/** Where the first readable date in a text starts, and its ISO 8601 value (see `findDate`). */
export function findDateSpan(text: string): { index: number; value: string } | null {
  const candidates: { index: number; value: string | null }[] = []
  const iso = ISO_DATE.exec(text)
  if (iso) {
    candidates.push({
      index: iso.index,
      value: format({
        year: Number(iso[1]),
        month: Number(iso[2]),
        day: Number(iso[3]),
        hour: iso[4] === undefined ? undefined : Number(iso[4]),
        minute: iso[5] === undefined ? undefined : Number(iso[5]),
        second: iso[6] === undefined ? undefined : Number(iso[6]),
        zone: isoZone(iso[7])
      })
    })
  }
  const dayFirst = DAY_MONTH_YEAR.exec(text)
  if (dayFirst) candidates.push(namedMonthDate(dayFirst, 1, 2))
  const monthFirst = MONTH_DAY_YEAR.exec(text)
  if (monthFirst) candidates.push(namedMonthDate(monthFirst, 2, 1))
  candidates.sort((a, b) => a.index - b.index)
  const found = candidates.find((candidate) => candidate.value !== null)
  return found?.value ? { index: found.index, value: found.value } : null
}

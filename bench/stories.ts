import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { analyzePaste } from '../src/main/analysis'
import { overlapEnough } from './analysis-accuracy'

/** One quote in a story's hand key. */
export interface KeyedQuote {
  text?: string
  from?: string
  to?: string
  nth?: number
  speaker: string | null | (string | null)[]
  optional?: boolean
}

/** What a set of stories scored. */
export interface StoryFigures {
  stories: number
  quotes: number
  found: number
  exact: number
  speakerRight: number
}

const TITLES = /^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Judge)\.?\s+)+/u

function plainName(name: string): string {
  return name.trim().replace(TITLES, '').trim()
}

/** Where a keyed quote stands in its story (its `nth` occurrence, or from its first to last words). */
export function keyedSpan(body: string, quote: KeyedQuote): { start: number; end: number } | null {
  if (quote.text !== undefined) {
    let start = -1
    for (let n = 0; n <= (quote.nth ?? 0); n++) start = body.indexOf(quote.text, start + 1)
    return start < 0 ? null : { start, end: start + quote.text.length }
  }
  const start = body.indexOf(quote.from ?? '')
  const last = start < 0 ? -1 : body.indexOf(quote.to ?? '', start)
  return last < 0 ? null : { start, end: last + (quote.to ?? '').length }
}

/**
 * Scores the analyser on a folder of invented stories (`NAME.txt` with a hand key `NAME.json`):
 * every non-optional quote found, its span exact, and its speaker one the key accepts (titles
 * such as "Mr" ignored; null where the story names no one).
 */
export function scoreStories(folder: string): StoryFigures {
  const figures: StoryFigures = { stories: 0, quotes: 0, found: 0, exact: 0, speakerRight: 0 }
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()) {
    const body = readFileSync(join(folder, file), 'utf8')
    const key = JSON.parse(readFileSync(join(folder, file.replace(/\.txt$/, '.json')), 'utf8')) as {
      quotes: KeyedQuote[]
    }
    const quotes = analyzePaste({ text: body }).quotes
    figures.stories++
    for (const keyed of key.quotes) {
      if (keyed.optional) continue
      const span = keyedSpan(body, keyed)
      if (!span) throw new Error(`${file}: a keyed quote is not in the story`)
      figures.quotes++
      const proposal = quotes.find((q) => overlapEnough(q, span))
      if (!proposal) continue
      figures.found++
      if (proposal.start === span.start && proposal.end === span.end) figures.exact++
      const accepted = (Array.isArray(keyed.speaker) ? keyed.speaker : [keyed.speaker]).map(
        (name) => (name === null ? null : plainName(name))
      )
      const said = proposal.speaker === null ? null : plainName(proposal.speaker)
      if (accepted.includes(said)) figures.speakerRight++
    }
  }
  return figures
}

function percent(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(1)}%` : '-'
}

/** Prints the story figures for `bench/stories/tuning` and `bench/stories/held-out`. */
export async function runStoriesBench(): Promise<void> {
  const root = resolve(process.cwd(), 'bench/stories')
  for (const [set, about] of [
    ['tuning', 'used while writing the rules'],
    ['held-out', 'first scored after most rules were written']
  ] as const) {
    const folder = join(root, set)
    if (!existsSync(folder)) {
      console.log(`Stories: ${folder} missing; skipped.`)
      continue
    }
    const f = scoreStories(folder)
    console.log(
      `Stories, ${set} (${f.stories} invented British, Irish, Australian, wire and US stories, ${about}): ` +
        `${f.found} of ${f.quotes} quotes found (${f.exact} spans exact), speaker right for ` +
        `${f.speakerRight} (${percent(f.speakerRight, f.quotes)})`
    )
  }
}

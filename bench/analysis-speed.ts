import { MAX_PASTE_BYTES } from '@shared/model'
import { analyzePaste } from '../src/main/analysis'

const WARM_UP_RUNS = 10
const TIMED_RUNS = 60
const MEMORY_RUNS = 1000

const PEOPLE = [
  ['UK Foreign Secretary', 'Liz', 'Truss', 'Ms'],
  ['Prime Minister', 'Boris', 'Johnson', 'Mr'],
  ['Defence Secretary', 'Ben', 'Wallace', 'Mr'],
  ['Nato Secretary General', 'Jens', 'Stoltenberg', 'Mr'],
  ['Energy Minister', 'Herman', 'Halushchenko', 'Mr'],
  ['Shadow Chancellor', 'Rachel', 'Reeves', 'Ms']
] as const
const PLACES = ['Kyiv', 'Moscow', 'Brussels', 'London', 'Kharkiv', 'Warsaw']
const ORGANISATIONS = ['the Kremlin', 'Nato', 'the Ministry of Defence', 'the European Union']

/** A deterministic pseudo-random sequence, so every run times the same article. */
function sequence(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

/** A synthetic British-style news article of about `words` words, with quotes and a footer. */
export function syntheticArticle(words: number, seed = 7): string {
  const random = sequence(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const paragraphs = [
    'Ministers warn of ‘long winter’ as talks stall',
    'By Jane Smith, Political Correspondent',
    'Tuesday 24 November 2026 14.05 GMT'
  ]
  let count = 0
  while (count < words) {
    const [role, first, last, honorific] = pick(PEOPLE)
    const place = pick(PLACES)
    const organisation = pick(ORGANISATIONS)
    const templates = [
      `${role} ${first} ${last} said in ${place} that ${organisation} would not be allowed to ‘tighten the vice’ on Ukraine’s economy this winter.`,
      `Speaking to reporters in ${place}, ${honorific} ${last} said: ‘We won’t stand by while the Ukrainians’ homes go cold. Our allies agree, and they’re ready to act.’`,
      `‘This is a test of our resolve,’ ${honorific} ${last} told The Times. ‘It doesn’t end with one winter.’`,
      `Officials from ${organisation} met in ${place} on Monday, according to a statement, and agreed to meet again before the end of the month.`,
      `In a video address, ${first} ${last} said: ‘Nobody should doubt that we will keep our promises to the people of ${place}.’`
    ]
    const paragraph = pick(templates)
    paragraphs.push(paragraph)
    count += paragraph.split(/\s+/).length
  }
  paragraphs.push(
    'Get in touch with our news team by emailing us at webnews@metro.co.uk.',
    'For more stories like this, check our news page.'
  )
  return paragraphs.join('\n\n')
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function timeOnce(text: string): number {
  const started = process.hrtime.bigint()
  analyzePaste({ text })
  return Number(process.hrtime.bigint() - started) / 1e6
}

function medianMilliseconds(text: string): number {
  for (let run = 0; run < WARM_UP_RUNS; run++) timeOnce(text)
  const times: number[] = []
  for (let run = 0; run < TIMED_RUNS; run++) times.push(timeOnce(text))
  return median(times)
}

function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) return false
  gc()
  return true
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** Prints how fast the analyser is (1,000 and 10,000 words, 5 MB) and whether memory stays flat. */
export async function runAnalysisSpeedBench(): Promise<void> {
  const short = syntheticArticle(1000)
  const long = syntheticArticle(10000)
  const shortWords = short.split(/\s+/).length
  const longWords = long.split(/\s+/).length
  console.log(
    `analysis: ${shortWords} words median ${medianMilliseconds(short).toFixed(2)} ms over ${TIMED_RUNS} runs (target ≤ 10 ms)`
  )
  console.log(
    `analysis: ${longWords} words median ${medianMilliseconds(long).toFixed(2)} ms over ${TIMED_RUNS} runs (target ≤ 100 ms)`
  )

  let huge = long
  while (Buffer.byteLength(huge, 'utf8') < MAX_PASTE_BYTES) huge += `\n\n${long}`
  while (Buffer.byteLength(huge, 'utf8') > MAX_PASTE_BYTES) huge = huge.slice(0, -1000)
  const hugeStarted = process.hrtime.bigint()
  analyzePaste({ text: huge })
  const hugeMs = Number(process.hrtime.bigint() - hugeStarted) / 1e6
  console.log(
    `analysis: ${megabytes(Buffer.byteLength(huge, 'utf8'))} of text analysed in ${hugeMs.toFixed(0)} ms (target < 2000 ms)`
  )
  try {
    analyzePaste({ text: `${huge}${'x'.repeat(2000)}` })
    console.log('analysis: a paste over the limit was accepted (unexpected)')
  } catch (error) {
    console.log(`analysis: a paste over the limit is refused: ${(error as Error).message}`)
  }

  const measured = collectGarbage()
  const before = process.memoryUsage().heapUsed
  for (let run = 0; run < MEMORY_RUNS; run++) analyzePaste({ text: short })
  collectGarbage()
  const after = process.memoryUsage().heapUsed
  console.log(
    `analysis: heap ${megabytes(before)} before and ${megabytes(after)} after ${MEMORY_RUNS} analyses` +
      (measured ? '' : ' (run node with --expose-gc for exact figures)')
  )
}

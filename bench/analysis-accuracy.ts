import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { attributeQuotes, type QuoteAnalysis } from '../src/main/analysis/quotes/index'

/** A gold quote in the evaluation corpus. */
interface GoldQuote {
  start: number
  end: number
  speaker: string
  speakerKind: 'name' | 'pronoun' | 'generic' | 'none'
}

interface CorpusArticle {
  id: string
  text: string
  quotes: GoldQuote[]
  otherQuoted: { start: number; end: number }[]
}

/** Options for the accuracy benchmark. */
export interface AccuracyBenchOptions {
  /** Corpus file; defaults to `$ANALYSIS_BENCH_FILE` or `../shared/corpus/polnear/dev.jsonl`. */
  file?: string
  /** How many examples of each failure kind to print (ids and offsets only); default 0. */
  examples?: number
}

/** The figures the benchmark prints, returned for tests and scripts. */
export interface AccuracyFigures {
  articles: number
  gold: number
  proposed: number
  matched: number
  precision: number
  recall: number
  f1: number
  nameGold: number
  nameMatched: number
  nameRight: number
  /** Right by the last word of the whole gold string, apposition included. */
  nameRightStrict: number
  pronounMatched: number
  pronounNamed: number
  failures: Map<string, number>
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you', 'him', 'her', 'them'])

/** True when two spans overlap by at least 80% of their union, the corpus's rule for a match. */
export function overlapEnough(
  a: { start: number; end: number },
  b: { start: number; end: number }
): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start)
  return overlap > 0 && overlap >= 0.8 * union
}

function lastWord(name: string): string {
  const words = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
  return words[words.length - 1] ?? ''
}

/**
 * The name in a gold speaker string, without the apposition or party tag the corpus keeps after it:
 * "Kevin Brady, chairman of the committee," → "Kevin Brady"; "Sen. Bernie Sanders (I-Vt.)" →
 * "Sen. Bernie Sanders".
 */
export function goldName(speaker: string): string {
  const cut = speaker.search(/[,(]|\s[—–]\s/u)
  let head = (cut > 0 ? speaker.slice(0, cut) : speaker).trim()
  // "Another critic, Laurence Tribe," names its person after the description.
  if (speaker[cut] === ',' && isDescription(head)) {
    const rest = speaker.slice(cut + 1)
    const end = rest.search(/[,(]|\s[—–]\s/u)
    const apposed = (end >= 0 ? rest.slice(0, end) : rest).trim()
    if (looksLikeName(apposed)) head = apposed
  }
  // "Stacy Baker of Columbia" and "Rep. Ann Lee of the teachers' union": the name ends before
  // "of" when a capitalised word that is no title ("Secretary of State") comes just before it.
  const of = / of (?:the )?\p{Lu}/u.exec(head)
  if (of && !/^(?:former|ex)\b/iu.test(head)) {
    const before = head.slice(0, of.index).split(/\s+/)
    const last = before[before.length - 1]
    if (before.length >= 2 && /^\p{Lu}\p{Ll}/u.test(last) && !TITLES.has(last)) {
      head = head.slice(0, of.index)
    }
  }
  // "Rubio’s" (as in "Rubio’s campaign said") names Rubio.
  head = head.replace(/['’]s?$/u, '')
  return head || speaker
}

/** Lower-case words that may come before a name in an apposition ("former Rep. Pat Lee"). */
const NAME_LEAD = new Set(['former', 'state', 'actress', 'actor', 'retired'])

/** True for "Laurence H. Tribe", "former Rep. Pat Lee" or "Dan and Jo Hale"; false for "who backs Cruz". */
function looksLikeName(phrase: string): boolean {
  const words = phrase.split(/\s+/).filter(Boolean)
  let k = 0
  while (k < words.length && NAME_LEAD.has(words[k])) k++
  const rest = words.slice(k)
  return (
    rest.length > 0 &&
    rest.length <= 6 &&
    /^\p{Lu}/u.test(rest[0]) &&
    rest.every((w) => /^["“]?\p{Lu}/u.test(w) || w === 'and')
  )
}

const TITLES = new Set(
  'Secretary Minister Director President Chairman Chairwoman Chair Governor Mayor Head Chief Speaker Leader Member Attorney General Department Ministry Office University Bank College School Institute Council Committee Board Court House'.split(
    ' '
  )
)

const DETERMINERS = new Set(['the', 'a', 'an', 'one', 'this', 'that', 'his', 'her', 'their', 'its'])

/**
 * True when a gold "name" is a description ("The president", "the Florida senator", "One
 * message"): its last word names no person, so a resolved name cannot score as right.
 */
export function isDescription(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => /\p{L}/u.test(w))
  if (words.length === 0) return false
  return DETERMINERS.has(words[0].toLowerCase()) || !/^\p{Lu}/u.test(words[words.length - 1])
}

function speakerRight(gold: string, ours: string | null): boolean {
  if (!ours) return false
  const words = new Set(
    ours
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
  )
  return words.has(lastWord(gold))
}

function count(failures: Map<string, number>, kind: string): void {
  failures.set(kind, (failures.get(kind) ?? 0) + 1)
}

/**
 * Scores `attributeQuotes` against a corpus file in the PolNeAR JSON Lines format; an article
 * found in `analysed` is scored on those quotes instead of being analysed again.
 */
export function scoreCorpus(
  articles: CorpusArticle[],
  examples = 0,
  analysed?: ReadonlyMap<CorpusArticle, QuoteAnalysis['quotes']>
): AccuracyFigures {
  const failures = new Map<string, number>()
  const shown = new Map<string, number>()
  const show = (kind: string, line: string) => {
    const seen = shown.get(kind) ?? 0
    if (seen >= examples) return
    shown.set(kind, seen + 1)
    console.log(`  [${kind}] ${line}`)
  }
  const figures: AccuracyFigures = {
    articles: articles.length,
    gold: 0,
    proposed: 0,
    matched: 0,
    precision: 0,
    recall: 0,
    f1: 0,
    nameGold: 0,
    nameMatched: 0,
    nameRight: 0,
    nameRightStrict: 0,
    pronounMatched: 0,
    pronounNamed: 0,
    failures
  }
  for (const article of articles) {
    const quotes = analysed?.get(article) ?? attributeQuotes(article.text).quotes
    figures.gold += article.quotes.length
    figures.proposed += quotes.length
    const used = new Set<number>()
    for (const gold of article.quotes) {
      if (gold.speakerKind === 'name') figures.nameGold++
      const k = quotes.findIndex((q, i) => !used.has(i) && overlapEnough(q, gold))
      if (k < 0) {
        const near = quotes.some((q) => q.start < gold.end && q.end > gold.start)
        const kind = near ? 'missed: boundary' : 'missed: not proposed'
        count(failures, kind)
        show(kind, `${article.id} ${gold.start}-${gold.end}`)
        continue
      }
      used.add(k)
      figures.matched++
      const ours = quotes[k].speaker
      if (gold.speakerKind === 'name') {
        figures.nameMatched++
        if (speakerRight(gold.speaker, ours)) figures.nameRightStrict++
        if (speakerRight(goldName(gold.speaker), ours)) figures.nameRight++
        else {
          const described = isDescription(goldName(gold.speaker)) ? ' (gold is a description)' : ''
          const kind =
            (ours ? 'wrong speaker: other name' : 'wrong speaker: none given') + described
          count(failures, kind)
          show(kind, `${article.id} ${gold.start}-${gold.end} gold=${gold.speaker} ours=${ours}`)
        }
      } else if (gold.speakerKind === 'pronoun') {
        figures.pronounMatched++
        if (ours && !PRONOUNS.has(ours.toLowerCase())) figures.pronounNamed++
        else {
          count(failures, 'pronoun left unresolved')
          show('pronoun left unresolved', `${article.id} ${gold.start}-${gold.end}`)
        }
      }
    }
    quotes.forEach((q, i) => {
      if (used.has(i)) return
      const other = article.otherQuoted.some((o) => overlapEnough(q, o))
      const kind = other ? 'spurious: unattributed quoted span' : 'spurious: other'
      count(failures, kind)
      show(kind, `${article.id} ${q.start}-${q.end} speaker=${q.speaker}`)
    })
  }
  figures.precision = figures.proposed ? figures.matched / figures.proposed : 0
  figures.recall = figures.gold ? figures.matched / figures.gold : 0
  const sum = figures.precision + figures.recall
  figures.f1 = sum ? (2 * figures.precision * figures.recall) / sum : 0
  return figures
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`
}

/**
 * Measures quote spans and speakers on the PolNeAR corpus beside the repository and prints the
 * figures. Set `ANALYSIS_BENCH_FILE=../shared/corpus/polnear/train.jsonl` (or pass `file`) to
 * measure another split.
 */
export async function runAnalysisAccuracyBench(options: AccuracyBenchOptions = {}): Promise<void> {
  const file = resolve(
    process.cwd(),
    options.file ?? process.env.ANALYSIS_BENCH_FILE ?? '../shared/corpus/polnear/dev.jsonl'
  )
  if (!existsSync(file)) {
    console.log(`Analysis accuracy: corpus missing at ${file}; skipped.`)
    return
  }
  const articles = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusArticle)
  const started = performance.now()
  const examples = options.examples ?? Number(process.env.ANALYSIS_BENCH_EXAMPLES ?? 0)
  const analysed = new Map(articles.map((a) => [a, attributeQuotes(a.text).quotes] as const))
  const f = scoreCorpus(articles, examples, analysed)
  const elapsed = performance.now() - started
  printFigures(
    `Analysis accuracy on ${file}: all ${f.articles} articles, '' read as a double quote mark` +
      ` (${elapsed.toFixed(0)} ms)`,
    f
  )
  // The corpus left quotes marked with typewriter '' (two apostrophes) unannotated: every such
  // quote scores as spurious. The second figure leaves those articles out.
  const annotated = articles.filter((a) => !hasUnannotatedTypewriterQuotes(a))
  if (annotated.length < articles.length) {
    printFigures(
      `  the same without the ${articles.length - annotated.length} articles that quote with ''` +
        ` (their gold lists none of those quotes, so each scores as spurious)`,
      scoreCorpus(annotated, 0, analysed)
    )
  }
}

/** True when an article quotes with '' marks, which the corpus's gold does not annotate. */
export function hasUnannotatedTypewriterQuotes(article: CorpusArticle): boolean {
  const pairs = article.text.split("''").length - 1
  return (
    pairs >= 4 && !article.quotes.some((q) => article.text.slice(q.start - 2, q.start) === "''")
  )
}

function printFigures(title: string, f: AccuracyFigures): void {
  const name = f.nameMatched ? f.nameRight / f.nameMatched : 0
  const nameOfAll = f.nameGold ? f.nameRight / f.nameGold : 0
  const nameStrict = f.nameMatched ? f.nameRightStrict / f.nameMatched : 0
  const pronoun = f.pronounMatched ? f.pronounNamed / f.pronounMatched : 0
  console.log(title)
  console.log(
    `  quote spans: precision ${percent(f.precision)}, recall ${percent(f.recall)}, F1 ${percent(f.f1)}` +
      ` (${f.matched} matched, ${f.proposed} proposed, ${f.gold} gold)`
  )
  console.log(
    `  speaker right (gold is a name): ${percent(name)} of ${f.nameMatched} found` +
      ` (${percent(nameOfAll)} of all ${f.nameGold}; ${percent(nameStrict)} if the gold's` +
      ` apposition counts as its name)`
  )
  console.log(
    `  pronoun gold given a named speaker: ${percent(pronoun)} of ${f.pronounMatched} found`
  )
  const kinds = [...f.failures.entries()].sort((a, b) => b[1] - a[1])
  console.log('  failures: ' + kinds.map(([kind, n]) => `${kind} ${n}`).join('; '))
}

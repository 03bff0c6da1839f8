import { parseArgs, type ParseArgsConfig } from 'node:util'
import { readFile, writeFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import { ApiError } from '@shared/api'
import { callCommand } from './api/dispatch'
import { openBackend, type Backend } from './backend'
import { startBrowserServer } from './server'
import { resolveDataDir } from './store/data-dir'
import { errorCode } from './store/durable-file'

/** Where the CLI writes; tests pass their own. */
export interface CliOutput {
  out: (text: string) => void
  err: (text: string) => void
}

const DATA_DIR_HELP = `  --data-dir DIR  the library folder (default: $CLIPDESK_DATA_DIR, else a per-user folder)
  -h, --help      show this help`

const USAGE: Record<string, string> = {
  main: `Usage: clipdesk <command> [options]

Commands:
  serve [--port N]                 run Clipdesk in your browser, on 127.0.0.1
  import FILE...                   add articles (.txt, .html, .md) to the library
  list [--json]                    list clippings, newest first
  briefings [--json]               list briefings
  export BRIEFING_ID --format md|pdf [--out FILE] [--paper A4|Letter]
                                   export a briefing as Markdown or PDF
  analyze FILE... [--json]         find quotes, speakers and metadata without saving

Every command takes:
${DATA_DIR_HELP}

Run \`clipdesk <command> --help\` for a command's options.`,
  serve: `Usage: clipdesk serve [--port N] [--data-dir DIR]

Serves the Clipdesk app and its API on http://127.0.0.1 only, guarded by a per-run token.
  --port N        the port to listen on (default: a free one)
${DATA_DIR_HELP}`,
  import: `Usage: clipdesk import FILE... [--data-dir DIR]

Adds each article (.txt, .html or .md) to the library, with its quotes proposed for review.
${DATA_DIR_HELP}`,
  list: `Usage: clipdesk list [--json] [--data-dir DIR]

Lists the clippings, newest first.
  --json          a JSON array: id, title, outlet, capturedAt, tags and body of each clipping
${DATA_DIR_HELP}`,
  briefings: `Usage: clipdesk briefings [--json] [--data-dir DIR]

Lists the briefings, newest first.
  --json          a JSON array of the briefings
${DATA_DIR_HELP}`,
  export: `Usage: clipdesk export BRIEFING_ID --format md|pdf [--out FILE] [--paper A4|Letter] [--data-dir DIR]

Exports a briefing. PDF needs Chromium or Google Chrome (set CHROMIUM_PATH if it is elsewhere).
  --format md|pdf   Markdown or PDF (required)
  --out FILE        where to write (default: a name from the title, in this folder)
  --paper A4|Letter the PDF's paper size (default: A4)
${DATA_DIR_HELP}`,
  analyze: `Usage: clipdesk analyze FILE... [--json]

Finds quotes, speakers, people, organisations, places and metadata in each article; saves nothing.
  --json          one JSON object a line (JSON Lines), one line a file
  -h, --help      show this help`
}

class UsageError extends Error {}

const common = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const

const OPTIONS = {
  serve: { ...common, port: { type: 'string' } },
  import: { ...common },
  list: { ...common, json: { type: 'boolean' } },
  briefings: { ...common, json: { type: 'boolean' } },
  export: {
    ...common,
    format: { type: 'string' },
    out: { type: 'string' },
    paper: { type: 'string' }
  },
  analyze: { help: common.help, json: { type: 'boolean' } }
} satisfies Record<string, ParseArgsConfig['options']>

type CommandName = keyof typeof OPTIONS

function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(OPTIONS, name)
}

function parse<C extends CommandName>(command: C, args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS[command], allowPositionals: true, strict: true })
  } catch (cause) {
    throw new UsageError((cause as Error).message)
  }
}

/** Tells the user what opening the library had to do, such as recovering a damaged file. */
function reportNotices(backend: Backend, io: CliOutput): void {
  for (const notice of backend.store.notices) io.err(`clipdesk: ${notice.level}: ${notice.message}`)
}

async function withBackend<T>(
  dataDirFlag: string | undefined,
  io: CliOutput,
  run: (backend: Backend) => Promise<T>
): Promise<T> {
  const backend = await openBackend({ dataDir: resolveDataDir({ flag: dataDirFlag }), mode: 'cli' })
  reportNotices(backend, io)
  try {
    return await run(backend)
  } finally {
    await backend.close()
  }
}

function pad(text: string, width: number): string {
  return text.length >= width ? text.slice(0, width - 1) + '…' : text.padEnd(width)
}

async function runServe(args: string[], io: CliOutput): Promise<number> {
  const { values, positionals } = parse('serve', args)
  if (values.help) return help('serve', io)
  if (positionals.length > 0)
    throw new UsageError(`serve takes no file names (got ${positionals[0]})`)
  let port = 0
  if (values.port !== undefined) {
    port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port takes a number from 0 to 65535 (got ${values.port})`)
    }
  }
  const backend = await openBackend({
    dataDir: resolveDataDir({ flag: values['data-dir'] }),
    mode: 'browser',
    warmUpAnalysis: true
  })
  let server
  try {
    server = await startBrowserServer({
      dispatch: backend.dispatch,
      subscribe: (listener) => backend.store.onChange(listener),
      rendererDir: resolve(__dirname, '../renderer'),
      port
    })
  } catch (cause) {
    await backend.close()
    throw cause
  }
  reportNotices(backend, io)
  io.out(`Clipdesk is running in browser mode at ${server.url}`)
  io.out(`Library: ${backend.dataDir}`)
  io.out('Press Ctrl+C to stop.')
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      done()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  // Saved changes are on disk before a command answers; should closing hang, do not hang with it.
  const watchdog = setTimeout(() => {
    io.err('clipdesk serve: stopping took over 10 s; exiting now.')
    process.exit(1)
  }, 10_000)
  watchdog.unref()
  await server.close()
  await backend.close()
  return 0
}

async function runImport(args: string[], io: CliOutput): Promise<number> {
  const { values, positionals } = parse('import', args)
  if (values.help) return help('import', io)
  if (positionals.length === 0) throw new UsageError('import needs at least one FILE')
  let failed = 0
  const { importArticle } = await import('./import-article')
  await withBackend(values['data-dir'], io, async (backend) => {
    for (const file of positionals) {
      try {
        const saved = await importArticle(backend.store, await readArticleFile(file), file)
        io.out(
          `Imported ${file}: “${saved.title}” with ${saved.quotes} quote(s) proposed (id ${saved.id})`
        )
      } catch (cause) {
        failed++
        io.err(`clipdesk: could not import ${file}: ${describe(cause)}`)
      }
    }
  })
  return failed > 0 ? 1 : 0
}

async function runList(args: string[], io: CliOutput): Promise<number> {
  const { values, positionals } = parse('list', args)
  if (values.help) return help('list', io)
  if (positionals.length > 0)
    throw new UsageError(`list takes no arguments (got ${positionals[0]})`)
  await withBackend(values['data-dir'], io, async (backend) => {
    const summaries = []
    for (let offset = 0; ; offset += 1000) {
      const page = await callCommand(backend.dispatch, 'clippings.list', { offset, limit: 1000 })
      summaries.push(...page.items)
      if (page.items.length < 1000) break
    }
    if (values.json) {
      const clippings = summaries.map((summary) => {
        const clipping = backend.store.getClippingRecord(summary.id)
        return {
          id: summary.id,
          title: summary.title,
          outlet: summary.outlet,
          capturedAt: summary.capturedAt,
          tags: summary.tags,
          body: clipping?.body ?? ''
        }
      })
      io.out(JSON.stringify(clippings, null, 2))
      return
    }
    if (summaries.length === 0) {
      io.out('The library is empty. Add articles with `clipdesk import FILE...`.')
      return
    }
    for (const c of summaries) {
      const date = (c.publishedAt ?? c.capturedAt).slice(0, 10)
      const tags = c.tags.length > 0 ? `  [${c.tags.join(', ')}]` : ''
      io.out(
        `${c.id}  ${date}  ${pad(c.outlet ?? '—', 18)}  ${c.title}  (${c.quoteCount} quotes)${tags}`
      )
    }
  })
  return 0
}

async function runBriefings(args: string[], io: CliOutput): Promise<number> {
  const { values, positionals } = parse('briefings', args)
  if (values.help) return help('briefings', io)
  if (positionals.length > 0) {
    throw new UsageError(`briefings takes no arguments (got ${positionals[0]})`)
  }
  await withBackend(values['data-dir'], io, async (backend) => {
    const briefings = await callCommand(backend.dispatch, 'briefings.list', {})
    if (values.json) {
      io.out(JSON.stringify(briefings, null, 2))
      return
    }
    if (briefings.length === 0) {
      io.out('There are no briefings yet. Compose one in the app.')
      return
    }
    for (const b of briefings) {
      const items = b.sections.reduce((n, s) => n + s.items.length, 0)
      io.out(
        `${b.id}  ${b.date.slice(0, 10)}  ${b.title}  (${b.sections.length} sections, ${items} items)`
      )
    }
  })
  return 0
}

async function runExport(args: string[], io: CliOutput): Promise<number> {
  const { values, positionals } = parse('export', args)
  if (values.help) return help('export', io)
  if (positionals.length !== 1) throw new UsageError('export needs exactly one BRIEFING_ID')
  const format = values.format
  if (format !== 'md' && format !== 'pdf') {
    throw new UsageError(`--format must be md or pdf (got ${format ?? 'nothing'})`)
  }
  const paper = values.paper ?? 'A4'
  if (paper !== 'A4' && paper !== 'Letter') {
    throw new UsageError(`--paper must be A4 or Letter (got ${paper})`)
  }
  await withBackend(values['data-dir'], io, async (backend) => {
    const file = await callCommand(backend.dispatch, 'briefings.export', {
      id: positionals[0],
      format,
      paper
    })
    const target = resolve(values.out ?? file.fileName)
    await writeFile(target, Buffer.from(file.base64, 'base64'))
    io.out(`Exported ${target}`)
  })
  return 0
}

async function runAnalyze(args: string[], io: CliOutput): Promise<number> {
  const { values, positionals } = parse('analyze', args)
  if (values.help) return help('analyze', io)
  if (positionals.length === 0) throw new UsageError('analyze needs at least one FILE')
  const { analyzePaste } = await import('./analysis')
  const { formatAnalysisJsonLine, formatAnalysisSummary } = await import('./analysis/cli-output')
  let failed = 0
  for (const file of positionals) {
    let input
    try {
      input = await readArticleFile(file)
    } catch (cause) {
      failed++
      io.err(`clipdesk: cannot read ${file}: ${describe(cause)}`)
      continue
    }
    try {
      const analysis = analyzePaste(input)
      io.out(
        values.json ? formatAnalysisJsonLine(file, analysis) : formatAnalysisSummary(file, analysis)
      )
    } catch (cause) {
      failed++
      io.err(`clipdesk: cannot analyse ${file}: ${describe(cause)}`)
    }
  }
  return failed > 0 ? 1 : 0
}

/** Reads an article file as the analyser's input: HTML for .html/.htm, text otherwise. */
export async function readArticleFile(file: string): Promise<{ text?: string; html?: string }> {
  const bytes = await readFile(file)
  const content = bytes.toString('utf8')
  const kind = extname(file).toLowerCase()
  return kind === '.html' || kind === '.htm' ? { html: content } : { text: content }
}

function describe(cause: unknown): string {
  if (cause instanceof ApiError) return cause.message
  const code = errorCode(cause)
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EACCES') return 'permission denied'
  if (code === 'EISDIR') return 'it is a folder, not a file'
  return cause instanceof Error ? cause.message : String(cause)
}

function help(command: string, io: CliOutput): number {
  io.out(USAGE[command] ?? USAGE.main)
  return 0
}

const RUNNERS: Record<CommandName, (args: string[], io: CliOutput) => Promise<number>> = {
  serve: runServe,
  import: runImport,
  list: runList,
  briefings: runBriefings,
  export: runExport,
  analyze: runAnalyze
}

/** Runs the `clipdesk` command line; answers the exit code (2 for a usage error). */
export async function runCli(
  argv: string[],
  io: CliOutput = { out: (t) => console.log(t), err: (t) => console.error(t) }
): Promise<number> {
  const [command, ...args] = argv
  if (command === undefined) {
    io.err(USAGE.main)
    return 2
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE.main)
    return 0
  }
  if (!isCommandName(command)) {
    io.err(`clipdesk: unknown command “${command}”\n`)
    io.err(USAGE.main)
    return 2
  }
  try {
    return await RUNNERS[command](args, io)
  } catch (cause) {
    if (cause instanceof UsageError) {
      io.err(`clipdesk ${command}: ${cause.message}\n`)
      io.err(USAGE[command])
      return 2
    }
    io.err(`clipdesk ${command}: ${describe(cause)}`)
    return 1
  }
}

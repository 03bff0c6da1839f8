import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { callCommand } from './api/dispatch'
import { openBackend } from './backend'
import { runCli } from './cli'

const SAMPLE = resolve(__dirname, '../../resources/samples/harbour-talks.txt')

function capture(): {
  io: { out: (t: string) => void; err: (t: string) => void }
  out: string[]
  err: string[]
} {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (t) => out.push(t), err: (t) => err.push(t) }, out, err }
}

describe('clipdesk CLI', () => {
  let dataDir: string
  let work: string

  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'clipdesk-cli-'))
    dataDir = join(work, 'library')
  })

  afterEach(async () => {
    await rm(work, { recursive: true, force: true })
  })

  it('prints usage and exits 2 for no command, an unknown command or a bad option', async () => {
    const none = capture()
    expect(await runCli([], none.io)).toBe(2)
    expect(none.err.join('\n')).toContain('Usage: clipdesk <command>')

    const unknown = capture()
    expect(await runCli(['frobnicate'], unknown.io)).toBe(2)
    expect(unknown.err[0]).toBe('clipdesk: unknown command “frobnicate”\n')

    const badFlag = capture()
    expect(await runCli(['list', '--bogus', '--data-dir', dataDir], badFlag.io)).toBe(2)
    expect(badFlag.err.join('\n')).toContain('Usage: clipdesk list')

    const badFormat = capture()
    expect(
      await runCli(['export', 'x', '--format', 'docx', '--data-dir', dataDir], badFormat.io)
    ).toBe(2)
    expect(badFormat.err[0]).toBe('clipdesk export: --format must be md or pdf (got docx)\n')

    const badPort = capture()
    expect(await runCli(['serve', '--port', 'eighty'], badPort.io)).toBe(2)
    expect(await runCli(['serve', '--port', ''], capture().io)).toBe(2)
  })

  it('answers --help for every command with exit 0', async () => {
    for (const command of ['serve', 'import', 'list', 'briefings', 'export', 'analyze']) {
      const run = capture()
      expect(await runCli([command, '--help'], run.io)).toBe(0)
      expect(run.out[0]).toContain(`Usage: clipdesk ${command}`)
    }
  })

  it('imports an article and lists it as JSON with its body verbatim', async () => {
    const imported = capture()
    expect(await runCli(['import', SAMPLE, '--data-dir', dataDir], imported.io)).toBe(0)
    expect(imported.out[0]).toMatch(/^Imported .*harbour-talks\.txt: “Ministers agree/)

    const listed = capture()
    expect(await runCli(['list', '--json', '--data-dir', dataDir], listed.io)).toBe(0)
    const clippings = JSON.parse(listed.out.join('\n')) as Record<string, unknown>[]
    expect(clippings).toHaveLength(1)
    expect(Object.keys(clippings[0]).sort()).toEqual(
      ['body', 'capturedAt', 'id', 'outlet', 'tags', 'title'].sort()
    )
    expect(clippings[0].title).toBe(
      'Ministers agree emergency plan to reopen Black Sea grain route'
    )
    expect(clippings[0].body).toBe(await readFile(SAMPLE, 'utf8'))
  })

  it('reports a missing file by name, still imports the others, and exits 1', async () => {
    const run = capture()
    const missing = join(work, 'nowhere.txt')
    expect(await runCli(['import', missing, SAMPLE, '--data-dir', dataDir], run.io)).toBe(1)
    expect(run.err).toEqual([`clipdesk: could not import ${missing}: no such file`])
    expect(run.out).toHaveLength(1)
  })

  it('analyses files as JSON Lines in the contract, naming unreadable files on stderr', async () => {
    const run = capture()
    const missing = join(work, 'missing.txt')
    expect(await runCli(['analyze', missing, SAMPLE, '--json'], run.io)).toBe(1)
    expect(run.err).toEqual([`clipdesk: cannot read ${missing}: no such file`])
    expect(run.out).toHaveLength(1)
    const line = JSON.parse(run.out[0]) as Record<string, unknown>
    expect(Object.keys(line)).toEqual([
      'file',
      'title',
      'outlet',
      'byline',
      'publishedAt',
      'url',
      'boilerplate',
      'quotes',
      'people',
      'organisations',
      'places'
    ])
    expect(line.file).toBe(SAMPLE)
    const text = await readFile(SAMPLE, 'utf8')
    for (const quote of line.quotes as { start: number; end: number; text: string }[]) {
      expect(text.slice(quote.start, quote.end)).toBe(quote.text)
    }
  })

  it('exports a briefing as Markdown to the file named', async () => {
    const backend = await openBackend({ dataDir, mode: 'cli' })
    const briefing = await callCommand(backend.dispatch, 'briefings.create', {
      title: 'Morning grain briefing',
      date: '2026-11-24',
      author: 'Desk'
    })
    await backend.close()

    const empty = capture()
    expect(await runCli(['briefings', '--data-dir', dataDir], empty.io)).toBe(0)
    expect(empty.out[0]).toContain('Morning grain briefing')

    const out = join(work, 'brief.md')
    const run = capture()
    expect(
      await runCli(
        ['export', briefing.id, '--format', 'md', '--out', out, '--data-dir', dataDir],
        run.io
      )
    ).toBe(0)
    expect(run.out).toEqual([`Exported ${out}`])
    expect(await readFile(out, 'utf8')).toMatch(/^# Morning grain briefing\n/)

    const unknown = capture()
    expect(
      await runCli(['export', 'no-such-id', '--format', 'md', '--data-dir', dataDir], unknown.io)
    ).toBe(1)
  })

  it('says so when it had to recover a damaged library file, and still lists the clipping', async () => {
    expect(await runCli(['import', SAMPLE, '--data-dir', dataDir], capture().io)).toBe(0)
    const month = join(dataDir, 'clippings', (await readdir(join(dataDir, 'clippings')))[0])
    await writeFile(month, (await readFile(month, 'utf8')).slice(0, 200))
    const run = capture()
    expect(await runCli(['list', '--data-dir', dataDir], run.io)).toBe(0)
    expect(run.err).toHaveLength(1)
    expect(run.err[0]).toMatch(/^clipdesk: warning: .*quarantine/)
    expect(run.out.join('\n')).toContain('Ministers agree emergency plan')
  })

  it('refuses a data folder that is a file, saying so', async () => {
    const file = join(work, 'not-a-folder')
    await writeFile(file, 'x')
    const run = capture()
    expect(await runCli(['list', '--data-dir', file], run.io)).toBe(1)
    expect(run.err[0]).toMatch(/^clipdesk list: /)
  })
})

import { expect, test } from '@playwright/test'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const CLI = resolve(__dirname, '..', 'bin', 'clipdesk.js')

interface Outcome {
  child: ChildProcess
  opened: boolean
  output: string
}

/** Starts `clipdesk serve` and settles when it either serves the library or exits. */
function serve(dataDir: string): Promise<Outcome> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  return new Promise((settle) => {
    const read = (chunk: Buffer): void => {
      output += chunk.toString()
      if (output.includes('running in browser mode')) settle({ child, opened: true, output })
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', () => settle({ child, opened: false, output }))
  })
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  await new Promise<void>((done) => {
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })
}

test('of several Clipdesks started at once over a crashed one’s lock, exactly one opens the library', async () => {
  test.setTimeout(120_000)
  // The pid of a process that has exited stands for the Clipdesk that crashed.
  const crashed = spawnSync(process.execPath, ['-e', '0']).pid
  for (let round = 0; round < 4; round++) {
    const dataDir = await mkdtemp(join(tmpdir(), 'clipdesk-lock-race-'))
    const outcomes: Outcome[] = []
    try {
      await writeFile(
        join(dataDir, 'clipdesk.lock'),
        JSON.stringify({ pid: crashed, host: hostname() })
      )
      outcomes.push(...(await Promise.all(Array.from({ length: 5 }, () => serve(dataDir)))))
      const opened = outcomes.filter((o) => o.opened)
      expect(opened, outcomes.map((o) => o.output).join('\n---\n')).toHaveLength(1)
      for (const refused of outcomes.filter((o) => !o.opened)) {
        expect(refused.output).toMatch(/another Clipdesk/i)
      }
      const lock = JSON.parse(await readFile(join(dataDir, 'clipdesk.lock'), 'utf8'))
      expect(lock.pid).toBe(opened[0].child.pid)
    } finally {
      await Promise.all(outcomes.map((o) => stop(o.child)))
      await rm(dataDir, { recursive: true, force: true })
    }
  }
})

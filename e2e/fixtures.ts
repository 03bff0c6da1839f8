import { test as base, expect } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** A browser-mode Clipdesk server started for one test, on its own library folder. */
export interface ClipdeskServer {
  /** The address `clipdesk serve` printed, with its launch key: what a user opens. */
  url: string
  /** `http://127.0.0.1:PORT/`, for requests that are not the page. */
  origin: string
  dataDir: string
  /** Stops the server and starts it again on the same library (what a relaunch does). */
  restart(): Promise<void>
}

const CLI = resolve(__dirname, '..', 'bin', 'clipdesk.js')

/** Starts `clipdesk serve` and waits for the address it prints. */
export async function startServer(
  dataDir: string
): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`clipdesk serve did not start:\n${output}`)),
      20_000
    )
    const read = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /running in browser mode at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`clipdesk serve exited with ${code}:\n${output}`))
    })
  })
  return { url, process: child }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  await new Promise<void>((done) => {
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })
}

/** Playwright's test with a fresh Clipdesk server per test. */
export const test = base.extend<{ clipdesk: ClipdeskServer }>({
  clipdesk: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'clipdesk-e2e-'))
    let running = await startServer(dataDir)
    const server: ClipdeskServer = {
      get url() {
        return running.url
      },
      get origin() {
        return new URL('/', running.url).href
      },
      dataDir,
      restart: async () => {
        await stop(running.process)
        running = await startServer(dataDir)
      }
    }
    await use(server)
    await stop(running.process)
    await rm(dataDir, { recursive: true, force: true })
  }
})

export { expect }

import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { open, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ApiError } from '@shared/api'
import { errorCode } from './durable-file'

/** The name of the lock file inside the library folder. */
export const LOCK_FILE_NAME = 'clipdesk.lock'

/** A held library lock. */
export interface LibraryLock {
  /** Gives the library up for another Clipdesk; safe to call twice. */
  release(): Promise<void>
}

interface LockContent {
  pid: number
  host: string
}

// A lock file with no readable owner younger than this may be one another process is still writing.
const UNREADABLE_LOCK_GRACE_MS = 5000

/** Takes the single-writer lock of a library folder, taking over a lock left by a dead process. */
export async function acquireLibraryLock(dataDir: string): Promise<LibraryLock> {
  const file = join(dataDir, LOCK_FILE_NAME)
  const mine: LockContent = { pid: process.pid, host: hostname() }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx')
      try {
        await handle.writeFile(JSON.stringify(mine))
        await handle.sync()
      } finally {
        await handle.close()
      }
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw lockStorageError(file, error)
      const holder = await readHolder(file)
      if (holder === 'fresh') {
        throw new ApiError(
          'CONFLICT',
          'This library is being opened by another Clipdesk right now. Close it first, or wait a moment and try again.'
        )
      }
      if (holder && holderAlive(holder)) {
        throw new ApiError(
          'CONFLICT',
          `This library is open in another Clipdesk (process ${holder.pid}). ` +
            'Close it first, or open a different library folder with --data-dir.'
        )
      }
      await rm(file, { force: true })
      continue
    }
    // Two processes taking over the same stale lock can both get here; only one finds itself in the file.
    const holder = await readHolder(file)
    if (holder && holder !== 'fresh' && holder.pid === mine.pid && holder.host === mine.host) {
      return lockHandle(file, mine)
    }
  }
  throw new ApiError(
    'CONFLICT',
    'Another Clipdesk is opening this library at the same time. Close it first, then try again.'
  )
}

function lockHandle(file: string, mine: LockContent): LibraryLock {
  let released = false
  return {
    async release() {
      if (released) return
      released = true
      const holder = await readHolder(file)
      if (holder && holder !== 'fresh' && holder.pid === mine.pid && holder.host === mine.host) {
        await rm(file, { force: true })
      }
    }
  }
}

async function readHolder(file: string): Promise<LockContent | 'fresh' | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'))
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as LockContent).pid === 'number' &&
      typeof (parsed as LockContent).host === 'string'
    ) {
      return parsed as LockContent
    }
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined
  }
  try {
    const age = Date.now() - (await stat(file)).mtimeMs
    return age < UNREADABLE_LOCK_GRACE_MS ? 'fresh' : undefined
  } catch {
    return undefined
  }
}

function holderAlive(holder: LockContent): boolean {
  // A lock written on another machine (a shared folder) cannot be checked: assume it is in use.
  if (holder.host !== hostname()) return true
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    return errorCode(error) === 'EPERM'
  }
  return runsClipdesk(holder.pid)
}

/**
 * Whether a live process could be Clipdesk. After a crash and a restart the recorded pid may belong
 * to an unrelated program; where the system says what a process runs (Linux), only Node or Electron
 * counts. Elsewhere a live pid is taken as the holder.
 */
function runsClipdesk(pid: number): boolean {
  let commandLine: string
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').toLowerCase()
  } catch {
    return true
  }
  return /node|electron|clipdesk/.test(commandLine)
}

function lockStorageError(file: string, error: unknown): ApiError {
  return new ApiError(
    'STORAGE',
    `Clipdesk could not create its lock file ${file} (${errorCode(error) ?? 'unknown error'}). ` +
      'Check that the library folder exists and can be written.'
  )
}

import { randomUUID } from 'node:crypto'
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
  /** Tells apart two holders in one process (and a holder from a later one with a reused pid). */
  nonce?: string
}

// A lock file with no readable owner younger than this may be one another process is still writing.
const UNREADABLE_LOCK_GRACE_MS = 5000
// A take-over marker older than this was left by a process that died while taking over.
const TAKEOVER_STALE_MS = 10000

/** Takes the single-writer lock of a library folder, taking over a lock left by a dead process. */
export async function acquireLibraryLock(dataDir: string): Promise<LibraryLock> {
  const file = join(dataDir, LOCK_FILE_NAME)
  const mine: LockContent = { pid: process.pid, host: hostname(), nonce: randomUUID() }
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createLock(file, mine)) return lockHandle(file, mine)
    const holder = await readHolder(file)
    refuseLiveHolder(holder)
    // The holder is gone. Only one process at a time may clear its lock: two that both saw it dead
    // would otherwise each delete it, the second deleting the lock the first had just written.
    await takeOver(file, holder, mine)
    if (sameHolder(await readHolder(file), mine)) return lockHandle(file, mine)
  }
  throw new ApiError(
    'CONFLICT',
    'Another Clipdesk is opening this library at the same time. Close it first, then try again.'
  )
}

/** Creates the lock file with our content; false when it already exists. */
async function createLock(file: string, mine: LockContent): Promise<boolean> {
  let handle
  try {
    handle = await open(file, 'wx', 0o600)
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false
    throw lockStorageError(file, error)
  }
  try {
    await handle.writeFile(JSON.stringify(mine))
    await handle.sync()
  } finally {
    await handle.close()
  }
  return true
}

function refuseLiveHolder(
  holder: LockContent | 'fresh' | undefined
): asserts holder is LockContent | undefined {
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
}

/**
 * Replaces the lock of a dead holder with ours, under a take-over marker that only one process can
 * create; the holder is read again under the marker, so a lock written meanwhile is never deleted.
 */
async function takeOver(
  file: string,
  seen: LockContent | undefined,
  mine: LockContent
): Promise<void> {
  const marker = `${file}.takeover`
  if (!(await createLock(marker, mine))) {
    if (!(await olderThan(marker, TAKEOVER_STALE_MS))) {
      throw new ApiError(
        'CONFLICT',
        'Another Clipdesk is opening this library at the same time. Close it first, then try again.'
      )
    }
    await rm(marker, { force: true })
    if (!(await createLock(marker, mine))) return
  }
  try {
    const now = await readHolder(file)
    if (now !== undefined && !sameHolder(now, seen)) return
    await rm(file, { force: true })
    await createLock(file, mine)
  } finally {
    await rm(marker, { force: true })
  }
}

function sameHolder(
  a: LockContent | 'fresh' | undefined,
  b: LockContent | 'fresh' | undefined
): boolean {
  if (a === undefined || b === undefined || a === 'fresh' || b === 'fresh') return a === b
  return a.pid === b.pid && a.host === b.host && a.nonce === b.nonce
}

async function olderThan(file: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(file)).mtimeMs > ms
  } catch {
    return true
  }
}

function lockHandle(file: string, mine: LockContent): LibraryLock {
  let released = false
  return {
    async release() {
      if (released) return
      released = true
      if (sameHolder(await readHolder(file), mine)) await rm(file, { force: true })
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
      const { pid, host, nonce } = parsed as LockContent
      return typeof nonce === 'string' ? { pid, host, nonce } : { pid, host }
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

import { createHash, randomUUID } from 'node:crypto'
import { readFileSync, readlinkSync } from 'node:fs'
import { hostname } from 'node:os'
import { link, open, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ApiError } from '@shared/api'
import { errorCode, writeSynced } from './durable-file'

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
  /** The system's id for this boot (Linux): a lock from an earlier boot is dead. */
  boot?: string
  /** The pid namespace (Linux): a pid from another one (a container, a sandbox) cannot be checked. */
  pidns?: string
  /** Tells apart two holders in one process, and this process from a dead one with the same pid. */
  nonce?: string
}

/**
 * What a lock file says: its holder; 'partial' for content that is not a whole lock and may still be
 * being written (a writer that could not use a hard link), 'abandoned' once it is too old for that;
 * 'unreadable' when the file cannot be read; undefined when there is no file.
 */
type Holder = LockContent | 'partial' | 'abandoned' | 'unreadable' | undefined

// A partial lock younger than this may be one another process is still writing.
const PARTIAL_LOCK_GRACE_MS = 5000

// The locks (and take-overs) this process holds or is taking, by nonce: a lock with our pid and a
// nonce not here was written by a dead process that had our pid.
const liveNonces = new Set<string>()

const BUSY_MESSAGE =
  'Another Clipdesk is opening this library at the same time. Close it first, then try again.'

/** Takes the single-writer lock of a library folder, taking over a lock left by a dead process. */
export async function acquireLibraryLock(dataDir: string): Promise<LibraryLock> {
  const file = join(dataDir, LOCK_FILE_NAME)
  const nonce = randomUUID()
  const mine: LockContent = {
    pid: process.pid,
    host: hostname(),
    ...SYSTEM_IDS,
    nonce
  }
  // From here on, a lock or marker with this nonce is a live one of ours.
  liveNonces.add(nonce)
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await createLock(file, mine)) return holdLock(file, mine)
      const seen = await readLock(file)
      refuseLiveHolder(file, seen.holder)
      // The holder is gone. Only one process at a time may clear its lock: two that both saw it
      // dead would otherwise each delete it, the second deleting the lock the first had just written.
      await takeOver(file, seen, mine)
      if (sameHolder(await readHolder(file), mine)) return holdLock(file, mine)
    }
    throw new ApiError('CONFLICT', BUSY_MESSAGE)
  } catch (error) {
    liveNonces.delete(nonce)
    throw error
  }
}

/**
 * Creates `file` holding our content, complete from the first instant: the content is written and
 * synced to a file of our own, then hard-linked to the name, which fails if the name exists. Where
 * the file system has no hard links (some USB and network drives), the name is created exclusively
 * and written. False when the name already exists.
 */
async function createLock(file: string, mine: LockContent): Promise<boolean> {
  const own = `${file}.${mine.nonce}`
  try {
    await writeWhole(own, mine, 'w')
    try {
      await link(own, file)
      return true
    } catch (error) {
      const code = errorCode(error)
      if (code === 'EEXIST') return false
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV')
        throw error
    }
    try {
      await writeWhole(file, mine, 'wx')
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return false
      throw error
    }
    // Written in two steps here: make sure no one took the half-written file for abandoned meanwhile.
    return sameHolder(await readHolder(file), mine)
  } catch (error) {
    throw lockStorageError(file, error)
  } finally {
    await rm(own, { force: true }).catch(() => undefined)
  }
}

async function writeWhole(file: string, content: LockContent, flags: 'w' | 'wx'): Promise<void> {
  await writeSynced({ open }, file, JSON.stringify(content), flags, 0o644)
}

function refuseLiveHolder(
  file: string,
  holder: Holder
): asserts holder is LockContent | 'abandoned' | undefined {
  if (holder === 'unreadable') {
    throw new ApiError(
      'CONFLICT',
      `Clipdesk cannot read the lock file ${file}, so it cannot tell whether another Clipdesk has this ` +
        'library open. Check the folder’s permissions, or close the other Clipdesk first.'
    )
  }
  if (holder === 'partial') {
    throw new ApiError(
      'CONFLICT',
      'This library is being opened by another Clipdesk right now. Close it first, or wait a moment and try again.'
    )
  }
  if (typeof holder === 'object' && holderAlive(holder)) {
    const where = holder.host === hostname() ? `process ${holder.pid}` : `on ${holder.host}`
    throw new ApiError(
      'CONFLICT',
      `This library is open in another Clipdesk (${where}). ` +
        'Close it first, or open a different library folder with --data-dir. ' +
        `If no Clipdesk has it open, delete ${file} and try again.`
    )
  }
}

/**
 * Replaces the lock of a dead holder with ours. Only a process that creates the take-over marker
 * named after that very lock (a hash of its bytes) may replace it, and it reads the lock again first,
 * so a lock written meanwhile is never deleted. A marker whose writer died mid-take-over is never
 * broken: the next claim is a marker named after the dead one, which again only one process can
 * create. Every step is an exclusive create; nothing is decided on a file's age.
 */
async function takeOver(file: string, seen: LockFile, mine: LockContent): Promise<void> {
  const { print } = seen
  // No lock any more: create ours, which fails if another opener has just created one.
  if (print === null) {
    await createLock(file, mine)
    return
  }
  const dead: string[] = []
  let marker = `${file}.takeover-${print}`
  for (let step = 0; ; step++) {
    if (step >= 8) throw new ApiError('CONFLICT', BUSY_MESSAGE)
    if (await createLock(marker, mine)) break
    const claim = await readLock(marker)
    const claimer = claim.holder
    if (claimer === undefined) continue
    if (
      claimer === 'unreadable' ||
      claimer === 'partial' ||
      (typeof claimer === 'object' && holderAlive(claimer))
    )
      throw new ApiError('CONFLICT', BUSY_MESSAGE)
    dead.push(marker)
    marker = `${marker}-${claim.print}`
  }
  try {
    const now = await readLock(file)
    if (now.holder === undefined) {
      await createLock(file, mine)
      return
    }
    if (!sameHolder(now.holder, seen.holder) || now.print !== print) return
    await removeFile(file)
    await createLock(file, mine)
  } finally {
    // Once the lock is no longer the dead one, our marker and the dead claimers' before it can go: a
    // process that creates one of them again finds the lock changed and leaves it alone. While the
    // dead lock is still there (this attempt failed), they stay, so the next claim is named past ours.
    const after = await readLock(file)
    if (after.holder !== 'unreadable' && after.print !== print) {
      for (const name of [marker, ...dead]) await removeFile(name).catch(() => undefined)
    }
  }
}

async function removeFile(file: string): Promise<void> {
  try {
    await rm(file, { force: true })
  } catch (error) {
    throw lockStorageError(file, error)
  }
}

function sameHolder(a: Holder, b: Holder): boolean {
  if (typeof a !== 'object' || typeof b !== 'object') return a === b
  return a.pid === b.pid && a.host === b.host && a.nonce === b.nonce
}

function holdLock(file: string, mine: LockContent): LibraryLock {
  let released = false
  return {
    async release() {
      if (released) return
      released = true
      try {
        if (sameHolder(await readHolder(file), mine)) await removeFile(file)
      } finally {
        if (mine.nonce) liveNonces.delete(mine.nonce)
      }
    }
  }
}

/** A lock file read once: what it says, and a short hash of its bytes (null when it is unreadable). */
interface LockFile {
  holder: Holder
  /** Names the take-over of exactly these bytes. */
  print: string | null
}

async function readLock(file: string): Promise<LockFile> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    return { holder: errorCode(error) === 'ENOENT' ? undefined : 'unreadable', print: null }
  }
  const print = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
  return { holder: await parseHolder(file, bytes.toString('utf8')), print }
}

async function readHolder(file: string): Promise<Holder> {
  return (await readLock(file)).holder
}

async function parseHolder(file: string, text: string): Promise<Holder> {
  try {
    const parsed: unknown = JSON.parse(text)
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      Number.isInteger((parsed as LockContent).pid) &&
      (parsed as LockContent).pid > 0 &&
      typeof (parsed as LockContent).host === 'string'
    ) {
      const { pid, host, boot, pidns, nonce } = parsed as LockContent
      return {
        pid,
        host,
        ...(typeof boot === 'string' ? { boot } : {}),
        ...(typeof pidns === 'string' ? { pidns } : {}),
        ...(typeof nonce === 'string' ? { nonce } : {})
      }
    }
  } catch {
    // Not JSON: a partial write, or a file damaged by a crash; judged by its age below.
  }
  try {
    const age = Date.now() - (await stat(file)).mtimeMs
    return age < PARTIAL_LOCK_GRACE_MS ? 'partial' : 'abandoned'
  } catch (error) {
    return errorCode(error) === 'ENOENT' ? undefined : 'unreadable'
  }
}

/** What tells this boot and this pid namespace from others, where the system says (Linux). */
const SYSTEM_IDS: { boot?: string; pidns?: string } = systemIds()

function systemIds(): { boot?: string; pidns?: string } {
  const ids: { boot?: string; pidns?: string } = {}
  try {
    ids.boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  } catch {
    // Not Linux: the boot is not checked.
  }
  try {
    ids.pidns = readlinkSync('/proc/self/ns/pid')
  } catch {
    // Not Linux: every process is taken to share our pid namespace.
  }
  return ids
}

function holderAlive(holder: LockContent): boolean {
  // A lock written on another machine (a shared folder) cannot be checked: assume it is in use.
  if (holder.host !== hostname()) return true
  // Written in another pid namespace (a container or sandbox sharing the host name): its pid means
  // nothing here, so assume it is in use.
  if (holder.pidns && SYSTEM_IDS.pidns && holder.pidns !== SYSTEM_IDS.pidns) return true
  // Written before this machine last started: whatever has that pid now is not its writer.
  if (holder.boot && SYSTEM_IDS.boot && holder.boot !== SYSTEM_IDS.boot) return false
  // Our own pid: alive only if this process holds that lock; otherwise a dead process had our pid.
  if (holder.pid === process.pid) return holder.nonce !== undefined && liveNonces.has(holder.nonce)
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
  if (error instanceof ApiError) return error
  return new ApiError(
    'STORAGE',
    `Clipdesk could not write its lock file ${file} (${errorCode(error) ?? 'unknown error'}). ` +
      'Check that the library folder exists, can be written and has free space.'
  )
}

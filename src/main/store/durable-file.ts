import { randomUUID } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { basename, dirname, join, relative, sep } from 'node:path'
import type { Adapter } from 'lowdb'
import type { ZodType } from 'zod'
import { ApiError, type LibraryNotice } from '@shared/api'

/** The file operations a durable file uses; tests pass one that fails on purpose. */
export type DurableFileSystem = Pick<
  typeof fsp,
  'open' | 'readFile' | 'readdir' | 'rename' | 'link' | 'copyFile' | 'rm' | 'mkdir' | 'stat'
>

/** How many earlier versions of each file are kept beside it (`name.json.bak1` is the newest). */
const BACKUP_GENERATIONS = 3

/** Where a durable file lives, what it must contain, and whom to tell about recoveries. */
export interface DurableFileOptions<T> {
  /** Absolute path of the JSON file. */
  file: string
  /** The library folder: damaged files go to its `quarantine/` folder, and messages name files relative to it. */
  dataDir: string
  /** The shape the file must have; a file that fails it is treated as damaged. */
  schema: ZodType<T>
  /** Receives a notice whenever a damaged file is set aside. */
  onNotice?: (notice: LibraryNotice) => void
  /** The file system to use; the real one unless a test injects failures. */
  fs?: DurableFileSystem
  /** The clock used to name quarantined files. */
  now?: () => Date
  /** Pretty-print the JSON (easier for a person to read, a little larger). */
  indent?: number
}

type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string }

/** A lowdb adapter that never leaves a half-written file and keeps earlier generations as backups. */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly file: string
  readonly label: string
  private readonly dataDir: string
  private readonly schema: ZodType<T>
  private readonly fs: DurableFileSystem
  private readonly now: () => Date
  private readonly onNotice: (notice: LibraryNotice) => void
  private readonly indent: number | undefined

  /** Creates the adapter; nothing is read or written until `read()` or `write()`. */
  constructor(options: DurableFileOptions<T>) {
    this.file = options.file
    this.dataDir = options.dataDir
    this.label = relative(options.dataDir, options.file).split(sep).join('/')
    this.schema = options.schema
    this.fs = options.fs ?? fsp
    this.now = options.now ?? (() => new Date())
    this.onNotice = options.onNotice ?? (() => undefined)
    this.indent = options.indent
  }

  /** Reads and validates the file; a damaged file is moved aside and the newest good backup used. */
  async read(): Promise<T | null> {
    await this.removeStaleTempFiles()
    let text: string
    try {
      text = await this.fs.readFile(this.file, 'utf8')
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null
      throw storageError(error, `read ${this.label}`)
    }
    const parsed = this.parse(text)
    if (parsed.ok) return parsed.value

    const quarantined = await this.quarantine()
    for (let generation = 1; generation <= BACKUP_GENERATIONS; generation++) {
      const backup = backupPath(this.file, generation)
      let backupText: string
      let savedAt: Date
      try {
        backupText = await this.fs.readFile(backup, 'utf8')
        savedAt = (await this.fs.stat(backup)).mtime
      } catch {
        continue
      }
      const candidate = this.parse(backupText)
      if (!candidate.ok) continue
      await this.restoreFrom(backup)
      this.onNotice({
        level: 'warning',
        message:
          `${this.label} was damaged (${parsed.reason}) and could not be loaded. ` +
          `The damaged copy was moved to ${quarantined}. ` +
          `Clipdesk restored backup ${generation} of ${BACKUP_GENERATIONS}, saved ${formatTime(savedAt)}; ` +
          'changes made to this file after that save are missing.'
      })
      return candidate.value
    }
    this.onNotice({
      level: 'error',
      message:
        `${this.label} was damaged (${parsed.reason}) and no usable backup of it was found. ` +
        `The damaged copy was moved to ${quarantined}; this part of the library starts empty. ` +
        'Keep that copy: it may still be recoverable by hand.'
    })
    return null
  }

  /** Writes the data durably: temp file, fsync, backup rotation, rename over, folder fsync. */
  async write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, this.indent)
    const temp = this.tempPath()
    try {
      // The library is private: readable by its owner alone.
      await this.fs.mkdir(dirname(this.file), { recursive: true, mode: 0o700 })
      await writeSynced(this.fs, temp, text, 'wx', 0o600)
      const hadPrevious = await this.rotateBackups()
      await this.fs.rename(temp, this.file)
      // A file's first version has no earlier one to fall back on: keep a copy of it instead.
      if (!hadPrevious) await this.fs.copyFile(this.file, backupPath(this.file, 1))
      await this.syncFolder()
    } catch (error) {
      await this.fs.rm(temp, { force: true }).catch(() => undefined)
      throw storageError(error, `save ${this.label}`)
    }
  }

  private parse(text: string): ParseResult<T> {
    if (text.trim() === '') return { ok: false, reason: 'the file is empty' }
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      return { ok: false, reason: 'it is not complete, valid JSON' }
    }
    const result = this.schema.safeParse(raw)
    if (!result.success) {
      return { ok: false, reason: 'its contents are not in the form Clipdesk saves' }
    }
    return { ok: true, value: result.data }
  }

  private async quarantine(): Promise<string> {
    const folder = join(this.dataDir, 'quarantine')
    const stamp = this.now().toISOString().replace(/[:.]/g, '-')
    const name = this.label.replace(/\//g, '_')
    try {
      await this.fs.mkdir(folder, { recursive: true, mode: 0o700 })
      let target = join(folder, `${name}.${stamp}.corrupt`)
      for (let attempt = 2; await exists(this.fs, target); attempt++) {
        target = join(folder, `${name}.${stamp}-${attempt}.corrupt`)
      }
      await this.fs.rename(this.file, target)
      await this.syncFolder()
      return target
    } catch (error) {
      throw new ApiError(
        'STORAGE',
        `${this.label} is damaged, and Clipdesk could not move it aside to ${folder} ` +
          `(${describeCode(error)}). Nothing was changed. Make the library folder writable, ` +
          'then open Clipdesk again.'
      )
    }
  }

  private async restoreFrom(backup: string): Promise<void> {
    const temp = this.tempPath()
    try {
      await this.fs.copyFile(backup, temp)
      await syncPath(this.fs, temp, 'r+')
      await this.fs.rename(temp, this.file)
      await this.syncFolder()
    } catch (error) {
      await this.fs.rm(temp, { force: true }).catch(() => undefined)
      throw storageError(error, `restore ${this.label} from its backup`)
    }
  }

  /** Shifts the backup generations and keeps the current file as the newest; false if there was none. */
  private async rotateBackups(): Promise<boolean> {
    for (let generation = BACKUP_GENERATIONS - 1; generation >= 1; generation--) {
      await ignoreMissing(
        this.fs.rename(backupPath(this.file, generation), backupPath(this.file, generation + 1))
      )
    }
    const newest = backupPath(this.file, 1)
    try {
      // A hard link costs no space and no copy; the rename that follows gives the target a new inode.
      await this.fs.link(this.file, newest)
    } catch (error) {
      const code = errorCode(error)
      if (code === 'ENOENT') return false
      if (code === 'EEXIST') await this.fs.rm(newest, { force: true })
      await this.fs.copyFile(this.file, newest)
    }
    return true
  }

  private async syncFolder(): Promise<void> {
    // Windows cannot open a folder for fsync; its renames are durable enough without it.
    if (process.platform === 'win32') return
    await syncPath(this.fs, dirname(this.file), 'r')
  }

  private tempPath(): string {
    return join(dirname(this.file), `.${basename(this.file)}.${randomUUID()}.tmp`)
  }

  private async removeStaleTempFiles(): Promise<void> {
    const prefix = `.${basename(this.file)}.`
    let names: string[]
    try {
      names = await this.fs.readdir(dirname(this.file))
    } catch {
      return
    }
    for (const name of names) {
      if (name.startsWith(prefix) && name.endsWith('.tmp')) {
        await this.fs.rm(join(dirname(this.file), name), { force: true }).catch(() => undefined)
      }
    }
  }
}

/** Creates (or, with 'w', replaces) `path` holding `text`, flushed to disk before it returns. */
export async function writeSynced(
  fs: Pick<DurableFileSystem, 'open'>,
  path: string,
  text: string,
  flags: 'w' | 'wx',
  mode: number
): Promise<void> {
  const handle = await fs.open(path, flags, mode)
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Flushes a file or folder that is already written to disk. */
async function syncPath(
  fs: Pick<DurableFileSystem, 'open'>,
  path: string,
  flags: 'r' | 'r+'
): Promise<void> {
  const handle = await fs.open(path, flags)
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** The path of backup generation `generation` (1 = newest) of a file. */
export function backupPath(file: string, generation: number): string {
  return `${file}.bak${generation}`
}

/** The error code of a Node file-system error, if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code
    return typeof code === 'string' ? code : undefined
  }
  return undefined
}

/** Turns a file-system failure into a STORAGE error telling the user what to do. */
export function storageError(error: unknown, action: string): ApiError {
  if (error instanceof ApiError) return error
  const code = errorCode(error)
  const intact = 'Your last change was not saved; what was saved before is intact.'
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new ApiError(
        'STORAGE',
        `Clipdesk could not ${action}: the disk is full. ${intact} Free some space, then try again.`
      )
    case 'EACCES':
    case 'EPERM':
      return new ApiError(
        'STORAGE',
        `Clipdesk could not ${action}: it is not allowed to write to the library folder. ${intact} ` +
          'Check the folder’s permissions, or choose another library folder with --data-dir.'
      )
    case 'EROFS':
      return new ApiError(
        'STORAGE',
        `Clipdesk could not ${action}: the disk is read-only. ${intact} ` +
          'Move the library to a writable disk, or choose another library folder with --data-dir.'
      )
    default:
      return new ApiError(
        'STORAGE',
        `Clipdesk could not ${action} (${describeCode(error)}). ${intact} ` +
          'Check that the disk is connected and working, then try again.'
      )
  }
}

function describeCode(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : String(error))
}

async function ignoreMissing(operation: Promise<unknown>): Promise<void> {
  try {
    await operation
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error
  }
}

async function exists(fs: DurableFileSystem, path: string): Promise<boolean> {
  try {
    await fs.stat(path)
    return true
  } catch {
    return false
  }
}

function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

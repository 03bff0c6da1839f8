import { cp, mkdir, readdir } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { ApiError } from '@shared/api'
import { storageError } from './durable-file'

/** The schema version this Clipdesk writes. */
export const LIBRARY_SCHEMA_VERSION = 1

/** One step that upgrades a library folder's files from one schema version to the next. */
export interface Migration {
  from: number
  to: number
  /** What the step changes, for the notice shown after it ran. */
  description: string
  /** Rewrites the folder's files in place; runs before any document is loaded. */
  migrate(dataDir: string): Promise<void>
}

/** Every migration, oldest first. Version 1 is the first schema, so there are none yet. */
export const libraryMigrations: readonly Migration[] = []

/** The migration steps that take a library from `version` to `target`, or STORAGE if a step is missing. */
export function planMigrations(
  version: number,
  target: number,
  migrations: readonly Migration[]
): Migration[] {
  const steps: Migration[] = []
  let current = version
  while (current < target) {
    const step = migrations.find((migration) => migration.from === current)
    if (!step || step.to <= current) {
      throw new ApiError(
        'STORAGE',
        `This library uses schema version ${current}, and this Clipdesk cannot upgrade it. ` +
          'Open it with the Clipdesk version that last saved it, or ask for help before changing it.'
      )
    }
    steps.push(step)
    current = step.to
  }
  return steps
}

/** Copies every JSON file of the library (not backups or quarantine) into `destination`, keeping paths. */
export async function backupLibraryFiles(dataDir: string, destination: string): Promise<number> {
  let copied = 0
  try {
    for (const file of await listLibraryJson(dataDir)) {
      const target = join(destination, relative(dataDir, file))
      await mkdir(dirname(target), { recursive: true })
      await cp(file, target, { errorOnExist: true, force: false, preserveTimestamps: true })
      copied++
    }
  } catch (error) {
    throw storageError(error, 'back up the library before upgrading it')
  }
  return copied
}

async function listLibraryJson(dataDir: string): Promise<string[]> {
  const files: string[] = []
  for (const name of await readdir(dataDir)) {
    if (name.endsWith('.json')) files.push(join(dataDir, name))
  }
  const clippings = join(dataDir, 'clippings')
  try {
    for (const name of await readdir(clippings)) {
      if (name.endsWith('.json')) files.push(join(clippings, name))
    }
  } catch {
    // No clippings folder yet.
  }
  return files
}

import { cp, mkdir, readdir } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { z } from 'zod'
import { ApiError, type LibraryNotice } from '@shared/api'
import { ClippingSchema, QuoteSchema } from '@shared/model'
import { DurableJsonFile, storageError } from './durable-file'
import {
  ClippingsFileSchema,
  listMonths,
  QuotesFileSchema,
  clippingsFilePath,
  quotesFilePath
} from './month-files'

/** The schema version this Clipdesk writes. */
export const LIBRARY_SCHEMA_VERSION = 2

/** One step that upgrades a library folder's files from one schema version to the next. */
export interface Migration {
  from: number
  to: number
  /** What the step changes, for the notice shown after it ran. */
  description: string
  /** Rewrites the folder's files in place; runs before any document is loaded. */
  migrate(dataDir: string, onNotice: (notice: LibraryNotice) => void): Promise<void>
}

// A version 1 month file held clippings and quotes together. `quotes` may be missing because an
// interrupted upgrade has already rewritten this month; that month's quotes file is then complete.
const VersionOneMonthSchema = z.object({
  clippings: z.array(ClippingSchema),
  quotes: z.array(QuoteSchema).optional()
})

/** Version 1 to 2: each month's quotes move from `clippings/YYYY-MM.json` to `quotes/YYYY-MM.json`. */
const splitQuotesMigration: Migration = {
  from: 1,
  to: 2,
  description: 'quotes moved to their own month files, so that a quote edit saves quickly',
  async migrate(dataDir, onNotice) {
    for (const month of await listMonths(dataDir, 'clippings')) {
      const durable = <T>(relativePath: string, schema: z.ZodType<T>) =>
        new DurableJsonFile<T>({ file: join(dataDir, relativePath), dataDir, schema, onNotice })
      const monthFile = durable(clippingsFilePath(month), VersionOneMonthSchema)
      // A damaged month file is quarantined and its newest good backup used, as on any load.
      const stored = await monthFile.read()
      if (!stored?.quotes) continue
      // Quotes first: until the month file is rewritten, a rerun finds its quotes again.
      await durable(quotesFilePath(month), QuotesFileSchema).write({ quotes: stored.quotes })
      await durable(clippingsFilePath(month), ClippingsFileSchema).write({
        clippings: stored.clippings
      })
    }
  }
}

/** Every migration, oldest first. */
export const libraryMigrations: readonly Migration[] = [splitQuotesMigration]

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
  for (const folder of ['clippings', 'quotes']) {
    let names: string[]
    try {
      names = await readdir(join(dataDir, folder))
    } catch {
      // This folder does not exist yet.
      continue
    }
    for (const name of names) {
      if (name.endsWith('.json')) files.push(join(dataDir, folder, name))
    }
  }
  return files
}

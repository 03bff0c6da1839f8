import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ClippingSchema, QuoteSchema } from '@shared/model'

/** A month file's name, `YYYY-MM.json`, capturing the month key. */
export const MONTH_FILE = /^(\d{4}-\d{2})\.json$/

/** `clippings/YYYY-MM.json`: the clippings captured that month, with their bodies. */
export const ClippingsFileSchema = z.object({ clippings: z.array(ClippingSchema) })
/** The contents of a clippings month file. */
export type ClippingsFile = z.infer<typeof ClippingsFileSchema>

/** `quotes/YYYY-MM.json`: the quotes of the clippings captured that month. */
export const QuotesFileSchema = z.object({ quotes: z.array(QuoteSchema) })
/** The contents of a quotes month file. */
export type QuotesFile = z.infer<typeof QuotesFileSchema>

/** The path, relative to the library folder, of a month's clippings file. */
export function clippingsFilePath(month: string): string {
  return `clippings/${month}.json`
}

/** The path, relative to the library folder, of a month's quotes file. */
export function quotesFilePath(month: string): string {
  return `quotes/${month}.json`
}

/** The months that have a file in a library's `clippings/` or `quotes/` folder, oldest first. */
export async function listMonths(
  dataDir: string,
  folder: 'clippings' | 'quotes'
): Promise<string[]> {
  let names: string[] = []
  try {
    names = await readdir(join(dataDir, folder))
  } catch {
    // A new library has no month files yet.
  }
  return names.flatMap((name) => MONTH_FILE.exec(name)?.[1] ?? []).sort()
}

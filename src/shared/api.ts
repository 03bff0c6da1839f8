import { z } from 'zod'
import {
  AnalysisSchema,
  BriefingSchema,
  BriefingSectionSchema,
  ClippingSchema,
  IdSchema,
  IsoDateSchema,
  QuoteKindSchema,
  QuoteSchema,
  QuoteStatusSchema,
  SourceKindSchema,
  SourceSchema,
  TagSchema
} from './model'

/** The error codes every command may answer with. */
export const ApiErrorCodeSchema = z.enum([
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_LARGE',
  'STORAGE',
  'UNAUTHORIZED',
  'UNAVAILABLE',
  'INTERNAL'
])
/** An error code. */
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>

/** A typed error as it crosses IPC or HTTP: a code and a sentence for the user. */
export const ApiErrorSchema = z.object({ code: ApiErrorCodeSchema, message: z.string() })
/** A typed API error. */
export type ApiErrorShape = z.infer<typeof ApiErrorSchema>

/** What every command answers: its output, or a typed error. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape }

/** A thrown API error; handlers throw it, the transports turn it into `{ code, message }`. */
export class ApiError extends Error {
  /** Creates an error with a code and a user-facing message. */
  constructor(
    readonly code: ApiErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

const ClippingMetaSchema = z.object({
  title: z.string().trim().max(1000),
  outlet: z.string().trim().max(300).nullable(),
  byline: z.string().trim().max(500).nullable(),
  url: z.string().trim().max(4000).nullable(),
  publishedAt: IsoDateSchema.nullable(),
  tags: z.array(TagSchema).max(200),
  note: z.string().max(20000)
})

/** A clipping as listed: everything but the body, with its quote count and speakers. */
export const ClippingSummarySchema = ClippingSchema.omit({ body: true }).extend({
  quoteCount: z.number().int(),
  excerpt: z.string()
})
/** A clipping summary. */
export type ClippingSummary = z.infer<typeof ClippingSummarySchema>

/** A quote with its speaker and clipping resolved, for lists across the library. */
export const QuoteInContextSchema = QuoteSchema.extend({
  speaker: SourceSchema.nullable(),
  clipping: ClippingSchema.pick({
    id: true,
    title: true,
    outlet: true,
    publishedAt: true,
    capturedAt: true,
    url: true
  })
})
/** A quote in context. */
export type QuoteInContext = z.infer<typeof QuoteInContextSchema>

/** A source with how many quotes it has across the library. */
export const SourceSummarySchema = SourceSchema.extend({ quoteCount: z.number().int() })
/** A source summary. */
export type SourceSummary = z.infer<typeof SourceSummarySchema>

/** A notice about the library the user should read (a file recovered from a backup, for one). */
export const LibraryNoticeSchema = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string()
})
/** A library notice. */
export type LibraryNotice = z.infer<typeof LibraryNoticeSchema>

/** An exported file, ready to save or download. */
export const ExportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** The file's bytes, base64-encoded. */
  base64: z.string()
})
/** An exported file. */
export type ExportFile = z.infer<typeof ExportFileSchema>

/** Paper sizes for PDF export. */
export const PaperSizeSchema = z.enum(['A4', 'Letter'])

/** The input of a paste or import: text, HTML or both, and the page address if known. */
export const PasteInputSchema = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    url: z.string().max(4000).optional()
  })
  .refine((v) => v.text !== undefined || v.html !== undefined, {
    message: 'Give the pasted text or HTML.'
  })

/** Which part of the library changed; pushed to every open view. */
export const LibraryChangeSchema = z.object({
  kind: z.enum(['clippings', 'quotes', 'sources', 'briefings', 'library']),
  ids: z.array(z.string())
})
/** A library change event. */
export type LibraryChange = z.infer<typeof LibraryChangeSchema>

const idInput = z.object({ id: IdSchema })
const empty = z.object({})
const ok = z.object({ ok: z.literal(true) })

/** Every command of the back end: its input and output schemas, under a dotted name. */
export const api = {
  /** Where the library lives, its size, and notices from loading it. */
  'library.status': {
    input: empty,
    output: z.object({
      dataDir: z.string(),
      clippings: z.number().int(),
      quotes: z.number().int(),
      sources: z.number().int(),
      briefings: z.number().int(),
      notices: z.array(LibraryNoticeSchema),
      mode: z.enum(['electron', 'browser', 'cli'])
    })
  },
  /** Forgets the notices once the user has read them. */
  'library.dismissNotices': { input: empty, output: ok },
  /** Analyses a paste: sanitises HTML, reduces it to paragraphs, proposes metadata and quotes. */
  'analysis.analyze': { input: PasteInputSchema, output: AnalysisSchema },

  /** Lists clippings newest first, filtered by a search query, a tag or a source. */
  'clippings.list': {
    input: z.object({
      query: z.string().max(500).default(''),
      tag: z.string().max(80).nullable().default(null),
      sourceId: IdSchema.nullable().default(null),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().positive().max(1000).default(200)
    }),
    output: z.object({ items: z.array(ClippingSummarySchema), total: z.number().int() })
  },
  /** One clipping with its quotes and their speakers. */
  'clippings.get': {
    input: idInput,
    output: z.object({
      clipping: ClippingSchema,
      quotes: z.array(QuoteSchema),
      sources: z.array(SourceSchema)
    })
  },
  /**
   * Saves a new clipping; the body is stored exactly as given. Analyser proposals sent with it are
   * saved as suggested quotes, their speakers found among the sources or created.
   */
  'clippings.create': {
    input: ClippingMetaSchema.extend({
      body: z.string(),
      boilerplate: z
        .array(z.object({ start: z.number().int(), end: z.number().int() }))
        .default([]),
      suggestions: AnalysisSchema.pick({
        quotes: true,
        people: true,
        organisations: true
      }).optional()
    }),
    output: ClippingSchema
  },
  /** Changes a clipping's metadata, tags, note or set-aside boilerplate; never its body. */
  'clippings.update': {
    input: z.object({
      id: IdSchema,
      patch: ClippingMetaSchema.extend({
        boilerplate: z.array(z.object({ start: z.number().int(), end: z.number().int() }))
      }).partial()
    }),
    output: ClippingSchema
  },
  /** Deletes a clipping and its quotes; answers what was deleted so that it can be restored. */
  'clippings.delete': {
    input: idInput,
    output: z.object({ clipping: ClippingSchema, quotes: z.array(QuoteSchema) })
  },
  /**
   * Runs the analyser again over a clipping's text and adds what it proposes as suggestions;
   * quotes the clipping already has (confirmed, edited, rejected or suggested) stay as they are.
   */
  'clippings.reanalyze': {
    input: idInput,
    output: z.object({ proposed: z.number().int(), added: z.number().int() })
  },
  /** Puts back a deleted clipping and its quotes (undo). */
  'clippings.restore': {
    input: z.object({ clipping: ClippingSchema, quotes: z.array(QuoteSchema) }),
    output: ClippingSchema
  },

  /** Tags a span of a clipping as a quote; the text is taken from the body. */
  'quotes.create': {
    input: z.object({
      clippingId: IdSchema,
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      speakerId: IdSchema.nullable().default(null),
      venue: z.string().trim().max(300).nullable().default(null),
      kind: QuoteKindSchema.default('direct'),
      status: QuoteStatusSchema.default('confirmed'),
      confidence: z.number().min(0).max(1).nullable().default(null),
      tags: z.array(TagSchema).max(200).default([]),
      note: z.string().max(20000).default('')
    }),
    output: QuoteSchema
  },
  /** Changes a quote's span, speaker, venue, kind, status, tags or note. */
  'quotes.update': {
    input: z.object({
      id: IdSchema,
      patch: z
        .object({
          start: z.number().int().nonnegative(),
          end: z.number().int().positive(),
          speakerId: IdSchema.nullable(),
          venue: z.string().trim().max(300).nullable(),
          kind: QuoteKindSchema,
          status: QuoteStatusSchema,
          tags: z.array(TagSchema).max(200),
          note: z.string().max(20000)
        })
        .partial()
    }),
    output: QuoteSchema
  },
  /** Removes a quote; answers it so that it can be restored. */
  'quotes.delete': { input: idInput, output: QuoteSchema },
  /** Puts back a removed quote (undo). */
  'quotes.restore': { input: z.object({ quote: QuoteSchema }), output: QuoteSchema },
  /** Every quote of the library matching a tag, speaker or text query, newest clipping first. */
  'quotes.search': {
    input: z.object({
      query: z.string().max(500).default(''),
      speakerId: IdSchema.nullable().default(null),
      tag: z.string().max(80).nullable().default(null),
      limit: z.number().int().positive().max(1000).default(200)
    }),
    output: z.object({ items: z.array(QuoteInContextSchema), total: z.number().int() })
  },

  /** Every source with its quote count, by name. */
  'sources.list': { input: empty, output: z.array(SourceSummarySchema) },
  /** One source with all of its quotes across the library. */
  'sources.get': {
    input: idInput,
    output: z.object({ source: SourceSchema, quotes: z.array(QuoteInContextSchema) })
  },
  /** Adds a person, organisation or outlet. */
  'sources.create': {
    input: z.object({
      kind: SourceKindSchema,
      name: z.string().trim().min(1).max(300),
      role: z.string().trim().max(300).nullable().default(null),
      aliases: z.array(z.string().trim().min(1).max(300)).max(100).default([])
    }),
    output: SourceSchema
  },
  /** Renames a source or changes its kind, role or aliases; a rename keeps the old name as an alias. */
  'sources.update': {
    input: z.object({
      id: IdSchema,
      patch: z
        .object({
          kind: SourceKindSchema,
          name: z.string().trim().min(1).max(300),
          role: z.string().trim().max(300).nullable(),
          aliases: z.array(z.string().trim().min(1).max(300)).max(100)
        })
        .partial()
    }),
    output: SourceSchema
  },
  /** Merges sources into one: their quotes move to it and their names become its aliases. */
  'sources.merge': {
    input: z.object({ targetId: IdSchema, sourceIds: z.array(IdSchema).min(1).max(100) }),
    output: SourceSchema
  },
  /** Deletes a source that has no quotes. */
  'sources.delete': { input: idInput, output: ok },

  /** Every tag in use on clippings and quotes, with counts, for autocomplete and filters. */
  'tags.list': {
    input: empty,
    output: z.array(
      z.object({ tag: z.string(), clippings: z.number().int(), quotes: z.number().int() })
    )
  },

  /** Every briefing, newest first. */
  'briefings.list': { input: empty, output: z.array(BriefingSchema) },
  /** One briefing. */
  'briefings.get': { input: idInput, output: BriefingSchema },
  /** Creates a briefing with one empty section. */
  'briefings.create': {
    input: z.object({
      title: z.string().trim().min(1).max(500),
      date: IsoDateSchema,
      author: z.string().trim().max(300).default('')
    }),
    output: BriefingSchema
  },
  /** Replaces a briefing's title, date, author or sections. */
  'briefings.update': {
    input: z.object({
      id: IdSchema,
      patch: z
        .object({
          title: z.string().trim().min(1).max(500),
          date: IsoDateSchema,
          author: z.string().trim().max(300),
          sections: z.array(BriefingSectionSchema).max(500)
        })
        .partial()
    }),
    output: BriefingSchema
  },
  /** Deletes a briefing; answers it so that it can be restored. */
  'briefings.delete': { input: idInput, output: BriefingSchema },
  /** Puts back a deleted briefing (undo). */
  'briefings.restore': { input: z.object({ briefing: BriefingSchema }), output: BriefingSchema },
  /** The quotes and clippings a briefing's items point at, for the composer; gone ones are left out. */
  'briefings.references': {
    input: idInput,
    output: z.object({
      quotes: z.array(QuoteInContextSchema),
      clippings: z.array(ClippingSummarySchema)
    })
  },
  /** The briefing rendered as the export's own HTML and Markdown, for the live preview. */
  'briefings.render': {
    input: z.object({ id: IdSchema, sic: z.boolean().default(false) }),
    output: z.object({ html: z.string(), markdown: z.string() })
  },
  /** Exports a briefing as Markdown or PDF. */
  'briefings.export': {
    input: z.object({
      id: IdSchema,
      format: z.enum(['md', 'pdf']),
      paper: PaperSizeSchema.default('A4'),
      sic: z.boolean().default(false)
    }),
    output: ExportFileSchema
  }
} as const

/** The contract's type. */
export type Api = typeof api
/** A command name. */
export type Command = keyof Api
/** A command's input as the caller writes it (defaults optional). */
export type CommandInput<C extends Command> = z.input<Api[C]['input']>
/** A command's input after parsing (defaults filled). */
export type ParsedInput<C extends Command> = z.output<Api[C]['input']>
/** A command's output. */
export type CommandOutput<C extends Command> = z.output<Api[C]['output']>

/** Every command name, for registering handlers and generating the preload bridge. */
export const commands = Object.keys(api) as Command[]

/** Whether a string names a command of the contract. */
export function isCommand(name: string): name is Command {
  return Object.prototype.hasOwnProperty.call(api, name)
}

/** The implementation of every command, as the back end provides it. */
export type ApiHandlers = { [C in Command]: (input: ParsedInput<C>) => Promise<CommandOutput<C>> }

/** The name of the event that says the library changed. */
export const LIBRARY_CHANGED = 'library.changed'

/** The IPC channel the preload's saveExport() uses. */
export const SAVE_EXPORT_CHANNEL = 'file:save-export'

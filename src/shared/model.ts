import { z } from 'zod'

/** Largest paste or import Clipdesk accepts, in UTF-8 bytes (5 MB). */
export const MAX_PASTE_BYTES = 5 * 1024 * 1024

/** An identifier issued by the store (a random UUID). */
export const IdSchema = z.string().min(1).max(100)

/** An ISO 8601 timestamp or date. */
export const IsoDateSchema = z.string().min(4).max(40)

/** A tag: free text, compared case-insensitively, stored trimmed. */
export const TagSchema = z.string().trim().min(1).max(80)

/** A clipping: one article, its body kept exactly as pasted. */
export const ClippingSchema = z.object({
  id: IdSchema,
  title: z.string().max(1000),
  outlet: z.string().max(300).nullable(),
  byline: z.string().max(500).nullable(),
  url: z.string().max(4000).nullable(),
  publishedAt: IsoDateSchema.nullable(),
  capturedAt: IsoDateSchema,
  /** The article text as pasted, paragraphs separated by blank lines; never rewritten after saving. */
  body: z.string(),
  /** Spans of the body set aside as boilerplate (contact lines, share prompts); restorable. */
  boilerplate: z.array(z.object({ start: z.number().int(), end: z.number().int() })).default([]),
  tags: z.array(TagSchema).default([]),
  note: z.string().max(20000).default(''),
  contentHash: z.string()
})
/** A stored clipping. */
export type Clipping = z.infer<typeof ClippingSchema>

/** How much of a statement a quote is. */
export const QuoteKindSchema = z.enum(['direct', 'partial'])
/** Where a quote stands in review. */
export const QuoteStatusSchema = z.enum(['suggested', 'confirmed', 'rejected'])

/** A quote: a verbatim span of a clipping's body with its speaker. */
export const QuoteSchema = z.object({
  id: IdSchema,
  clippingId: IdSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Always equal to `clipping.body.slice(start, end)`. */
  text: z.string(),
  speakerId: IdSchema.nullable(),
  venue: z.string().max(300).nullable(),
  kind: QuoteKindSchema,
  status: QuoteStatusSchema,
  /** The analyser's confidence for suggestions, null for quotes tagged by hand. */
  confidence: z.number().min(0).max(1).nullable().default(null),
  tags: z.array(TagSchema).default([]),
  note: z.string().max(20000).default(''),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema
})
/** A stored quote. */
export type Quote = z.infer<typeof QuoteSchema>

/** What a source is. */
export const SourceKindSchema = z.enum(['person', 'organisation', 'outlet'])

/** A source: a person, organisation or outlet quoted or cited. */
export const SourceSchema = z.object({
  id: IdSchema,
  kind: SourceKindSchema,
  name: z.string().trim().min(1).max(300),
  aliases: z.array(z.string().trim().min(1).max(300)).default([]),
  role: z.string().max(300).nullable().default(null),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema
})
/** A stored source. */
export type Source = z.infer<typeof SourceSchema>

/** What one briefing item points at. */
export const BriefingItemKindSchema = z.enum(['quote', 'clipping', 'note'])

/** One item of a briefing section. */
export const BriefingItemSchema = z.object({
  id: IdSchema,
  kind: BriefingItemKindSchema,
  /** The quote or clipping id; null for a note. */
  refId: IdSchema.nullable(),
  /** The note's text, for kind `note`. */
  text: z.string().max(50000).default(''),
  /** The journalist's commentary on the item. */
  comment: z.string().max(50000).default('')
})
/** A briefing item. */
export type BriefingItem = z.infer<typeof BriefingItemSchema>

/** A briefing section: a heading and its items. */
export const BriefingSectionSchema = z.object({
  id: IdSchema,
  heading: z.string().max(500),
  items: z.array(BriefingItemSchema)
})
/** A briefing section. */
export type BriefingSection = z.infer<typeof BriefingSectionSchema>

/** A briefing document composed from the library. */
export const BriefingSchema = z.object({
  id: IdSchema,
  title: z.string().max(500),
  date: IsoDateSchema,
  author: z.string().max(300),
  sections: z.array(BriefingSectionSchema),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema
})
/** A stored briefing. */
export type Briefing = z.infer<typeof BriefingSchema>

/** A span of text found by the analyser. */
export const TextSpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string()
})
/** A span of text. */
export type TextSpan = z.infer<typeof TextSpanSchema>

/** A quote proposed by the analyser. */
export const QuoteProposalSchema = TextSpanSchema.extend({
  speaker: z.string().nullable(),
  role: z.string().nullable(),
  venue: z.string().nullable(),
  kind: QuoteKindSchema,
  confidence: z.number().min(0).max(1)
})
/** A quote proposal. */
export type QuoteProposal = z.infer<typeof QuoteProposalSchema>

/** A person the analyser found. */
export const PersonProposalSchema = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  role: z.string().nullable()
})
/** An organisation the analyser found. */
export const OrganisationProposalSchema = z.object({
  name: z.string(),
  aliases: z.array(z.string())
})
/** A place the analyser found. */
export const PlaceProposalSchema = z.object({ name: z.string() })

/** Everything the analyser proposes for one pasted article; offsets index into `body`. */
export const AnalysisSchema = z.object({
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  byline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  /** The article as plain paragraphs separated by blank lines: what would be stored. */
  body: z.string(),
  boilerplate: z.array(TextSpanSchema),
  quotes: z.array(QuoteProposalSchema),
  people: z.array(PersonProposalSchema),
  organisations: z.array(OrganisationProposalSchema),
  places: z.array(PlaceProposalSchema),
  /** Things the journalist should know about this paste (stripped content, unbalanced marks). */
  warnings: z.array(z.string())
})
/** The analyser's output. */
export type Analysis = z.infer<typeof AnalysisSchema>

/** Compares tags case-insensitively. */
export function sameTag(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}

/** Returns the tags trimmed, without case-insensitive duplicates, first spelling kept. */
export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = []
  for (const raw of tags) {
    const tag = raw.trim()
    if (tag && !out.some((t) => sameTag(t, tag))) out.push(tag)
  }
  return out
}

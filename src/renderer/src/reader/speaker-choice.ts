import type { Source } from '@shared/model'

/** A new source the user is creating while tagging a quote. */
export interface NewSourceFields {
  name: string
  role: string
  kind: Source['kind']
}

/** Who said a quote: an existing source, a source to create, or nobody (both null). */
export interface SpeakerChoice {
  sourceId: string | null
  newSource: NewSourceFields | null
}

/** A choice of no speaker. */
export function noSpeaker(): SpeakerChoice {
  return { sourceId: null, newSource: null }
}

import type { TextSpan } from '@shared/model'

const MAX_BOILERPLATE_LENGTH = 400

/** The opening of a copyright line: "©", "(c)" or "Copyright". */
export const COPYRIGHT_OPENING = /^(?:©|\(c\)|copyright\b)/i

const PATTERNS: readonly RegExp[] = [
  // Contact lines and story requests.
  /^(?:get in touch|got a story|have you got a story|do you have a story|if you have a story|got a tip|tell us your story|share your (?:story|views|experience)|email us|write to us|we want to hear from you)\b/i,
  /^contact\b.*(?:@|\bus\b|\bour\b|news ?desk|news team|press office|\+?\d[\d\s]{7,})/i,
  /\b(?:email(?:ing)?|contact) (?:us|our (?:news ?desk|news team|team)|the news ?desk)\b.*@/i,
  // Pointers to more content.
  /^for (?:more|the latest) (?:stories|news|articles|updates|coverage|like this)\b/i,
  /^(?:read more|more|related|related articles?|see also|recommended|most read|watch|listen|explained|analysis|live)\s*:/i,
  /^(?:read more|related stories|related articles|more on this story|top stories|most read|trending|you may also like|recommended for you|more from \S.*)$/i,
  /^(?:click|tap) here\b/i,
  // Sharing, newsletters, follow prompts.
  /^share (?:this|on|via)\b/i,
  /^(?:share|facebook|twitter|x|whatsapp|messenger|email|linkedin|reddit|pinterest|copy link|print|comments?)$/i,
  /^(?:sign up|subscribe)\b.*(?:newsletter|updates|email|alerts|free|briefing|digest)\b/i,
  /\bsign up (?:to|for) (?:our|the) .*newsletter\b/i,
  /^follow (?:us|@\S+|[\p{Lu}][\w.&'’-]*(?:\s+[\p{Lu}][\w.&'’-]*)*) on (?:twitter|x|facebook|instagram|tiktok|threads|bluesky|linkedin|youtube|whatsapp)\b/iu,
  /^(?:advertisement|advert|sponsored|sponsored content|ad feature|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading(?: below)?|skip advert|skip ad)$/i,
  // Copyright and image credits.
  COPYRIGHT_OPENING,
  /\ball rights reserved\.?$/i,
  /^\(?(?:picture|pictures|photo|photos|photograph|image|images|credit|pic|pics|video)s?\s*:\s*[^()]{1,80}\)?$/i,
  /^(?:getty images|reuters|pa|pa media|ap|afp|shutterstock|alamy|epa|rex features)\)?$/i
]

const SPEECH_VERBS =
  /\b(?:said|says|say|told|tells|added|adds|asked|asks|explained|explains|warned|warns|insisted|insists|claimed|claims|stated|states|declared|declares|replied|replies|wrote|writes|according to|urged|urges|argued|argues)\b/i
const QUOTATION = /[“”«»„]|(?:^|[\s(\[—–-])['"‘][^\s]|[^\s]['"’](?=[\s,.;:!?)\]—–-]|$)/

/** Whether a line is a quotation with a speech verb (never boilerplate, however it starts). */
function isReportedSpeech(text: string): boolean {
  return QUOTATION.test(text) && SPEECH_VERBS.test(text)
}

function isBoilerplateLine(text: string): boolean {
  if (text.length > MAX_BOILERPLATE_LENGTH || isReportedSpeech(text)) return false
  return PATTERNS.some((pattern) => pattern.test(text))
}

/**
 * Spans of the body that are whole lines of boilerplate: contact lines, "Read more" and "MORE:"
 * pointers, share and newsletter prompts, follow-us lines, adverts, copyright lines and image
 * credits. Lines of one paragraph are joined into one span. A line quoting someone with a speech
 * verb is never flagged. The spans are set aside by the reader, never deleted.
 */
export function findBoilerplate(body: string): TextSpan[] {
  const spans: TextSpan[] = []
  const linePattern = /[^\r\n]+/g
  let previousEnd = -1
  for (const match of body.matchAll(linePattern)) {
    const raw = match[0]
    const leading = raw.length - raw.trimStart().length
    const text = raw.trim()
    if (!text || !isBoilerplateLine(text)) continue
    const start = match.index + leading
    const end = start + text.length
    const last = spans.at(-1)
    // Lines of one paragraph (one line break between them) become one span.
    if (
      last &&
      last.end === previousEnd &&
      /^[ \t]*(?:\r\n|\r|\n)[ \t]*$/.test(body.slice(last.end, start))
    ) {
      last.end = end
      last.text = body.slice(last.start, end)
    } else {
      spans.push({ start, end, text })
    }
    previousEnd = end
  }
  return spans
}

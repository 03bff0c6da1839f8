import type { TextSpan } from '@shared/model'

const MAX_BOILERPLATE_LENGTH = 400

/** The opening of a copyright line: "©", "(c)" or "Copyright". */
export const COPYRIGHT_OPENING = /^(?:©|\(c\)|copyright\b)/i

/**
 * A pattern whose lower-case words also match capitalised ("[Rr]eporting"). Patterns that test
 * for capitals with \p{Lu} cannot take the i flag, which makes \p{Lu} match any letter.
 */
function eitherCase(source: string): string {
  return source.replace(/(?<![\\\p{L}])\p{Ll}/gu, (letter) => `[${letter}${letter.toUpperCase()}]`)
}

const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*"
const NAME_CONNECTOR = '(?:and|&|in|from|at|the|de|van|von|der|del|da|di|du|le|la|al|bin)'
const CREDIT_NAMES = `(?:the )?${NAME_WORD}(?:(?:,\\s*|\\s+)(?:${NAME_CONNECTOR}\\s+)*(?:${NAME_WORD}|staff))*`
const CREDIT = `${eitherCase(
  '(?:(?:additional|further) )?(?:reporting|writing|editing|compiled|graphics|research|fact-checking)(?: and (?:reporting|writing|editing))? by'
)} ${CREDIT_NAMES}`
/** A wire service's credits: "Reporting by …; Editing by …", in brackets or not. */
const WIRE_CREDITS = new RegExp(`^\\(?${CREDIT}(?:\\s*[;,.]\\s*${CREDIT})*[\\s.;]*\\)?\\.?$`, 'u')
const CONTRIBUTORS = `${NAME_WORD}(?:\\s+${NAME_WORD}){1,3}`
/** "Ann Lee and Tom Reid contributed reporting." */
const CONTRIBUTED = new RegExp(
  `^${CONTRIBUTORS}(?:(?:,| and| &)\\s+${CONTRIBUTORS})*\\s+(?:also )?contributed (?:reporting|research|to this (?:report|story|article))(?: from ${NAME_WORD}(?:,?\\s+${NAME_WORD}){0,3})?\\.?$`,
  'u'
)
const SUPPORT_TAIL =
  '(?:and|by) (?:becom(?:e|ing) an? (?:subscriber|member|supporter)|subscrib(?:e|ing)|(?:mak(?:e|ing) an? )?(?:donation|contribution)|donat(?:e|ing)|contribut(?:e|ing)|sign(?:ing)? up)\\b[^.!?]{0,60}'
/** "Support The Gazette and become a subscriber today", "Support independent journalism". */
const SUPPORT_PROMPT = new RegExp(
  `^${eitherCase('(?:please )?support')} (?:(?:us|our (?:journalism|work|reporting)|(?:(?:local|independent|quality|trusted|public[- ]interest) )?journalism)(?: today)?(?: ${SUPPORT_TAIL})?|(?:[Tt]he )?${NAME_WORD}(?: ${NAME_WORD}){0,4}(?: today)? ${SUPPORT_TAIL})[.!]?$`,
  'u'
)
/** "Become a subscriber today", "Become a Gazette supporter for £1 a month". */
const BECOME_PROMPT = new RegExp(
  `^${eitherCase('become')} an? (?:${NAME_WORD}\\s+){0,4}(?:subscriber|member|supporter|patron|insider)(?: (?:today|now|for [^.!?,]{1,40}|and [^.!?,]{1,60}))?[.!]?$`,
  'u'
)

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
  // Subscription and membership prompts.
  /^\(?subscribe(?: (?:now|today|here)\b| to\b|[.!]?\)?$)[^.!?]{0,120}[.!]?\)?$/i,
  SUPPORT_PROMPT,
  BECOME_PROMPT,
  /^already (?:a subscriber|a member|subscribed|have an account|registered)\b[^.!?]{0,10}[?.!]?\s*(?:(?:log|sign) ?in|subscribe|register)?[^.!?]{0,40}[.!]?$/i,
  /^(?:this (?:article|content|story|piece) is (?:only available|exclusive|reserved) (?:to|for) (?:our )?(?:subscribers|members)|(?:subscribe|log in|sign in) to (?:continue reading|read (?:the full|this|more))|subscriber[- ]only\b)/i,
  // Wire-service credits and standards notes.
  WIRE_CREDITS,
  CONTRIBUTED,
  /^our standards\s*:.{0,80}$/i,
  /^the thomson reuters trust principles\.?$/i,
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

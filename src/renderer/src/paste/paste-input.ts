import { MAX_PASTE_BYTES } from '@shared/model'

/** What a paste or a chosen file gives the analyser. */
export interface PasteContent {
  text?: string
  html?: string
}

/** File name endings the "Choose file…" input accepts. */
export const TEXT_FILE_TYPES = ['.txt', '.md', '.markdown', '.html', '.htm']

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** Why a paste cannot be analysed (empty, or over 5 MB), or null when it can. */
export function pasteProblem(content: PasteContent): string | null {
  const text = content.text ?? ''
  const html = content.html ?? ''
  if (text.trim() === '' && html.replace(/<[^>]*>/g, '').trim() === '') {
    return 'The paste is empty. Copy an article’s text in your browser or editor and paste it here.'
  }
  const bytes = new TextEncoder().encode(text).length + new TextEncoder().encode(html).length
  if (bytes > MAX_PASTE_BYTES) {
    return `This paste is ${megabytes(bytes)}; Clipdesk takes up to 5 MB. Paste only the article.`
  }
  return null
}

/** Whether bytes look like a binary file rather than text: a NUL byte, or not UTF-8. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192)
  if (head.includes(0)) return true
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return false
  } catch {
    return true
  }
}

/** Turns a chosen file's bytes into paste content, or answers why it cannot be used. */
export function readTextFile(
  name: string,
  bytes: Uint8Array
): { content: PasteContent } | { problem: string } {
  const lower = name.toLowerCase()
  if (!TEXT_FILE_TYPES.some((ending) => lower.endsWith(ending))) {
    return { problem: `“${name}” is not a text file. Choose a .txt, .html or .md file.` }
  }
  if (bytes.length > MAX_PASTE_BYTES) {
    return { problem: `“${name}” is ${megabytes(bytes.length)}; Clipdesk takes files up to 5 MB.` }
  }
  if (looksBinary(bytes)) {
    return {
      problem: `“${name}” does not contain readable text (it looks like a binary file). Choose a .txt, .html or .md file.`
    }
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '')
  if (text.trim() === '') return { problem: `“${name}” is empty.` }
  return { content: lower.endsWith('.html') || lower.endsWith('.htm') ? { html: text } : { text } }
}

const SPACE = /\s/

/** The number of words in a text (runs of non-space characters), counted without copying it. */
export function countWords(text: string): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const space = code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(text.charAt(i))
    if (!space && !inWord) count++
    inWord = !space
  }
  return count
}

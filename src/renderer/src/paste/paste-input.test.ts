import { describe, expect, it } from 'vitest'
import { countWords, looksBinary, pasteProblem, readTextFile } from './paste-input'

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('pasteProblem', () => {
  it('refuses an empty paste, including HTML with no text', () => {
    expect(pasteProblem({ text: '  \n ' })).toMatch(/empty/)
    expect(pasteProblem({ html: '<p> </p><br>' })).toMatch(/empty/)
  })

  it('refuses a paste over 5 MB and names its size', () => {
    expect(pasteProblem({ text: 'a'.repeat(5 * 1024 * 1024 + 1) })).toBe(
      'This paste is 5.0 MB; Clipdesk takes up to 5 MB. Paste only the article.'
    )
  })

  it('accepts an ordinary article', () => {
    expect(pasteProblem({ text: 'Ukraine’s president said: ‘We will win.’' })).toBeNull()
  })
})

describe('readTextFile', () => {
  it('reads .txt and .md as text without a BOM, and .html as HTML', () => {
    expect(readTextFile('a.txt', encode('\uFEFFHello'))).toEqual({ content: { text: 'Hello' } })
    expect(readTextFile('notes.MD', encode('# Hi'))).toEqual({ content: { text: '# Hi' } })
    expect(readTextFile('page.html', encode('<p>Hi</p>'))).toEqual({
      content: { html: '<p>Hi</p>' }
    })
  })

  it('refuses a binary file and a file of another type with a message naming it', () => {
    const pdfLike = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe])
    expect(readTextFile('story.txt', pdfLike)).toEqual({
      problem:
        '“story.txt” does not contain readable text (it looks like a binary file). Choose a .txt, .html or .md file.'
    })
    expect(readTextFile('story.pdf', encode('text'))).toEqual({
      problem: '“story.pdf” is not a text file. Choose a .txt, .html or .md file.'
    })
  })

  it('treats invalid UTF-8 as binary', () => {
    expect(looksBinary(new Uint8Array([0x68, 0x69, 0xc3, 0x28]))).toBe(true)
    expect(looksBinary(encode('Ukraine’s'))).toBe(false)
  })
})

describe('countWords', () => {
  it('counts runs of non-space characters across lines, tabs and no-break spaces', () => {
    expect(countWords('')).toBe(0)
    expect(countWords('  \n\t ')).toBe(0)
    expect(countWords('Ukraine’s grain\n\n‘We will win,’ she said.\u00a0Yes\u2003no')).toBe(9)
  })

  it('counts the words of a 5 MB article', () => {
    const paragraph = 'Residents of the ward gathered outside the town hall on Tuesday.'
    expect(countWords(Array(80_000).fill(paragraph).join('\n\n'))).toBe(880_000)
  })
})

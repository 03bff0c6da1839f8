import { expect, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The sample article written for these tests: British style, curly single quotes, a three-paragraph quote. */
export const SAMPLE_PATH = resolve(__dirname, '..', 'resources', 'samples', 'harbour-talks.txt')
/** Its text. */
export const SAMPLE_TEXT = readFileSync(SAMPLE_PATH, 'utf8')
/** Its headline, which the analyser proposes as the title. */
export const SAMPLE_TITLE = 'Ministers agree emergency plan to reopen Black Sea grain route'

/** Pastes text (and optionally HTML) the way the clipboard does: a paste event on the page. */
export async function pasteClipboard(page: Page, text: string, html?: string): Promise<void> {
  await page.evaluate(
    ({ text, html }) => {
      const data = new DataTransfer()
      data.setData('text/plain', text)
      if (html) data.setData('text/html', html)
      const event = new ClipboardEvent('paste', {
        clipboardData: data,
        bubbles: true,
        cancelable: true
      })
      document.dispatchEvent(event)
    },
    { text, html }
  )
}

/** Selects the article text from the first word of `from` to the last of `to`, across paragraphs. */
export async function selectArticleText(page: Page, from: string, to: string): Promise<void> {
  const article = page.getByRole('document', { name: 'Article text' })
  await expect(article).toBeVisible()
  await article.evaluate(
    (root, { from, to }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      const nodes: Text[] = []
      let text = ''
      const starts: number[] = []
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push(node as Text)
        starts.push(text.length)
        text += node.textContent ?? ''
      }
      const begin = text.indexOf(from)
      const finish = text.indexOf(to, begin) + to.length
      if (begin < 0 || finish < to.length) throw new Error(`text not found: ${from} … ${to}`)
      const locate = (offset: number, atEnd: boolean): [Text, number] => {
        for (let i = nodes.length - 1; i >= 0; i--) {
          if (starts[i] < offset || (!atEnd && starts[i] === offset))
            return [nodes[i], offset - starts[i]]
        }
        return [nodes[0], 0]
      }
      const range = document.createRange()
      range.setStart(...locate(begin, false))
      range.setEnd(...locate(finish, true))
      const selection = document.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
      document.dispatchEvent(new Event('selectionchange'))
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    },
    { from, to }
  )
}

/** Pastes the sample article and saves it with no suggestions kept, opening the reader. */
export async function pasteSampleByHand(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
  await pasteClipboard(page, SAMPLE_TEXT)
  const dialog = page.getByRole('dialog', { name: 'New clipping' })
  await expect(dialog.getByLabel('Title')).toHaveValue(SAMPLE_TITLE)
  await expect(dialog.getByLabel('Outlet')).toHaveValue('Metro')
  for (const box of await dialog.getByRole('checkbox').all()) await box.uncheck()
  await dialog.getByRole('button', { name: 'Save clipping' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('document', { name: 'Article text' })).toContainText(
    'Ukraine’s grain exports could resume'
  )
}

/** Tags the selected text as a quote by a new source, with the keyboard shortcut. */
export async function tagSelection(
  page: Page,
  speaker: { name: string; role: string },
  venue = ''
): Promise<void> {
  await page.keyboard.press('Control+Shift+Q')
  const dialog = page.getByRole('dialog', { name: 'Tag quote' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Speaker').fill(speaker.name)
  await dialog.getByRole('option', { name: `Create new source “${speaker.name}”` }).click()
  await dialog.getByLabel('Role').fill(speaker.role)
  if (venue) await dialog.getByLabel('Venue').fill(venue)
  await dialog.getByRole('button', { name: 'Save quote' }).click()
  await expect(dialog).toBeHidden()
}

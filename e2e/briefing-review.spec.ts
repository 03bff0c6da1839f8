import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { pasteClipboard, SAMPLE_TEXT, SAMPLE_TITLE } from './steps'

const BRIEFING = 'Grain route: unconfirmed voices'
const UNCONFIRMED = /Until somebody answers that question/
const CONFIRMED = /Our farmers have waited long enough/

/** The sample article as a browser copies it: HTML with its headline, outlet and date. */
function sampleHtml(): string {
  const paragraphs = SAMPLE_TEXT.split(/\n\s*\n/)
    .slice(3)
    .filter((text) => !/^(Get in touch|For more stories)/.test(text))
    .map((text) => `<p>${text.trim()}</p>`)
    .join('\n')
  return `<html><head><title>${SAMPLE_TITLE} | Metro</title>
    <meta property="og:site_name" content="Metro">
    <meta property="article:published_time" content="2026-11-24T09:00:00Z"></head>
    <body><article><h1>${SAMPLE_TITLE}</h1>\n${paragraphs}</article></body></html>`
}

/** Fills the new-clipping dialog's citation fields the same way for both pastes but the URL. */
async function saveClipping(page: Page, url: string, keepSuggestions: boolean): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'New clipping' })
  await expect(dialog.getByLabel('Title')).not.toHaveValue('')
  await dialog.getByLabel('Title').fill(SAMPLE_TITLE)
  await dialog.getByLabel('Outlet').fill('Metro')
  await dialog.getByLabel('Date').fill('2026-11-24')
  await dialog.getByLabel('URL').fill(url)
  if (!keepSuggestions)
    for (const box of await dialog.getByRole('checkbox').all()) await box.uncheck()
  await dialog.getByRole('button', { name: 'Save clipping' }).click()
  await expect(dialog).toBeHidden()
}

test('unconfirmed quotes are marked and warned about, quotes lose stray commas, and one article is one source', async ({
  page,
  clipdesk
}) => {
  await page.goto(clipdesk.url)
  const downloads: string[] = []
  page.on('download', (download) => downloads.push(download.suggestedFilename()))

  await test.step('paste the article as text, keep its suggestions and confirm one', async () => {
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
    await pasteClipboard(page, SAMPLE_TEXT)
    await saveClipping(page, 'https://metro.example/news/black-sea-grain-route', true)
    const confirmed = page.getByRole('article', { name: CONFIRMED })
    await confirmed.getByRole('button', { name: 'Accept', exact: true }).click()
    await expect(confirmed.getByRole('button', { name: 'Accept', exact: true })).toHaveCount(0)
    await expect(
      page.getByRole('article', { name: UNCONFIRMED }).getByRole('button', { name: 'Accept' })
    ).toBeVisible()
  })

  await test.step('paste the same article again, as HTML from another address', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Library' })
      .click()
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
    await pasteClipboard(page, SAMPLE_TEXT, sampleHtml())
    await saveClipping(page, 'https://metro.example/amp/black-sea-grain-route', false)
  })

  await test.step('compose from the library: suggestions only when asked for, badged', async () => {
    await page.getByRole('link', { name: 'Briefings' }).click()
    await page.getByRole('button', { name: 'New briefing' }).click()
    const create = page.getByRole('dialog', { name: 'New briefing' })
    await create.getByLabel('Briefing title').fill(BRIEFING)
    await create.getByRole('button', { name: 'Create briefing' }).click()
    await page.getByLabel('Section heading').first().fill('Voices')
    await page.getByRole('button', { name: 'Add section' }).click()
    await page.getByLabel('Section heading').nth(1).fill('Background')
    await expect(page.getByText('Saved', { exact: true })).toBeVisible()

    await page.getByRole('tab', { name: 'Add from library' }).click()
    const panel = page.getByRole('tabpanel', { name: 'Add from library' })
    await panel.getByLabel('Add to section').selectOption({ label: '1. Voices' })
    const quotes = panel.getByRole('list', { name: 'Quotes' })
    await expect(quotes.getByRole('listitem').filter({ hasText: CONFIRMED })).toBeVisible()
    await expect(quotes.getByRole('listitem').filter({ hasText: UNCONFIRMED })).toHaveCount(0)
    await expect(quotes.getByText('Suggestion', { exact: true })).toHaveCount(0)
    await quotes
      .getByRole('listitem')
      .filter({ hasText: CONFIRMED })
      .getByRole('button', { name: 'Add' })
      .click()

    await panel.getByLabel(/Include unconfirmed suggestions/).check()
    const suggestion = quotes.getByRole('listitem').filter({ hasText: UNCONFIRMED })
    await expect(suggestion.getByText('Suggestion', { exact: true })).toBeVisible()
    await suggestion.getByRole('button', { name: 'Add' }).click()

    await panel.getByLabel('Add to section').selectOption({ label: '2. Background' })
    await panel.getByRole('radiogroup', { name: 'Show' }).getByText('Clippings').click()
    await panel
      .getByRole('list', { name: 'Clippings' })
      .getByRole('listitem')
      .filter({ hasText: '0 quotes' })
      .getByRole('button', { name: 'Add' })
      .click()

    const voices = page.getByRole('region', { name: 'Voices' })
    await expect(voices.getByText('unconfirmed', { exact: true })).toHaveCount(1)
    await voices.getByLabel('Comment').first().fill('Lead with Koval.')
    const background = page.getByRole('region', { name: 'Background' })
    await background.getByRole('button', { name: 'Add note' }).click()
    await background.getByLabel('Note', { exact: true }).fill('Insurers meet on Thursday.')
    await expect(background.getByLabel('Comment')).toHaveCount(1)
    await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  })

  await test.step('the preview marks the unconfirmed quote and drops the stray comma', async () => {
    await page.getByRole('tab', { name: 'Preview' }).click()
    const frame = page.locator('iframe[title="Briefing preview"]').contentFrame()
    await expect(frame.getByText('Insurers meet on Thursday.')).toBeAttached()
    await expect(frame.locator('.unconfirmed-label')).toHaveCount(1)
    await expect(frame.locator('blockquote p', { hasText: /ships in port$/ })).toHaveCount(1)
  })

  let markdown = ''
  await test.step('Markdown export asks first; Go back exports nothing', async () => {
    await page.getByRole('button', { name: 'Export Markdown' }).click()
    const check = page.getByRole('dialog', { name: 'Unconfirmed quotes' })
    await expect(check).toContainText('This briefing holds 1 quote that nobody has confirmed.')
    await expect(check.getByRole('button', { name: 'Go back' })).toBeFocused()
    await check.getByRole('button', { name: 'Go back' }).click()
    await expect(check).toBeHidden()
    expect(downloads).toEqual([])

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export Markdown' }).click()
    await check.getByRole('button', { name: 'Export Markdown anyway' }).click()
    markdown = await readFile(await (await download).path(), 'utf8')
  })

  await test.step('the Markdown marks the unconfirmed quote and cites the article once', async () => {
    expect(markdown).toContain(
      '> Until somebody answers that question, owners will keep their ships in port\n'
    )
    expect(markdown).not.toContain('ships in port,')
    expect(markdown).toMatch(
      /\n— Tom Bradley, [^\n]*, \*Metro\*, 24 November 2026 \[1\] \[unconfirmed\]\n/
    )
    expect(markdown).toMatch(/\n— Dmytro Koval, [^\n]*, \*Metro\*, 24 November 2026 \[1\]\n/)
    expect(markdown.match(/\[unconfirmed\]/g)).toHaveLength(1)
    expect(markdown).toContain(`**${SAMPLE_TITLE}** — *Metro*`)
    expect(markdown).toContain('Insurers meet on Thursday.')
    const sources = markdown.slice(markdown.indexOf('## Sources\n'))
    expect(sources).toMatch(
      new RegExp(
        `^## Sources\\n\\n1\\. ${SAMPLE_TITLE}\\. \\*Metro\\*[^\\n]*24 November 2026\\. <https://metro\\.example/news/black-sea-grain-route>\\n$`
      )
    )
  })

  await test.step('the PDF marks the unconfirmed quote, labels commentary and lists one source', async () => {
    const download = page.waitForEvent('download', { timeout: 60_000 })
    await page.getByRole('button', { name: 'Export PDF' }).click()
    const check = page.getByRole('dialog', { name: 'Unconfirmed quotes' })
    await check.getByRole('button', { name: 'Export PDF anyway' }).click()
    const file = await (await download).path()
    await (await download).saveAs(test.info().outputPath('briefing.pdf'))
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((text) => text.trim() !== '')
      .map((text) => text.replace(/\s+/g, ' '))
    const text = pages.join(' ')
    expect(text).toContain('owners will keep their ships in port')
    expect(text).not.toContain('ships in port,')
    expect(text).toMatch(/Tom Bradley, [^[]*24 November 2026 \[1\] UNCONFIRMED/)
    expect(text.match(/UNCONFIRMED/g)).toHaveLength(1)
    expect(text).toContain('COMMENT Lead with Koval.')
    expect(text).toContain('NOTE Insurers meet on Thursday.')
    const sources = text.slice(text.indexOf('SOURCES'))
    expect(sources).toContain(`1. ${SAMPLE_TITLE}.`)
    expect(sources).not.toMatch(/\s2\.\s/)
    // The source list sits on one page with its heading.
    expect(pages.filter((page) => page.includes('SOURCES'))).toHaveLength(1)
    expect(pages.find((page) => page.includes('SOURCES'))).toContain(
      'https://metro.example/news/black-sea-grain-route'
    )
  })
})

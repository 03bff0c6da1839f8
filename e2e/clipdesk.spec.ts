import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import {
  pasteClipboard,
  pasteSampleByHand,
  SAMPLE_TEXT,
  SAMPLE_TITLE,
  selectArticleText,
  tagSelection
} from './steps'

const BRIEFING = 'Black Sea grain briefing'

async function addQuoteToBriefing(page: Page, quoteText: RegExp, section: string): Promise<void> {
  const card = page.getByRole('article', { name: quoteText })
  await card.getByRole('button', { name: 'Add to briefing' }).click()
  await page.getByRole('group', { name: BRIEFING }).getByRole('menuitem', { name: section }).click()
  await expect(
    page.getByRole('status').or(page.getByRole('region', { name: 'Notifications' }))
  ).toContainText(section)
}

test('a journalist pastes, tags, composes and exports a briefing that survives a restart', async ({
  page,
  clipdesk
}) => {
  await page.goto(clipdesk.url)

  await test.step('paste the article and keep it verbatim', async () => {
    await pasteSampleByHand(page)
  })

  await test.step('tag two quotes, one over three paragraphs, with two new speakers', async () => {
    await selectArticleText(page, 'Every one of them told us', 'and it is ours.')
    await tagSelection(
      page,
      { name: 'Eleanor Marsh', role: 'Foreign Secretary' },
      'press conference'
    )
    await selectArticleText(page, 'Our farmers have waited', 'Today they were heard.')
    await tagSelection(
      page,
      { name: 'Dmytro Koval', role: 'Deputy Agriculture Minister' },
      'video address'
    )
    await expect(page.getByRole('article', { name: /Every one of them/ })).toContainText(
      'Eleanor Marsh'
    )
    await expect(page.getByRole('article', { name: /Our farmers have waited/ })).toContainText(
      'Dmytro Koval'
    )
  })

  await test.step('tag the clipping', async () => {
    const tags = page.getByLabel('Add tag')
    await tags.fill('grain')
    await tags.press('Enter')
    await expect(page.getByRole('button', { name: 'Remove tag grain' })).toBeVisible()
  })

  await test.step('compose a two-section briefing', async () => {
    const reader = page.url()
    await page.getByRole('link', { name: 'Briefings' }).click()
    await page.getByRole('button', { name: 'New briefing' }).click()
    const dialog = page.getByRole('dialog', { name: 'New briefing' })
    await dialog.getByLabel('Briefing title').fill(BRIEFING)
    await dialog.getByLabel('Author').fill('Foreign desk')
    await dialog.getByRole('button', { name: 'Create briefing' }).click()
    await expect(page.getByLabel('Briefing title')).toHaveValue(BRIEFING)
    await page.getByLabel('Section heading').first().fill('The deal')
    await page.getByRole('button', { name: 'Add section' }).click()
    await page.getByLabel('Section heading').nth(1).fill('Reaction')
    await expect(page.getByText('Saved', { exact: true })).toBeVisible()

    await page.goto(reader)
    await addQuoteToBriefing(page, /Every one of them/, 'The deal')
    await addQuoteToBriefing(page, /Our farmers have waited/, 'Reaction')

    await page.getByRole('link', { name: 'Briefings' }).click()
    await page.getByRole('link', { name: BRIEFING }).first().click()
    // A short window, so the two-section preview has something to scroll.
    const viewport = page.viewportSize()
    await page.setViewportSize({ width: 1280, height: 560 })
    const preview = page.locator('iframe[title="Briefing preview"]')
    await expect(preview.contentFrame().getByText('Reaction', { exact: true })).toBeVisible()
    const frame = await (await preview.elementHandle())!.contentFrame()
    const scrolled = await frame!.evaluate(() => {
      window.scrollTo(0, 120)
      return window.scrollY
    })
    expect(scrolled).toBeGreaterThan(60)
    await page
      .getByRole('region', { name: 'Reaction' })
      .getByLabel('Comment')
      .fill('Kyiv is on board.')
    await expect(page.getByText('Saved', { exact: true })).toBeVisible()
    // The preview renders the saved briefing again and stays where the reader had scrolled.
    await expect(preview.contentFrame().getByText('Kyiv is on board.')).toBeAttached()
    await expect.poll(() => frame!.evaluate(() => window.scrollY)).toBe(scrolled)
    // A save while the Markdown shows reloads the hidden page; back on the page, the place is kept.
    const previewAs = page.getByRole('radiogroup', { name: 'Preview as' })
    await previewAs.getByText('Markdown', { exact: true }).click()
    await page
      .getByRole('region', { name: 'Reaction' })
      .getByLabel('Comment')
      .fill('Kyiv is on board. Ankara too.')
    await expect(page.getByLabel('Markdown text')).toContainText('Ankara too.')
    await expect(preview.contentFrame().getByText('Ankara too.', { exact: false })).toBeAttached()
    await previewAs.getByText('Page', { exact: true }).click()
    await expect.poll(() => frame!.evaluate(() => window.scrollY)).toBe(scrolled)
    if (viewport) await page.setViewportSize(viewport)
  })

  await test.step('export Markdown with quotes, attributions and sources', async () => {
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export Markdown' }).click()
    const markdown = await readFile(await (await download).path(), 'utf8')
    expect(markdown).toContain(`# ${BRIEFING}\n`)
    expect(markdown).toContain('## The deal\n')
    expect(markdown).toContain('## Reaction\n')
    expect(markdown).toContain(
      '> Every one of them told us the same thing: the ships will sail if the risk is shared.\n>\n' +
        '> ‘That is what this plan does. It spreads the risk across every government at the table, and it puts the Ukrainians’ harvest back on the water.\n>\n' +
        '> ‘Nobody should pretend it will be easy. But it is a start, and it is ours.\n'
    )
    expect(markdown).toContain(
      '— Eleanor Marsh, Foreign Secretary, press conference, *Metro*, 24 November 2026 [1]'
    )
    expect(markdown).toContain('> Our farmers have waited long enough. Today they were heard.\n')
    expect(markdown).toContain(
      '— Dmytro Koval, Deputy Agriculture Minister, video address, *Metro*, 24 November 2026 [1]'
    )
    expect(markdown).toContain('Kyiv is on board.')
    expect(markdown).toContain(`## Sources\n\n1. ${SAMPLE_TITLE}. *Metro*, Harriet Okafor`)
  })

  await test.step('export a PDF whose text carries the quotes and citations', async () => {
    const download = page.waitForEvent('download', { timeout: 60_000 })
    await page.getByRole('button', { name: 'Export PDF' }).click()
    const file = await (await download).path()
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-')
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' '
    )
    expect(text).toContain(BRIEFING)
    expect(text).toContain('Every one of them told us the same thing')
    expect(text).toContain('Our farmers have waited long enough.')
    expect(text).toContain('Eleanor Marsh')
    expect(text).toContain('Dmytro Koval')
    expect(text).toContain(SAMPLE_TITLE)
  })

  await test.step('after a reload and a restart, everything is still there', async () => {
    await page.reload()
    await expect(page.getByLabel('Briefing title')).toHaveValue(BRIEFING)
    await clipdesk.restart()
    await page.goto(clipdesk.url)
    const row = page.getByRole('link', { name: SAMPLE_TITLE })
    await expect(row).toBeVisible()
    await page.getByLabel('Search library').fill('farmers waited')
    await expect(row).toBeVisible()
    await row.click()
    await expect(page.getByRole('button', { name: 'Remove tag grain' })).toBeVisible()
    await expect(page.getByRole('article', { name: /Every one of them/ })).toContainText(
      'Eleanor Marsh'
    )
    await expect(page.getByRole('article', { name: /Our farmers have waited/ })).toContainText(
      'Dmytro Koval'
    )
    await page.getByRole('link', { name: 'Briefings' }).click()
    await page.getByRole('link', { name: BRIEFING }).first().click()
    await expect(page.getByLabel('Section heading')).toHaveCount(2)
    await expect(page.getByRole('region', { name: 'Reaction' }).getByLabel('Comment')).toHaveValue(
      'Kyiv is on board. Ankara too.'
    )
  })
})

test('analysis suggestions are accepted and reach a briefing with their speakers', async ({
  page,
  clipdesk
}) => {
  await page.goto(clipdesk.url)
  await pasteClipboard(page, SAMPLE_TEXT)
  const dialog = page.getByRole('dialog', { name: 'New clipping' })
  await expect(dialog.getByLabel('Title')).toHaveValue(SAMPLE_TITLE)
  await expect(
    dialog.getByRole('button', { name: /^Restore set-aside text: Get in touch with our news team/ })
  ).toBeVisible()
  await dialog.getByRole('button', { name: 'Save clipping' }).click()

  const suggestion = page.getByRole('article', { name: /Our farmers have waited long enough/ })
  await expect(suggestion).toContainText('Dmytro Koval')
  await expect(suggestion).toContainText('video address')
  await page.getByRole('button', { name: /^Accept (?:all \d+|\d+ with a speaker)$/ }).click()
  await expect(suggestion.getByRole('button', { name: 'Accept', exact: true })).toHaveCount(0)

  const reader = page.url()
  await page.getByRole('link', { name: 'Briefings' }).click()
  await page.getByRole('button', { name: 'New briefing' }).click()
  const create = page.getByRole('dialog', { name: 'New briefing' })
  await create.getByLabel('Briefing title').fill(BRIEFING)
  await create.getByRole('button', { name: 'Create briefing' }).click()
  await page.getByLabel('Section heading').first().fill('Voices')
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  await page.goto(reader)
  await addQuoteToBriefing(page, /Until somebody answers that question/, 'Voices')
  await addQuoteToBriefing(page, /Our farmers have waited long enough/, 'Voices')

  await page.getByRole('link', { name: 'Briefings' }).click()
  await page.getByRole('link', { name: BRIEFING }).first().click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export Markdown' }).click()
  const markdown = await readFile(await (await download).path(), 'utf8')
  expect(markdown).toContain(
    '> Until somebody answers that question, owners will keep their ships in port\n'
  )
  expect(markdown).toMatch(/— Tom Bradley, [^\n]*, The Times, \*Metro\*, 24 November 2026 \[1\]/)
  expect(markdown).toMatch(/— Dmytro Koval, [^\n]*video address/)
})

test('the page and the API refuse a browser without the launch key or token, and nothing changes', async ({
  page,
  clipdesk
}) => {
  const refused = await page.request.post(`${clipdesk.origin}api/clippings.create`, {
    data: {
      title: 'Injected',
      outlet: null,
      byline: null,
      url: null,
      publishedAt: null,
      tags: [],
      note: '',
      body: 'x'
    }
  })
  expect(refused.status()).toBe(401)
  // Without the launch key (as another user of the machine would come) the page and its token stay shut.
  await page.goto(clipdesk.origin)
  await expect(
    page.getByRole('heading', { name: 'Open Clipdesk from its own address' })
  ).toBeVisible()
  await expect(page.locator('meta[name="clipdesk-token"]')).toHaveCount(0)
  await page.goto(clipdesk.url)
  await expect(page.getByText('Paste an article')).toBeVisible()
  // The key is traded for a session cookie and leaves the address bar.
  expect(page.url()).not.toContain('key=')
  await expect(page.getByText('Your library is empty.')).toBeVisible()
})

test('hostile pasted HTML runs nothing and reaches no network', async ({ page, clipdesk }) => {
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await page.goto(clipdesk.url)
  const html = `<html><head><title>Port reopens after talks</title><meta http-equiv="refresh" content="0;url=https://evil.example/"></head><body>
    <h1>Port reopens after talks</h1><p>The harbour reopened on Monday.</p>
    <img src="https://tracker.example/pixel.gif" onerror="alert('xss')">
    <script>alert('script ran')</script><iframe src="https://evil.example/frame"></iframe>
    <p><a href="javascript:alert('link')">Read more</a></p>
    <p>‘It is open,’ the harbourmaster said.</p></body></html>`
  await pasteClipboard(page, 'Port reopens after talks\n\nThe harbour reopened on Monday.', html)
  const dialog = page.getByRole('dialog', { name: 'New clipping' })
  await expect(dialog.getByLabel('Title')).toHaveValue('Port reopens after talks')
  await dialog.getByRole('button', { name: 'Save clipping' }).click()
  await expect(page.getByRole('document', { name: 'Article text' })).toContainText(
    'The harbour reopened on Monday.'
  )
  await expect(page.getByRole('document', { name: 'Article text' })).not.toContainText('alert(')
  expect(dialogs).toEqual([])
  expect(requests.filter((url) => !url.startsWith(clipdesk.origin))).toEqual([])
})

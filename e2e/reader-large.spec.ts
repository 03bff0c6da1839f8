import { expect, test } from './fixtures'
import { pasteClipboard, SAMPLE_TEXT, SAMPLE_TITLE } from './steps'

/** The sample article's paragraphs repeated, numbered by round, to just over 1 MB. */
function largeArticle(): string {
  const paragraphs = SAMPLE_TEXT.trim().split(/\n\s*\n/)
  const parts = [paragraphs.slice(0, 3).join('\n\n')]
  for (let round = 1; parts.join('\n\n').length < 1024 * 1024; round++) {
    parts.push(
      paragraphs
        .slice(3)
        .map((p) => `${p} (${round})`)
        .join('\n\n')
    )
  }
  return `${parts.join('\n\n')}\n`
}

test('in a large clipping, j moves past the first cards onto the right one, in view', async ({
  page,
  clipdesk
}) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(clipdesk.url)
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
  await pasteClipboard(page, largeArticle())
  const dialog = page.getByRole('dialog', { name: 'New clipping' })
  await expect(dialog.getByLabel('Title')).toHaveValue(SAMPLE_TITLE, { timeout: 60_000 })
  await dialog.getByRole('button', { name: 'Save clipping' }).click()
  await expect(dialog).toBeHidden({ timeout: 60_000 })

  const panel = page.getByRole('complementary', { name: /^Quotes/ })
  const cards = panel.getByRole('article')
  await test.step('the panel shows the first 100 cards of thousands', async () => {
    await expect(cards).toHaveCount(100, { timeout: 30_000 })
    const total = Number(await panel.locator('#quotes-heading .muted').textContent())
    expect(total).toBeGreaterThan(1000)
    await expect(
      panel.getByRole('button', { name: /^Show 100 more \(\d+ not shown\)$/ })
    ).toHaveText(`Show 100 more (${total - 100} not shown)`)
  })

  const active = panel.locator('article[aria-current="true"]')
  await test.step('j 130 times lands on the 130th suggestion, focused and in view', async () => {
    for (let i = 0; i < 130; i++) await page.keyboard.press('j')
    await expect(active).toHaveCount(1)
    const wanted = await cards.nth(129).getAttribute('data-quote-id')
    expect(wanted).toBeTruthy()
    await expect(active).toHaveAttribute('data-quote-id', wanted!)
    await expect(active).toBeInViewport()
    await expect(active.locator('button.show')).toBeFocused()
    await expect(active.getByRole('button', { name: 'Accept', exact: true })).toBeVisible()
    await expect(cards).toHaveCount(200)
  })

  await test.step('k steps back one, and a accepts the active card and moves on', async () => {
    await page.keyboard.press('k')
    const previous = await cards.nth(128).getAttribute('data-quote-id')
    await expect(active).toHaveAttribute('data-quote-id', previous!)
    await page.keyboard.press('a')
    const accepted = panel.locator(`article[data-quote-id="${previous}"]`)
    await expect(accepted).toHaveClass(/confirmed/)
    const next = await cards.nth(129).getAttribute('data-quote-id')
    await expect(active).toHaveAttribute('data-quote-id', next!)
    await expect(active).toBeInViewport()
  })

  await test.step('scrolling the panel to its end renders the next cards', async () => {
    await panel.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
    await expect(cards).toHaveCount(300)
    await expect(panel.getByRole('button', { name: /^Show 100 more/ })).toBeAttached()
  })
})

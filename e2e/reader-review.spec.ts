import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { pasteClipboard, SAMPLE_TEXT, SAMPLE_TITLE, selectArticleText } from './steps'

/** Pastes the sample article and keeps the analyser's suggestions, opening the reader. */
async function pasteSampleWithSuggestions(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
  await pasteClipboard(page, SAMPLE_TEXT)
  const dialog = page.getByRole('dialog', { name: 'New clipping' })
  await expect(dialog.getByLabel('Title')).toHaveValue(SAMPLE_TITLE)
  await dialog.getByRole('button', { name: 'Save clipping' }).click()
  await expect(dialog).toBeHidden()
  await expect(
    quoteList(page).getByRole('button', { name: 'Accept', exact: true })
  ).not.toHaveCount(0)
}

function quoteList(page: Page): ReturnType<Page['getByRole']> {
  return page.getByRole('list', { name: 'Quotes in this clipping' })
}

function acceptButtons(page: Page): ReturnType<Page['getByRole']> {
  return quoteList(page).getByRole('button', { name: 'Accept', exact: true })
}

test('a tag typed just after editing another field is kept, and its letters are no shortcuts', async ({
  page,
  clipdesk
}) => {
  await page.goto(clipdesk.url)
  await pasteSampleWithSuggestions(page)
  const suggestions = await acceptButtons(page).count()

  await test.step('select a suggestion, so that a, r and e would act on it', async () => {
    await page.getByRole('document', { name: 'Article text' }).focus()
    await page.keyboard.press('j')
    await expect(page.locator('[aria-current="true"]')).toHaveCount(1)
  })

  await test.step('edit the URL, Tab to the tags and type a tag at once', async () => {
    await page.getByLabel('URL', { exact: true }).click()
    await page.keyboard.type('https://metro.example/grain', { delay: 20 })
    await page.keyboard.press('Tab')
    await page.keyboard.type('area', { delay: 80 })
    await page.keyboard.press('Enter')
    await expect(page.getByRole('button', { name: 'Remove tag area' })).toBeVisible()
    await expect(page.getByLabel('Add tag')).toBeFocused()
    await expect(page.getByLabel('Add tag')).toBeEnabled()
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(acceptButtons(page)).toHaveCount(suggestions)
    await expect(quoteList(page).getByRole('button', { name: 'Reconsider' })).toHaveCount(0)
  })

  await test.step('a second tag typed straight after is kept too', async () => {
    await page.keyboard.type('grain', { delay: 30 })
    await page.keyboard.press('Enter')
    await expect(page.getByRole('button', { name: 'Remove tag grain' })).toBeVisible()
  })

  await test.step('after a reload the address and both tags are saved', async () => {
    await expect(page.getByText('Saving…')).toHaveCount(0)
    await page.reload()
    await expect(page.getByLabel('URL', { exact: true })).toHaveValue('https://metro.example/grain')
    await expect(page.getByRole('button', { name: 'Remove tag area' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Remove tag grain' })).toBeVisible()
    await expect(acceptButtons(page)).toHaveCount(suggestions)
  })
})

test('Enter in the quote dialogs never picks a source the user did not choose', async ({
  page,
  clipdesk
}) => {
  await page.goto(clipdesk.url)
  await pasteSampleWithSuggestions(page)

  await test.step('Tag quote opens with no source list, and Enter saves it with no speaker', async () => {
    await selectArticleText(page, 'Critics were less certain.', 'Critics were less certain.')
    await page.keyboard.press('Control+Shift+Q')
    const dialog = page.getByRole('dialog', { name: 'Tag quote' })
    await expect(dialog.getByLabel('Speaker')).toBeFocused()
    await expect(dialog.getByRole('listbox', { name: 'Matching sources' })).toBeHidden()
    await expect(dialog.getByLabel('Venue')).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(dialog).toBeHidden()
    const card = page.getByRole('article', { name: /Critics were less certain/ })
    await expect(card).toContainText('No speaker')
    await expect(card).toContainText('Confirmed')
  })

  await test.step('Edit keeps the speaker already there when Enter is pressed', async () => {
    const card = page.getByRole('article', { name: /Until somebody answers/ })
    await card.getByRole('button', { name: 'Edit' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit quote' })
    await expect(dialog.getByLabel('Speaker')).toHaveValue('Tom Bradley')
    await expect(dialog.getByLabel('Speaker')).toBeFocused()
    await expect(dialog.getByRole('listbox', { name: 'Matching sources' })).toBeHidden()
    await page.keyboard.press('Enter')
    await expect(dialog).toBeHidden()
    await expect(card).toContainText('Tom Bradley')
    await expect(card).toContainText('Confirmed')
  })

  await test.step('the list opens on typing, and the two kinds have their own names', async () => {
    await selectArticleText(page, 'Critics were less', 'less')
    await page.keyboard.press('Control+Shift+Q')
    const dialog = page.getByRole('dialog', { name: 'Tag quote' })
    await page.keyboard.type('Gareth Pryce')
    await expect(dialog.getByRole('listbox', { name: 'Matching sources' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog.getByRole('listbox', { name: 'Matching sources' })).toBeHidden()
    await expect(dialog).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('group', { name: 'New source' })).toBeVisible()
    await expect(dialog.getByLabel('Source kind')).toHaveValue('person')
    await expect(dialog.getByRole('group', { name: 'Quote kind' })).toBeVisible()
    await expect(dialog.getByLabel('Kind', { exact: true })).toHaveCount(0)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
  })
})

test('Accept all takes only suggestions with a speaker, and Undo puts back exactly those', async ({
  page,
  clipdesk
}) => {
  await page.goto(clipdesk.url)
  await pasteSampleWithSuggestions(page)
  const total = await acceptButtons(page).count()
  const withSpeaker = total - 1

  await test.step('leave one suggestion without a speaker', async () => {
    const card = page.getByRole('article', { name: /before the end of the month/ })
    await card.getByRole('button', { name: 'Edit' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit quote' })
    await dialog.getByLabel('Speaker').fill('')
    await dialog.getByLabel('Accept this suggestion when saving').uncheck()
    await dialog.getByRole('button', { name: 'Save quote' }).click()
    await expect(dialog).toBeHidden()
    await expect(card).toContainText('No speaker')
    await expect(card.getByRole('button', { name: 'Accept', exact: true })).toBeVisible()
  })

  const acceptAll = page.getByRole('button', { name: `Accept ${withSpeaker} with a speaker` })
  await test.step('the button says how many it will accept', async () => {
    await expect(acceptAll).toHaveAttribute(
      'title',
      `Accepts the ${withSpeaker} suggestions that have a speaker; the 1 without one stays for you to review`
    )
  })

  const toasts = page.getByRole('region', { name: 'Notifications' })
  await test.step('Accept all leaves the one without a speaker for review', async () => {
    await acceptAll.click()
    await expect(toasts).toContainText(
      `Accepted ${withSpeaker} suggestions with a speaker; 1 left to review.`
    )
    await expect(acceptButtons(page)).toHaveCount(1)
    const left = page.getByRole('article', { name: /before the end of the month/ })
    await expect(left.getByRole('button', { name: 'Accept', exact: true })).toBeVisible()
    await expect(acceptAll).toBeHidden()
  })

  await test.step('Undo returns exactly the accepted ones to suggestions', async () => {
    await toasts
      .locator('.toast', { hasText: 'Accepted' })
      .getByRole('button', { name: 'Undo' })
      .click()
    await expect(acceptButtons(page)).toHaveCount(total)
    await expect(acceptAll).toBeVisible()
    await page.reload()
    await expect(acceptButtons(page)).toHaveCount(total)
  })
})

test('set-aside text says what it is, next to its Restore buttons', async ({ page, clipdesk }) => {
  await page.goto(clipdesk.url)
  await pasteSampleWithSuggestions(page)
  const article = page.getByRole('document', { name: 'Article text' })
  const first = article.getByRole('button', { name: /^Restore set-aside text: Get in touch/ })
  const second = article.getByRole('button', { name: /^Restore set-aside text: For more stories/ })
  await expect(first).toBeVisible()
  await expect(second).toBeVisible()
  const labelOf = (button: typeof first): Promise<string> =>
    button.evaluate((element) => getComputedStyle(element.parentElement!, '::before').content)
  // One label above the run of set-aside lines, not one per line.
  expect(await labelOf(first)).toBe('"Set aside as boilerplate (contact line, share prompt…)"')
  expect(await labelOf(second)).toBe('none')
  await first.scrollIntoViewIfNeeded()
  const labelBox = await first.evaluate((element) => {
    const paragraph = element.parentElement!.getBoundingClientRect()
    const text = element.previousElementSibling!.getBoundingClientRect()
    return { labelHeight: text.top - paragraph.top }
  })
  expect(labelBox.labelHeight).toBeGreaterThan(10)

  await first.click()
  await expect(article.getByRole('button', { name: /^Restore set-aside text/ })).toHaveCount(1)
  expect(await labelOf(second)).toBe('"Set aside as boilerplate (contact line, share prompt…)"')
})

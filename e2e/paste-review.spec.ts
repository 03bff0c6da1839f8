import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { pasteClipboard, SAMPLE_TEXT, SAMPLE_TITLE } from './steps'

/** The library's folders that a new clipping is written into. */
const WRITTEN_FOLDERS = ['clippings', 'quotes']

/**
 * Makes the library unwritable for new clippings: a plain file where each folder should be.
 * (Folder permissions would not stop a test run as root.)
 */
async function blockLibrary(dataDir: string): Promise<void> {
  for (const folder of WRITTEN_FOLDERS) {
    await rm(join(dataDir, folder), { recursive: true, force: true })
    await writeFile(join(dataDir, folder), 'not a folder')
  }
}

async function unblockLibrary(dataDir: string): Promise<void> {
  for (const folder of WRITTEN_FOLDERS) {
    await rm(join(dataDir, folder), { force: true })
    await mkdir(join(dataDir, folder), { recursive: true })
  }
}

test('a save that fails shows its error beside Save clipping and keeps the draft', async ({
  page,
  clipdesk
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(clipdesk.url)
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
  await pasteClipboard(page, SAMPLE_TEXT)
  const dialog = page.getByRole('dialog', { name: 'New clipping' })
  const title = dialog.getByLabel('Title')
  await expect(title).toHaveValue(SAMPLE_TITLE)
  await title.fill('Grain route to reopen within a fortnight')
  await dialog.getByRole('checkbox').first().uncheck()

  await blockLibrary(clipdesk.dataDir)
  const save = dialog.getByRole('button', { name: 'Save clipping' })
  await save.click()
  const alert = dialog.getByRole('alert')
  await expect(alert).toContainText('Clipdesk could not save')
  await expect(alert).toContainText('Your last change was not saved')
  await expect(alert).toBeInViewport()
  await expect(save).toBeInViewport()
  const [alertBox, saveBox] = [await alert.boundingBox(), await save.boundingBox()]
  expect(alertBox && saveBox && Math.abs(alertBox.y - saveBox.y)).toBeLessThan(60)
  await page.screenshot({ path: test.info().outputPath('save-error.png') })

  await expect(dialog).toBeVisible()
  await expect(title).toHaveValue('Grain route to reopen within a fortnight')
  await expect(dialog.getByRole('checkbox').first()).not.toBeChecked()
  await expect(dialog.getByRole('document', { name: 'Body preview' })).toContainText(
    'Ukraine’s grain exports could resume'
  )

  await unblockLibrary(clipdesk.dataDir)
  await save.click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('document', { name: 'Article text' })).toContainText(
    'Ukraine’s grain exports could resume'
  )
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(
    'Grain route to reopen within a fortnight'
  )
})

test('a 1 MB paste becomes a draft, saves, and the reader shows its last words', async ({
  page,
  clipdesk
}) => {
  test.setTimeout(180_000)
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
  const last = 'The harbour master said the last of the ships left on Friday night.'
  const text = `${parts.join('\n\n')}\n\n${last}\n`
  expect(text.length).toBeGreaterThan(1024 * 1024)

  await page.goto(clipdesk.url)
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
  await pasteClipboard(page, text)
  const dialog = page.getByRole('dialog', { name: 'New clipping' })
  await expect(dialog.getByLabel('Title')).toHaveValue(SAMPLE_TITLE, { timeout: 60_000 })
  await expect(dialog.getByRole('document', { name: 'Body preview' })).toContainText(
    'Ukraine’s grain exports could resume'
  )
  await expect(dialog.getByRole('button', { name: /^Show 100 more/ }).first()).toBeVisible()

  await dialog.getByRole('button', { name: 'Save clipping' }).click()
  await expect(dialog).toBeHidden({ timeout: 60_000 })
  const article = page.getByRole('document', { name: 'Article text' })
  await expect(article).toContainText('Ukraine’s grain exports could resume', { timeout: 60_000 })
  await article.evaluate((root) => root.lastElementChild?.scrollIntoView())
  await expect(article).toContainText(last, { timeout: 30_000 })
  await expect(page.getByText(last)).toBeInViewport()
})

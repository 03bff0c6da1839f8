import { _electron as electron, test, expect } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { findElectronBinary } from './electron-binary'
import { pasteSampleByHand, selectArticleText, tagSelection } from './steps'

const binary = findElectronBinary()
if ('missing' in binary) console.log(`Electron spec skipped: ${binary.missing}`)

test.describe('the Electron app', () => {
  test.skip('missing' in binary, 'missing' in binary ? binary.missing : '')

  test('launches, takes a paste and tags a quote through IPC', async () => {
    if (!('path' in binary)) return
    const dataDir = await mkdtemp(join(tmpdir(), 'clipdesk-electron-'))
    const app = await electron.launch({
      executablePath: binary.path,
      args: [resolve(__dirname, '..')],
      env: { ...process.env, CLIPDESK_DATA_DIR: dataDir }
    })
    try {
      const page = await app.firstWindow()
      await test.step('the window is sandboxed with no Node in the page', async () => {
        expect(
          await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)
        ).toBe('undefined')
        expect(
          await page.evaluate(
            () =>
              typeof (window as { clipdesk?: { api: Record<string, unknown> } }).clipdesk?.api[
                'library.status'
              ]
          )
        ).toBe('function')
      })
      await pasteSampleByHand(page)
      await selectArticleText(page, 'Our farmers have waited', 'Today they were heard.')
      await tagSelection(page, { name: 'Dmytro Koval', role: 'Deputy Agriculture Minister' })
      await expect(page.getByRole('article', { name: /Our farmers have waited/ })).toContainText(
        'Dmytro Koval'
      )
    } finally {
      await app.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})

import { defineConfig } from '@playwright/test'
import { resolve } from 'node:path'
import { CHROMIUM_ARGS } from './src/main/export/chromium-args'

process.env.XDG_CONFIG_HOME ??= resolve('.chromium-profile')

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    acceptDownloads: true,
    viewport: { width: 1360, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS
    }
  }
})

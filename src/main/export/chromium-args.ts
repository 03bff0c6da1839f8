/**
 * Chromium's flags, for printing PDFs and for the end-to-end tests' browser: no sandbox
 * (containers), no GPU, and no background traffic. Imports nothing, so playwright.config.ts can too.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]

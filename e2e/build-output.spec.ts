import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'

test('the sandboxed preload requires nothing but electron', async () => {
  const preload = await readFile(resolve(__dirname, '..', 'out', 'preload', 'index.cjs'), 'utf8')
  const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1])
  expect([...new Set(required)]).toEqual(['electron'])
})

test('the built window loads the preload from where the main process looks for it', async () => {
  const main = await readFile(resolve(__dirname, '..', 'out', 'main', 'index.js'), 'utf8')
  expect(main).toContain('../preload/index.cjs')
  await expect(
    readFile(resolve(__dirname, '..', 'out', 'preload', 'index.cjs'))
  ).resolves.toBeTruthy()
})

import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ensureWritableDataDir, resolveDataDir } from './data-dir'

describe('resolveDataDir', () => {
  const env = {
    CLIPDESK_DATA_DIR: '/env/lib',
    XDG_DATA_HOME: '/xdg',
    APPDATA: 'C:\\Users\\jo\\AppData\\Roaming'
  }

  it('prefers the flag, then CLIPDESK_DATA_DIR, then Electron userData', () => {
    expect(resolveDataDir({ flag: '/flag/lib', env, electronUserData: '/electron' })).toBe(
      '/flag/lib'
    )
    expect(resolveDataDir({ env, electronUserData: '/electron' })).toBe('/env/lib')
    expect(resolveDataDir({ env: {}, electronUserData: '/electron' })).toBe('/electron')
  })

  it('falls back to the per-user folder of each system', () => {
    expect(
      resolveDataDir({ env: { XDG_DATA_HOME: '/xdg' }, platform: 'linux', homeDir: '/home/jo' })
    ).toBe('/xdg/clipdesk')
    expect(resolveDataDir({ env: {}, platform: 'linux', homeDir: '/home/jo' })).toBe(
      '/home/jo/.local/share/clipdesk'
    )
    expect(resolveDataDir({ env: {}, platform: 'darwin', homeDir: '/Users/jo' })).toBe(
      '/Users/jo/Library/Application Support/Clipdesk'
    )
    expect(resolveDataDir({ env, platform: 'win32', homeDir: 'C:\\Users\\jo' })).toBe('/env/lib')
    expect(
      resolveDataDir({ env: { APPDATA: env.APPDATA }, platform: 'win32', homeDir: 'C:\\Users\\jo' })
    ).toBe('C:\\Users\\jo\\AppData\\Roaming\\Clipdesk')
  })
})

describe('ensureWritableDataDir', () => {
  it('creates the folder and leaves nothing behind', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'clipdesk-dir-'))
    const dir = join(parent, 'a', 'b')
    await ensureWritableDataDir(dir)
    expect(await readdir(dir)).toEqual([])
    await rm(parent, { recursive: true, force: true })
  })

  it('throws STORAGE naming the folder when it cannot be created', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'clipdesk-dir-'))
    await writeFile(join(parent, 'file'), 'x')
    const dir = join(parent, 'file', 'library')
    await expect(ensureWritableDataDir(dir)).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringContaining(`cannot write to its library folder ${dir}`)
    })
    await rm(parent, { recursive: true, force: true })
  })
})

import * as fsp from 'node:fs/promises'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { LibraryNotice } from '@shared/api'
import { DurableJsonFile, backupPath, type DurableFileSystem } from './durable-file'

const Schema = z.object({ items: z.array(z.string()) })
type Doc = z.infer<typeof Schema>

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clipdesk-durable-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function durable(notices: LibraryNotice[] = [], fs?: DurableFileSystem): DurableJsonFile<Doc> {
  return new DurableJsonFile<Doc>({
    file: join(dir, 'doc.json'),
    dataDir: dir,
    schema: Schema,
    fs,
    now: () => new Date('2026-03-04T05:06:07.089Z'),
    onNotice: (notice) => notices.push(notice)
  })
}

describe('DurableJsonFile', () => {
  it('reads a missing file as empty without a notice', async () => {
    const notices: LibraryNotice[] = []
    expect(await durable(notices).read()).toBeNull()
    expect(notices).toEqual([])
  })

  it('keeps the three previous saves as backup generations', async () => {
    const file = durable()
    for (const item of ['one', 'two', 'three', 'four', 'five']) await file.write({ items: [item] })
    const read = async (path: string) => JSON.parse(await readFile(path, 'utf8'))
    expect(await read(join(dir, 'doc.json'))).toEqual({ items: ['five'] })
    expect(await read(backupPath(join(dir, 'doc.json'), 1))).toEqual({ items: ['four'] })
    expect(await read(backupPath(join(dir, 'doc.json'), 2))).toEqual({ items: ['three'] })
    expect(await read(backupPath(join(dir, 'doc.json'), 3))).toEqual({ items: ['two'] })
    expect((await readdir(dir)).sort()).toEqual([
      'doc.json',
      'doc.json.bak1',
      'doc.json.bak2',
      'doc.json.bak3'
    ])
  })

  it('keeps a copy of a file written only once, so damage to it loses nothing', async () => {
    await durable().write({ items: ['only'] })
    await writeFile(join(dir, 'doc.json'), '{"items": ["on')
    const notices: LibraryNotice[] = []
    expect(await durable(notices).read()).toEqual({ items: ['only'] })
    expect(notices.map((notice) => notice.level)).toEqual(['warning'])
  })

  it('moves a damaged file to quarantine and restores the newest good backup, with a notice', async () => {
    const file = durable()
    await file.write({ items: ['old'] })
    await file.write({ items: ['good'] })
    await file.write({ items: ['latest'] })
    // The newest backup is damaged too: the one before it must be used.
    await writeFile(backupPath(join(dir, 'doc.json'), 1), '{"items": [1, 2]}')
    await writeFile(join(dir, 'doc.json'), '{"items": ["lat')

    const notices: LibraryNotice[] = []
    expect(await durable(notices).read()).toEqual({ items: ['old'] })
    const quarantined = await readdir(join(dir, 'quarantine'))
    expect(quarantined).toEqual(['doc.json.2026-03-04T05-06-07-089Z.corrupt'])
    expect(await readFile(join(dir, 'quarantine', quarantined[0]), 'utf8')).toBe('{"items": ["lat')
    expect(JSON.parse(await readFile(join(dir, 'doc.json'), 'utf8'))).toEqual({ items: ['old'] })
    expect(notices).toHaveLength(1)
    expect(notices[0].level).toBe('warning')
    expect(notices[0].message).toContain('doc.json was damaged')
    expect(notices[0].message).toContain(join(dir, 'quarantine', quarantined[0]))
    expect(notices[0].message).toContain('backup 2 of 3')
  })

  it('starts empty with an error notice when no backup is usable, keeping the damaged bytes', async () => {
    await writeFile(join(dir, 'doc.json'), 'not json at all')
    const notices: LibraryNotice[] = []
    expect(await durable(notices).read()).toBeNull()
    expect(notices.map((notice) => notice.level)).toEqual(['error'])
    expect(notices[0].message).toContain('no usable backup')
    const [name] = await readdir(join(dir, 'quarantine'))
    expect(await readFile(join(dir, 'quarantine', name), 'utf8')).toBe('not json at all')
  })

  it('leaves the old file intact and removes the temp file when the disk fills up mid-write', async () => {
    const file = durable()
    await file.write({ items: ['saved'] })
    const failingFs: DurableFileSystem = {
      ...fsp,
      open: async (path, flags) => {
        const handle = await fsp.open(path, flags)
        if (flags !== 'wx') return handle
        return Object.assign(Object.create(handle) as fsp.FileHandle, {
          writeFile: async (data: string) => {
            await handle.write(data.slice(0, 5))
            throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
          },
          close: () => handle.close()
        })
      }
    }
    await expect(durable([], failingFs).write({ items: ['lost'] })).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringContaining('the disk is full')
    })
    expect(JSON.parse(await readFile(join(dir, 'doc.json'), 'utf8'))).toEqual({ items: ['saved'] })
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('reports a refused rename as STORAGE and keeps the old file', async () => {
    await durable().write({ items: ['saved'] })
    const readOnly: DurableFileSystem = {
      ...fsp,
      rename: async () => {
        throw Object.assign(new Error('read-only file system'), { code: 'EROFS' })
      }
    }
    await expect(durable([], readOnly).write({ items: ['lost'] })).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringContaining('read-only')
    })
    expect(JSON.parse(await readFile(join(dir, 'doc.json'), 'utf8'))).toEqual({ items: ['saved'] })
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})

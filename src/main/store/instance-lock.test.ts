import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { access, mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LOCK_FILE_NAME, acquireLibraryLock } from './instance-lock'

/** The take-over marker for a lock with these bytes, as the lock module names it. */
function markerFor(content: string): string {
  return `${LOCK_FILE_NAME}.takeover-${createHash('sha256').update(content).digest('hex').slice(0, 16)}`
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clipdesk-lock-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('acquireLibraryLock', () => {
  it('writes our pid, refuses a second holder while held, and frees the library on release', async () => {
    const lock = await acquireLibraryLock(dir)
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8'))).toEqual({
      pid: process.pid,
      host: hostname(),
      ...(process.platform === 'linux'
        ? { boot: expect.any(String), pidns: expect.stringMatching(/^pid:\[\d+\]$/) }
        : {}),
      nonce: expect.any(String)
    })
    await expect(acquireLibraryLock(dir)).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        `This library is open in another Clipdesk (process ${process.pid}). Close it first, or open a ` +
        `different library folder with --data-dir. If no Clipdesk has it open, delete ${join(dir, LOCK_FILE_NAME)} and try again.`
    })
    await lock.release()
    await expect(access(join(dir, LOCK_FILE_NAME))).rejects.toThrow()
    const again = await acquireLibraryLock(dir)
    await again.release()
  })

  it('takes over a lock left by a process that has exited', async () => {
    const finished = spawnSync(process.execPath, ['-e', '0'])
    await writeFile(
      join(dir, LOCK_FILE_NAME),
      JSON.stringify({ pid: finished.pid, host: hostname() })
    )
    const lock = await acquireLibraryLock(dir)
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid)
    await lock.release()
  })

  it('lets exactly one of several simultaneous openers take over a dead holder’s lock', async () => {
    const finished = spawnSync(process.execPath, ['-e', '0'])
    for (let round = 0; round < 20; round++) {
      await writeFile(
        join(dir, LOCK_FILE_NAME),
        JSON.stringify({ pid: finished.pid, host: hostname() })
      )
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, () => acquireLibraryLock(dir))
      )
      const held = results.filter((r) => r.status === 'fulfilled')
      expect(held).toHaveLength(1)
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' })
      }
      await held[0].value.release()
      // Nothing is left behind: no lock, no marker, no file of an attempt.
      expect(await readdir(dir)).toEqual([])
    }
  })

  it('goes past the marker of a process that died while taking over, and clears it', async () => {
    const finished = spawnSync(process.execPath, ['-e', '0'])
    const stale = JSON.stringify({ pid: finished.pid, host: hostname() })
    const deadClaim = JSON.stringify({ pid: finished.pid, host: hostname(), nonce: 'claimed' })
    await writeFile(join(dir, LOCK_FILE_NAME), stale)
    await writeFile(join(dir, markerFor(stale)), deadClaim)
    // Six openers at once over that double wreck still give one holder.
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => acquireLibraryLock(dir))
    )
    const held = results.filter((r) => r.status === 'fulfilled')
    expect(held).toHaveLength(1)
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid)
    await held[0].value.release()
    expect(await readdir(dir)).toEqual([])
  })

  it('takes over a half-written lock once it is too old to be in progress', async () => {
    const old = new Date(Date.now() - 60_000)
    await writeFile(join(dir, LOCK_FILE_NAME), '{"pid": 12')
    await utimes(join(dir, LOCK_FILE_NAME), old, old)
    await writeFile(join(dir, markerFor('{"pid": 12')), '{"pid": 3')
    await utimes(join(dir, markerFor('{"pid": 12')), old, old)
    const lock = await acquireLibraryLock(dir)
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid)
    await lock.release()
    expect(await readdir(dir)).toEqual([])
  })

  it('waits for a half-written lock that may still be being written', async () => {
    await writeFile(join(dir, LOCK_FILE_NAME), '{"pid": 12')
    await expect(acquireLibraryLock(dir)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('right now')
    })
  })

  it.runIf(process.platform === 'linux')(
    'takes over a lock written before the machine last started, whoever has its pid now',
    async () => {
      const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
      try {
        await writeFile(
          join(dir, LOCK_FILE_NAME),
          JSON.stringify({
            pid: sleeper.pid,
            host: hostname(),
            boot: 'an-earlier-boot',
            nonce: 'x'
          })
        )
        const lock = await acquireLibraryLock(dir)
        expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid)
        await lock.release()
      } finally {
        sleeper.kill()
      }
    }
  )

  it.runIf(process.platform === 'linux')(
    'leaves alone a lock from another pid namespace, whose pid it cannot check',
    async () => {
      const finished = spawnSync(process.execPath, ['-e', '0'])
      const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
      const lock = JSON.stringify({
        pid: finished.pid,
        host: hostname(),
        boot,
        pidns: 'pid:[1]',
        nonce: 'in-a-container'
      })
      await writeFile(join(dir, LOCK_FILE_NAME), lock)
      await expect(acquireLibraryLock(dir)).rejects.toMatchObject({ code: 'CONFLICT' })
      expect(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')).toBe(lock)
    }
  )

  it('takes a lock naming no real process (pid 0 or below) for a damaged one', async () => {
    const old = new Date(Date.now() - 60_000)
    await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: 0, host: hostname() }))
    await utimes(join(dir, LOCK_FILE_NAME), old, old)
    const lock = await acquireLibraryLock(dir)
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid)
    await lock.release()
  })

  it('takes over a lock that names our own pid but no lock this process holds', async () => {
    // After a reboot a new process can get the pid a crashed Clipdesk had.
    for (const stale of [
      { pid: process.pid, host: hostname(), nonce: 'from-before-the-crash' },
      { pid: process.pid, host: hostname() }
    ]) {
      await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify(stale))
      const lock = await acquireLibraryLock(dir)
      const now = JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8'))
      expect(now.pid).toBe(process.pid)
      expect(now.nonce).not.toBe('from-before-the-crash')
      await lock.release()
    }
  })

  it('leaves a take-over marker alone while the process that wrote it is alive', async () => {
    const finished = spawnSync(process.execPath, ['-e', '0'])
    const taker = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    try {
      const stale = JSON.stringify({ pid: finished.pid, host: hostname() })
      const marker = JSON.stringify({ pid: taker.pid, host: hostname(), nonce: 'taking' })
      await writeFile(join(dir, LOCK_FILE_NAME), stale)
      await writeFile(join(dir, markerFor(stale)), marker)
      await expect(acquireLibraryLock(dir)).rejects.toMatchObject({ code: 'CONFLICT' })
      expect(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')).toBe(stale)
      expect(await readFile(join(dir, markerFor(stale)), 'utf8')).toBe(marker)
    } finally {
      taker.kill()
    }
  })

  it('refuses, and deletes nothing, when the lock file cannot be read', async () => {
    // A lock that cannot be read (here a folder in its place, EISDIR; on a shared drive EACCES) may
    // belong to a live Clipdesk: it is never taken for a dead one's.
    const file = join(dir, LOCK_FILE_NAME)
    await mkdir(file)
    await writeFile(join(file, 'keep'), 'x')
    await expect(acquireLibraryLock(dir)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('cannot read the lock file')
    })
    expect(await readFile(join(file, 'keep'), 'utf8')).toBe('x')
  })

  it.runIf(process.platform === 'linux')(
    'takes over a lock whose pid now belongs to a program that is not Clipdesk',
    async () => {
      const sleeper = spawn('sleep', ['30'])
      try {
        await writeFile(
          join(dir, LOCK_FILE_NAME),
          JSON.stringify({ pid: sleeper.pid, host: hostname() })
        )
        const lock = await acquireLibraryLock(dir)
        expect(JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid)
        await lock.release()
      } finally {
        sleeper.kill()
      }
    }
  )
})

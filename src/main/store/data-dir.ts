import { randomUUID } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve, win32 } from 'node:path'
import { ApiError } from '@shared/api'
import { errorCode } from './durable-file'

/** What decides where the library lives; `platform` and `homeDir` exist for tests. */
export interface DataDirChoice {
  /** The `--data-dir` command-line flag. */
  flag?: string
  /** The environment (CLIPDESK_DATA_DIR, XDG_DATA_HOME, APPDATA). */
  env?: NodeJS.ProcessEnv
  /** Electron's `app.getPath('userData')`, in the desktop app. */
  electronUserData?: string
  platform?: NodeJS.Platform
  homeDir?: string
}

/** The library folder: the flag, then CLIPDESK_DATA_DIR, then Electron's userData, then a per-user default. */
export function resolveDataDir(choice: DataDirChoice = {}): string {
  const env = choice.env ?? process.env
  if (choice.flag?.trim()) return resolve(choice.flag.trim())
  if (env.CLIPDESK_DATA_DIR?.trim()) return resolve(env.CLIPDESK_DATA_DIR.trim())
  if (choice.electronUserData?.trim()) return choice.electronUserData.trim()
  const platform = choice.platform ?? process.platform
  const home = choice.homeDir ?? homedir()
  if (platform === 'win32') {
    return win32.join(env.APPDATA?.trim() || win32.join(home, 'AppData', 'Roaming'), 'Clipdesk')
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Clipdesk')
  const dataHome = env.XDG_DATA_HOME?.trim()
  return join(
    dataHome && dataHome.startsWith('/') ? dataHome : join(home, '.local', 'share'),
    'clipdesk'
  )
}

/** Creates the library folder if needed and proves it can be written, or throws STORAGE. */
export async function ensureWritableDataDir(dir: string): Promise<void> {
  const probe = join(dir, `.write-test-${randomUUID()}`)
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    await writeFile(probe, 'ok')
    await rm(probe, { force: true })
  } catch (error) {
    const code = errorCode(error) ?? 'unknown error'
    throw new ApiError(
      'STORAGE',
      `Clipdesk cannot write to its library folder ${dir} (${code}). ` +
        'Choose another folder with --data-dir or CLIPDESK_DATA_DIR, or make this one writable.'
    )
  }
}

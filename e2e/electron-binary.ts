import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The Electron executable if it is installed, or the reason it is not (Electron downloads it on first run). */
export function findElectronBinary(): { path: string } | { missing: string } {
  const pkg = resolve(__dirname, '..', 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) {
    return {
      missing: `Electron's binary is not installed (no ${pathFile}); it downloads on first run, which this network blocks.`
    }
  }
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist')
  const binary = join(dist, readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary)
    ? { path: binary }
    : { missing: `Electron's binary is missing at ${binary}.` }
}

// `npm start` / `npm run dev`: launches the Electron app, or browser mode where Electron's binary is missing.
import { existsSync, readFileSync } from 'node:fs'
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dev = process.argv.includes('--dev')

function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist')
  const binary = join(dist, readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' })
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
}

// Electron fetches its binary on first run; try once, quietly, before falling back to browser mode.
function downloadElectron() {
  process.stdout.write('Electron’s binary is missing; fetching it (first run only)… ')
  const install = join(root, 'node_modules', 'electron', 'install.js')
  const result = spawnSync(process.execPath, [install], {
    cwd: root,
    stdio: 'ignore',
    timeout: 300_000
  })
  const binary = result.status === 0 ? electronBinary() : null
  process.stdout.write(binary ? 'done.\n' : 'blocked on this network. ')
  return binary
}

const browserMode = Boolean(process.env.CLIPDESK_BROWSER_MODE)
if (!browserMode && (electronBinary() ?? downloadElectron())) {
  if (dev)
    run(process.execPath, [
      join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
      'dev'
    ])
  else run(electronBinary(), [root])
} else {
  if (!browserMode)
    console.log(
      'Electron is not available, so Clipdesk runs in browser mode instead (see the address below).'
    )
  const args = [
    join(root, 'bin', 'clipdesk.js'),
    'serve',
    ...process.argv.slice(2).filter((a) => a !== '--dev')
  ]
  if (dev) {
    const build = spawn(
      process.execPath,
      [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      { cwd: root, stdio: 'inherit' }
    )
    build.on('exit', (code) => (code === 0 ? run(process.execPath, args) : process.exit(code ?? 1)))
  } else run(process.execPath, args)
}

#!/usr/bin/env node
// The `clipdesk` command: runs the CLI that `npm run build` puts in out/main.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const cli = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  console.error(
    'clipdesk: the app is not built yet. Run `npm run build` in the Clipdesk folder first.'
  )
  process.exit(1)
}
require(cli)
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code
  })

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { LIBRARY_CHANGED, type LibraryChange } from '@shared/api'
import { MAX_PASTE_BYTES } from '@shared/model'
import type { Dispatch } from './api/dispatch'

/** What browser mode needs: the dispatcher, the built renderer, and where to listen. */
export interface BrowserServerOptions {
  dispatch: Dispatch
  /** Subscribes to library changes; answers the unsubscribe function. */
  subscribe: (listener: (change: LibraryChange) => void) => () => void
  /** The folder holding the built renderer (out/renderer). */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
  /** Fixed token for tests; a random one otherwise. */
  token?: string
  /** Fixed launch key for tests; a random one otherwise. */
  launchKey?: string
}

/** A running browser-mode server. */
export interface BrowserServer {
  /** The address to open: the page, with the launch key that lets this browser in. */
  url: string
  /** The server's origin, `http://127.0.0.1:PORT/`. */
  origin: string
  port: number
  token: string
  close(): Promise<void>
}

const MAX_BODY_BYTES = MAX_PASTE_BYTES * 2 + 64 * 1024

/** What a browser without the launch key or a session gets instead of the app. */
const LOCKED_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Clipdesk</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;color:#222}</style>
</head><body>
<h1>Open Clipdesk from its own address</h1>
<p>This page opens only from the address Clipdesk printed when it started
(<code>Clipdesk is running in browser mode at http://127.0.0.1:…/?key=…</code>).
Copy that whole address, key included, into this browser.</p>
</body></html>
`

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2'
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self' blob: data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store'
  })
  response.end(JSON.stringify(body))
}

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  sendJson(response, status, { code, message })
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

const STATUS_BY_CODE: Record<string, number> = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  STORAGE: 507,
  UNAVAILABLE: 503,
  INTERNAL: 500
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return 'too-large'
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return 'too-large'
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Serves the renderer and the API on 127.0.0.1, guarded by Host and Origin checks and a per-run token. */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  // The page (and the API token in it) goes only to a browser that came with the launch key printed
  // to whoever started Clipdesk, or that holds the session cookie it then got: another user of this
  // machine can reach 127.0.0.1 too, but has neither.
  const launchKey = options.launchKey ?? randomBytes(18).toString('base64url')
  const session = randomBytes(24).toString('base64url')
  const rendererRoot = resolve(options.rendererDir)
  let port = 0
  const indexHtml = await readFile(join(rendererRoot, 'index.html'), 'utf8').catch(() => {
    throw new Error(
      `The renderer is not built (no ${join(rendererRoot, 'index.html')}). Run \`npm run build\` first.`
    )
  })
  const indexWithToken = indexHtml.replace(
    '</head>',
    `  <meta name="clipdesk-token" content="${token}" />\n  </head>`
  )
  const streams = new Set<ServerResponse>()

  // Set once the server listens and its port is known; no request comes before that.
  let allowedHosts = new Set<string>()
  let allowedOrigins = new Set<string>()
  let sessionCookie = ''

  function checkOrigin(request: IncomingMessage): boolean {
    if (!allowedHosts.has(request.headers.host ?? '')) return false
    const origin = request.headers.origin
    return origin === undefined || allowedOrigins.has(origin)
  }

  function hasSession(request: IncomingMessage): boolean {
    const cookies = request.headers.cookie ?? ''
    for (const part of cookies.split(';')) {
      const [name, ...value] = part.trim().split('=')
      if (name === sessionCookie && sameToken(value.join('='), session)) return true
    }
    return false
  }

  function servePage(url: URL, request: IncomingMessage, response: ServerResponse): void {
    if (hasSession(request)) {
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': CONTENT_TYPES['.html'],
        'Cache-Control': 'no-store'
      })
      response.end(indexWithToken)
      return
    }
    if (sameToken(url.searchParams.get('key') ?? undefined, launchKey)) {
      // Trade the key for a session cookie and drop it from the address bar.
      response.writeHead(303, {
        ...SECURITY_HEADERS,
        Location: '/',
        'Set-Cookie': `${sessionCookie}=${session}; Path=/; HttpOnly; SameSite=Strict`,
        'Cache-Control': 'no-store'
      })
      response.end()
      return
    }
    response.writeHead(403, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES['.html'],
      'Cache-Control': 'no-store'
    })
    response.end(LOCKED_PAGE)
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      sendError(response, 400, 'INVALID_INPUT', 'That address is not well formed.')
      return
    }
    const file = normalize(join(rendererRoot, decoded))
    if (!file.startsWith(rendererRoot + sep)) {
      sendError(response, 404, 'NOT_FOUND', 'No such file.')
      return
    }
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) {
      sendError(response, 404, 'NOT_FOUND', 'No such file.')
      return
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream'
    })
    response.end(await readFile(file))
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive'
    })
    response.write(': connected\n\n')
    streams.add(response)
    response.on('close', () => streams.delete(response))
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!checkOrigin(request)) {
      sendError(response, 403, 'UNAUTHORIZED', 'Requests must come from Clipdesk’s own page.')
      return
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        sendError(response, 405, 'INVALID_INPUT', 'Only GET is served here.')
        return
      }
      if (url.pathname === '/' || url.pathname === '/index.html') servePage(url, request, response)
      else await serveStatic(url.pathname, response)
      return
    }
    if (url.pathname === '/api/events' && request.method === 'GET') {
      if (!sameToken(url.searchParams.get('token') ?? undefined, token)) {
        sendError(response, 401, 'UNAUTHORIZED', 'A valid Clipdesk token is required.')
        return
      }
      openEventStream(response)
      return
    }
    const header = request.headers['x-clipdesk-token']
    if (!sameToken(Array.isArray(header) ? header[0] : header, token)) {
      sendError(response, 401, 'UNAUTHORIZED', 'A valid Clipdesk token is required.')
      return
    }
    if (request.method !== 'POST') {
      sendError(response, 405, 'INVALID_INPUT', 'Commands are sent with POST.')
      return
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      sendError(response, 415, 'INVALID_INPUT', 'Commands are sent as JSON.')
      return
    }
    const body = await readBody(request)
    if (body === 'too-large') {
      response.setHeader('Connection', 'close')
      sendError(
        response,
        413,
        'TOO_LARGE',
        'That is too large to send: a paste may be at most 5 MB. Paste the article alone.'
      )
      return
    }
    let input: unknown
    try {
      input = body.length > 0 ? JSON.parse(body.toString('utf8')) : {}
    } catch {
      sendError(response, 400, 'INVALID_INPUT', 'The request body is not valid JSON.')
      return
    }
    const result = await options.dispatch(url.pathname.slice('/api/'.length), input)
    if (result.ok) sendJson(response, 200, result.value ?? null)
    else sendJson(response, STATUS_BY_CODE[result.error.code] ?? 500, result.error)
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((cause: unknown) => {
      if (!response.headersSent) {
        sendError(response, 500, 'INTERNAL', `Unexpected error: ${String(cause)}`)
      } else response.end()
    })
  })
  const unsubscribe = options.subscribe((change) => {
    const frame = `event: ${LIBRARY_CHANGED}\ndata: ${JSON.stringify(change)}\n\n`
    for (const stream of streams) stream.write(frame)
  })
  const keepAlive = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n')
  }, 25_000)
  keepAlive.unref()

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  port = (server.address() as AddressInfo).port
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])
  sessionCookie = `clipdesk-session-${port}`

  return {
    url: `http://127.0.0.1:${port}/?key=${launchKey}`,
    origin: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: async () => {
      clearInterval(keepAlive)
      unsubscribe()
      for (const stream of streams) stream.end()
      const closed = new Promise<void>((done) => server.close(() => done()))
      // An open page keeps its event stream and keep-alive sockets, and reconnects: cut them all.
      server.closeAllConnections()
      await closed
    }
  }
}

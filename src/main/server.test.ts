import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Agent, request } from 'node:http'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LibraryChange } from '@shared/api'
import type { Dispatch } from './api/dispatch'
import { startBrowserServer, type BrowserServer } from './server'

interface Reply {
  status: number
  body: string
  headers: Record<string, string | string[] | undefined>
}

function send(
  server: BrowserServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string }
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
      }
    )
    req.on('error', reject)
    if (options.body) req.write(options.body)
    req.end()
  })
}

describe('browser-mode server', () => {
  let rendererDir: string
  let server: BrowserServer
  let dispatch: ReturnType<typeof vi.fn<Dispatch>>
  let listeners: ((change: LibraryChange) => void)[]

  beforeEach(async () => {
    rendererDir = await mkdtemp(join(tmpdir(), 'clipdesk-renderer-'))
    await writeFile(join(rendererDir, 'index.html'), '<html><head><title>x</title></head></html>')
    await writeFile(join(rendererDir, 'app.js'), 'console.log(1)')
    dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: { answered: true } }))
    listeners = []
    server = await startBrowserServer({
      dispatch,
      subscribe: (listener) => {
        listeners.push(listener)
        return () => undefined
      },
      rendererDir,
      token: 'secret-token',
      launchKey: 'launch-key'
    })
  })

  afterEach(async () => {
    await server.close()
    await rm(rendererDir, { recursive: true, force: true })
  })

  function command(headers: Record<string, string>, body = '{}'): Promise<Reply> {
    return send(server, {
      method: 'POST',
      path: '/api/clippings.list',
      headers: { 'content-type': 'application/json', ...headers },
      body
    })
  }

  it('listens on 127.0.0.1 and serves the page with the token only to a browser that came with the key', async () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}/`)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?key=launch-key`)
    // Without the key (another user of the machine can reach the port too): no page, no token.
    for (const path of ['/', '/index.html', '/?key=launch-kez']) {
      const refused = await send(server, { path })
      expect(refused.status).toBe(403)
      expect(refused.body).toContain('Open Clipdesk from its own address')
      expect(refused.body).not.toContain('secret-token')
    }
    const entry = await send(server, { path: '/?key=launch-key' })
    expect(entry.status).toBe(303)
    expect(entry.headers.location).toBe('/')
    const cookie = String(entry.headers['set-cookie'])
    expect(cookie).toMatch(
      new RegExp(`^clipdesk-session-${server.port}=[^;]+; Path=/; HttpOnly; SameSite=Strict$`)
    )
    const page = await send(server, { path: '/', headers: { cookie: cookie.split(';')[0] } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<meta name="clipdesk-token" content="secret-token" />')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    const forged = await send(server, {
      path: '/',
      headers: { cookie: `clipdesk-session-${server.port}=guessed` }
    })
    expect(forged.status).toBe(403)
  })

  it('answers 401 to a command without the token and never runs it', async () => {
    const reply = await command({})
    expect(reply.status).toBe(401)
    expect(JSON.parse(reply.body)).toMatchObject({ code: 'UNAUTHORIZED' })
    const wrong = await command({ 'x-clipdesk-token': 'secret-tokeX' })
    expect(wrong.status).toBe(401)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses another Host (DNS rebinding) and another Origin', async () => {
    const host = await command({ 'x-clipdesk-token': 'secret-token', host: 'evil.example:80' })
    expect(host.status).toBe(403)
    const origin = await command({
      'x-clipdesk-token': 'secret-token',
      origin: 'https://evil.example'
    })
    expect(origin.status).toBe(403)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('runs a command with the token and the same origin', async () => {
    const reply = await command(
      { 'x-clipdesk-token': 'secret-token', origin: `http://127.0.0.1:${server.port}` },
      '{"query":"grain"}'
    )
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ answered: true })
    expect(dispatch).toHaveBeenCalledWith('clippings.list', { query: 'grain' })
  })

  it('maps typed errors to HTTP statuses', async () => {
    dispatch.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_FOUND', message: 'Gone.' } })
    const reply = await command({ 'x-clipdesk-token': 'secret-token' })
    expect(reply.status).toBe(404)
    expect(JSON.parse(reply.body)).toEqual({ code: 'NOT_FOUND', message: 'Gone.' })
  })

  it('rejects malformed JSON and bodies over the paste limit', async () => {
    const malformed = await command({ 'x-clipdesk-token': 'secret-token' }, '{not json')
    expect(malformed.status).toBe(400)
    const huge = await command(
      { 'x-clipdesk-token': 'secret-token' },
      JSON.stringify({ text: 'x'.repeat(11 * 1024 * 1024) })
    )
    expect(huge.status).toBe(413)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('serves built files but nothing outside the renderer folder', async () => {
    expect((await send(server, { path: '/app.js' })).status).toBe(200)
    expect((await send(server, { path: '/..%2f..%2fetc%2fpasswd' })).status).toBe(404)
    expect((await send(server, { path: '/../../etc/passwd' })).status).toBe(404)
    expect((await send(server, { path: '/%E0%A4%A' })).status).toBe(400)
  })

  it('streams library changes to event listeners holding the token', async () => {
    const refused = await send(server, { path: '/api/events?token=nope' })
    expect(refused.status).toBe(401)
    const received = new Promise<string>((resolve) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/api/events?token=secret-token' },
        (res) => {
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => {
            if (chunk.includes('library.changed')) {
              resolve(chunk)
              req.destroy()
            }
          })
          listeners.forEach((l) => l({ kind: 'clippings', ids: ['c1'] }))
        }
      )
      req.end()
    })
    expect(await received).toBe(
      'event: library.changed\ndata: {"kind":"clippings","ids":["c1"]}\n\n'
    )
  })

  it('closes promptly while a page holds its event stream and a request is still in flight', async () => {
    const agent = new Agent({ keepAlive: true })
    const stream = request({
      host: '127.0.0.1',
      port: server.port,
      path: '/api/events?token=secret-token',
      agent
    })
    stream.on('error', () => undefined)
    stream.end()
    await new Promise((resolve) => stream.once('response', resolve))
    let answered: (value: never) => void = () => undefined
    dispatch.mockImplementationOnce(() => new Promise((resolve) => (answered = resolve)))
    const pending = request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: '/api/clippings.list',
      headers: { 'content-type': 'application/json', 'x-clipdesk-token': 'secret-token' },
      agent
    })
    pending.on('error', () => undefined)
    pending.end('{}')
    await vi.waitFor(() => expect(dispatch).toHaveBeenCalled())
    const started = Date.now()
    await server.close()
    expect(Date.now() - started).toBeLessThan(2000)
    answered(undefined as never)
    agent.destroy()
    // afterEach closes the server again.
    server = await startBrowserServer({
      dispatch,
      subscribe: () => () => undefined,
      rendererDir,
      token: 'secret-token'
    })
  })
})

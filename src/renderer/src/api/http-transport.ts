import {
  ApiErrorSchema,
  LibraryChangeSchema,
  type ApiResult,
  type LibraryChange
} from '@shared/api'

/** The per-run token the browser-mode server writes into the page it serves. */
function readToken(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="clipdesk-token"]')
  return meta?.content ?? ''
}

/** Sends one command to the browser-mode server and answers its result. */
export async function invokeOverHttp(command: string, input: unknown): Promise<ApiResult<unknown>> {
  let response: Response
  try {
    response = await fetch(`/api/${command}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Clipdesk-Token': readToken() },
      body: JSON.stringify(input ?? {})
    })
  } catch {
    return {
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: 'Clipdesk’s server is not answering. Is `npm start` still running?'
      }
    }
  }
  const body: unknown = await response.json().catch(() => null)
  if (response.ok) return { ok: true, value: body }
  const parsed = ApiErrorSchema.safeParse(body)
  if (parsed.success) return { ok: false, error: parsed.data }
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `The server answered ${response.status}.` }
  }
}

/** Listens to the server's library.changed events; returns the function that stops listening. */
export function listenOverHttp(listener: (change: LibraryChange) => void): () => void {
  const source = new EventSource(`/api/events?token=${encodeURIComponent(readToken())}`)
  source.addEventListener('library.changed', (event) => {
    const parsed = LibraryChangeSchema.safeParse(JSON.parse((event as MessageEvent<string>).data))
    if (parsed.success) listener(parsed.data)
  })
  return () => source.close()
}

/** Offers an exported file to the browser as a download. */
export function downloadFile(fileName: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

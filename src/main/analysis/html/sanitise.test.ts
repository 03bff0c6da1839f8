import net from 'node:net'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { JSDOM, requestInterceptor } from 'jsdom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { extractArticle } from './article'
import { sanitiseHtml, sanitiseHtmlWithReport } from './sanitise'

const hostilePage = readFileSync(join(__dirname, '../fixtures/hostile-page.html'), 'utf8')

/** A jsdom window that records every fetch it is asked to make, answering each with nothing. */
function recordingWindow(): { window: JSDOM['window']; requests: string[] } {
  const requests: string[] = []
  const dom = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>', {
    url: 'https://clipdesk.invalid/',
    resources: {
      interceptors: [
        requestInterceptor((request) => {
          requests.push(request.url)
          return new Response('')
        })
      ]
    }
  })
  return { window: dom.window, requests }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('sanitiseHtml', () => {
  it('strips scripts, event handlers and javascript: links, keeping the text', () => {
    const html =
      '<p onclick="steal()">Ukraine’s ‘tighten the vice’ <a href="javascript:alert(1)">map</a>' +
      ' <a href=" JaVaScRiPt:alert(2)">again</a> <a href="https://example.org/x">source</a></p>' +
      '<script>document.location="http://attacker.invalid/"</script>' +
      '<img src="http://tracker.invalid/p.gif" onerror="alert(3)">'
    expect(sanitiseHtml(html)).toBe(
      '<p>Ukraine’s ‘tighten the vice’ <a>map</a> <a>again</a> <a href="https://example.org/x">source</a></p>'
    )
  })

  it('removes frames, forms, styles, SVG, MathML, meta refresh, base tags and data: or vbscript: links', () => {
    const html =
      '<meta http-equiv="refresh" content="0;url=http://attacker.invalid/"><base href="http://attacker.invalid/">' +
      '<style>p { color: red }</style><iframe src="http://attacker.invalid/"></iframe>' +
      '<form action="http://attacker.invalid/"><input name="q"><button>Send</button></form>' +
      '<svg onload="alert(1)"><text>drawn</text></svg><math><mi>x</mi></math>' +
      '<object data="http://attacker.invalid/x.swf"></object><embed src="http://attacker.invalid/">' +
      '<p><a href="data:text/html,hi">d</a> <a href="vbscript:msgbox">v</a> <a href="mailto:desk@example.org">m</a></p>'
    expect(sanitiseHtml(html)).toBe(
      '<p><a>d</a> <a>v</a> <a href="mailto:desk@example.org">m</a></p>'
    )
  })

  it('keeps text structure: headings, paragraphs, lists, quotes, line breaks and time stamps', () => {
    const html =
      '<article><h2 class="standfirst" style="color:red" id="x">Head</h2><p>One<br>two</p>' +
      '<blockquote><p>Quoted</p></blockquote><ul><li><em>a</em></li><li><strong>b</strong></li></ul>' +
      '<time datetime="2026-11-24">24 Nov</time></article>'
    expect(sanitiseHtml(html)).toBe(
      '<article><h2 class="standfirst">Head</h2><p>One<br>two</p><blockquote><p>Quoted</p></blockquote>' +
        '<ul><li><em>a</em></li><li><strong>b</strong></li></ul><time datetime="2026-11-24">24 Nov</time></article>'
    )
  })

  it('reports what dangerous content it removed', () => {
    expect(sanitiseHtmlWithReport(hostilePage).removed).toEqual([
      '1 event handler',
      '1 image',
      '1 javascript: link',
      '1 embedded frame',
      '1 form',
      '2 form fields',
      '1 SVG drawing'
    ])
  })
})

describe('a pasted page makes no network request', () => {
  it('the recording window does catch a fetch when a resource reaches a live document', async () => {
    const { window, requests } = recordingWindow()
    window.document.head.innerHTML = '<link rel="stylesheet" href="https://attacker.invalid/a.css">'
    await vi.waitFor(() => expect(requests).toEqual(['https://attacker.invalid/a.css']))
  })

  it('sanitising and extracting the hostile page fetches nothing and opens no socket', async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect')
    const { window, requests } = recordingWindow()
    sanitiseHtml(hostilePage, window)
    const article = extractArticle(hostilePage, undefined, window)
    expect(article.paragraphs.length).toBeGreaterThan(0)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(requests).toEqual([])
    expect(connect).not.toHaveBeenCalled()
  })
})

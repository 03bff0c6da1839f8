import { JSDOM, type DOMWindow } from 'jsdom'

let shared: DOMWindow | null = null

/**
 * The one jsdom window every HTML stage works in, created on first use with jsdom's defaults:
 * scripts never run and no resource (image, stylesheet, frame) is ever fetched.
 */
export function inertWindow(): DOMWindow {
  shared ??= new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>').window
  return shared
}

/** Parses HTML into a new inert document of `window` (DOMParser documents run nothing, load nothing). */
export function parseInertDocument(html: string, window: DOMWindow = inertWindow()): Document {
  return new window.DOMParser().parseFromString(html, 'text/html')
}

import type { ClipdeskBridge } from './index'

declare global {
  interface Window {
    /** The back end's bridge; present in Electron, absent in browser mode. */
    clipdesk?: ClipdeskBridge
  }
}

export {}

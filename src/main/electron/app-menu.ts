import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron'

/** Sets the application menu: standard edit commands (paste needs them on macOS), view and help. */
export function setupAppMenu(dataDir: string): void {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Show Library Folder',
          click: () => void shell.openPath(dataDir)
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: `About Clipdesk ${app.getVersion()}`, role: 'about' }]
    }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

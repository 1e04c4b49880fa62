/**
 * The application menu. File holds the ways to open a repository; Edit keeps only the clipboard
 * items, because Ctrl+Z / Ctrl+Shift+Z belong to the board's own undo and redo.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import path from 'node:path';

export interface MenuActions {
  openFolder(): void;
  openRecent(repo: string): void;
  clearRecent(): void;
  openDemo(): void;
  newWindow(): void;
}

export interface MenuOptions {
  recent: string[];
  isMac: boolean;
  /** Developer tools only in a development run, not in the packaged app. */
  withDevTools: boolean;
}

export function menuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] =
    options.recent.length === 0
      ? [{ label: 'No recent repositories', enabled: false }]
      : options.recent.map((repo) => ({ label: `${path.basename(repo)}  (${repo})`, click: () => actions.openRecent(repo) }));
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { id: 'open', label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
      { label: 'Open Recent', submenu: [...recentItems, { type: 'separator' }, { label: 'Clear Recent', enabled: options.recent.length > 0, click: () => actions.clearRecent() }] },
      { id: 'open-demo', label: 'Open Demo Sprint', click: () => actions.openDemo() },
      { type: 'separator' },
      { id: 'new-window', label: 'New Window', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newWindow() },
      { type: 'separator' },
      { role: 'close' },
      ...(options.isMac ? [] : [{ role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { type: 'separator' }, { role: 'selectAll' }],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(options.withDevTools ? [{ role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const app: MenuItemConstructorOptions[] = options.isMac ? [{ role: 'appMenu' }] : [];
  return [...app, file, edit, view, { role: 'windowMenu' }];
}

export function installMenu(actions: MenuActions, options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, options)));
}

/**
 * The Electron main process: one board window per open repository, the File menu's ways in,
 * recent repositories, and the demo sprint on first run. API calls are answered by the same
 * services as the room server and the command line (electron/core), through ipc.ts.
 */
import { app, BrowserWindow, dialog, session } from 'electron';
import path from 'node:path';
import { ok, type Result } from '../../shared/result';
import { registerIpc, sendPush } from './ipc';
import { parseLaunchArgs } from './launch-args';
import { installMenu } from './menu';
import { loadRecent, saveRecent, withoutRecent, withRecent } from './recent';
import { openRepoServices } from '../core/host/services';
import { openDemoRepository } from './demo-folder';
import { RENDERER_URL } from './app-protocol';
import { createBoardWindow, hardenContents, installAppProtocol, installSessionPolicy, registerAppScheme, windowTitle } from './window';
import { Workspace } from './workspace';

// Tests and side-by-side runs keep their own recent list and demo (and their own single-instance lock).
const userDataOverride = process.env.MERGE_SPRINT_USER_DATA;
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));
app.enableSandbox();
registerAppScheme();

// The repository named on the command line, read once at start.
const launchArgs = parseLaunchArgs(process.argv, app.isPackaged, process.cwd());

let recent: string[] = [];
const recentFile = () => path.join(app.getPath('userData'), 'recent.json');
// Named like the tree it holds, so its window reads 'linux-2.6-xen — Merge Sprint'.
const demoDir = () => path.join(app.getPath('userData'), 'demo', 'linux-2.6-xen');

const workspace = new Workspace((repo, push) => openRepoServices(repo, { push }), {
  recent: () => recent,
  opened(windowId, repo) {
    BrowserWindow.fromId(windowId)?.setTitle(windowTitle(repo));
    app.addRecentDocument(repo);
    void rememberRecent(withRecent(recent, repo));
  },
  demoRepository: () => openDemoRepository(demoDir()),
});

async function rememberRecent(next: string[]): Promise<void> {
  recent = next;
  refreshMenu();
  try {
    await saveRecent(recentFile(), next);
  } catch (error) {
    console.error(`Merge Sprint could not save the recent repositories list: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function refreshMenu(): void {
  installMenu(
    {
      openFolder: () => void openFolder(),
      openRecent: (repo) => void openRepository(repo),
      clearRecent: () => void rememberRecent([]),
      openDemo: () => void openDemo(),
      newWindow: () => {
        const focused = BrowserWindow.getFocusedWindow();
        void openWindow(focused ? workspace.repoOf(focused.id) : (recent[0] ?? null), 'keep');
      },
    },
    { recent, isMac: process.platform === 'darwin', withDevTools: !app.isPackaged },
  );
}

/**
 * What happens to a new window whose repository fails to open: `keep` it, empty, with the
 * message on it (the repository named at start: the user sees why and can open another);
 * `close` it and show the message on the window the user came from (File > Open, Open Recent);
 * drop it `quietly` (a recent repository tried at start that is gone).
 */
type OnFailure = 'keep' | 'close' | 'quiet';

/** A new window on the repository, or on none. */
async function openWindow(repo: string | null, onFailure: OnFailure): Promise<Result<BrowserWindow>> {
  const from = BrowserWindow.getFocusedWindow();
  const window = createBoardWindow(repo);
  const id = window.id;
  const contents = window.webContents;
  workspace.addWindow({ id, send: (push) => sendPush(contents, push) });
  window.on('closed', () => workspace.removeWindow(id));
  if (repo === null) return ok(window);
  const shown = await workspace.show(id, repo);
  if (shown.ok) return ok(window);
  const message = { type: 'error' as const, message: `Could not open ${repo}`, detail: shown.error.message };
  if (onFailure === 'keep' && !window.isDestroyed()) {
    window.setTitle(windowTitle(null));
    void dialog.showMessageBox(window, message);
  } else {
    window.destroy();
    if (onFailure === 'close') void (from && !from.isDestroyed() ? dialog.showMessageBox(from, message) : dialog.showMessageBox(message));
  }
  return shown;
}

/** Focuses a window already showing the repository, or opens one. */
async function openRepository(repo: string): Promise<void> {
  const existing = await workspace.windowShowing(repo);
  const window = existing === null ? null : BrowserWindow.fromId(existing);
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
    return;
  }
  const opened = await openWindow(repo, 'close');
  if (!opened.ok) {
    // A repository that cannot be opened any more (moved, deleted) leaves the recent list.
    await rememberRecent(withoutRecent(recent, repo));
  }
}

async function openFolder(): Promise<void> {
  const parent = BrowserWindow.getFocusedWindow();
  const options = { title: 'Open a git repository', properties: ['openDirectory' as const] };
  const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const folder = choice.filePaths[0];
  if (!choice.canceled && folder !== undefined) await openRepository(folder);
}

async function openDemo(): Promise<void> {
  const demo = await openDemoRepository(demoDir());
  if (demo.ok) await openRepository(demo.value);
  else dialog.showErrorBox('Could not create the demo sprint', demo.error.message);
}

/** The first window: the repository on the command line, else the last one, else the demo. */
async function openFirstWindow(named: string | null): Promise<void> {
  if (named !== null) {
    await openWindow(named, 'keep');
    return;
  }
  for (const repo of [...recent]) {
    if ((await openWindow(repo, 'quiet')).ok) return;
    await rememberRecent(withoutRecent(recent, repo));
  }
  const demo = await openDemoRepository(demoDir());
  await openWindow(demo.ok ? demo.value : null, 'keep');
  if (!demo.ok) dialog.showErrorBox('Could not create the demo sprint', demo.error.message);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const { repo } = parseLaunchArgs(argv, app.isPackaged, workingDirectory);
    if (repo !== null) void openRepository(repo);
    else BrowserWindow.getAllWindows()[0]?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openFirstWindow(null);
  });
  app.on('will-quit', () => void workspace.close());
  void app.whenReady().then(async () => {
    installSessionPolicy(session.defaultSession);
    installAppProtocol(session.defaultSession);
    registerIpc(workspace, RENDERER_URL);
    recent = await loadRecent(recentFile());
    refreshMenu();
    await openFirstWindow(launchArgs.repo);
  });
}

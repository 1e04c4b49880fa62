/**
 * The Electron window end to end. Part one launches the real app with Playwright's `_electron`
 * on the demo sprint; it runs wherever an Electron binary exists and is skipped, saying so,
 * where none does. Part two runs everywhere: the same renderer page in Chromium, with the real
 * preload bundle (dist/electron/preload.cjs) bridged to the main process's real routing and
 * services, under the window's CSP header: what part one checks, as far as it can be checked
 * without Electron.
 */
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS, type Push } from '../../shared/api';
import type { Plan } from '../../shared/model';
import { openRepoServices } from '../../electron/core/host/services';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/security';
import { createDemoRepository } from '../../electron/core/demo';
import { Workspace } from '../../electron/shell/workspace';
import { installedElectron } from '../../scripts/electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Found without require('electron'), which would start a 100 MB download (npm start does that).
const electronBinary = installedElectron(root);
// Checkable by hand: `cat node_modules/electron/path.txt` names the binary under
// node_modules/electron/dist/ once it is downloaded (or ELECTRON_OVERRIDE_DIST_PATH points at one).
const SKIP_REASON =
  electronBinary === null
    ? `Electron end-to-end test not run: no Electron binary on this machine (${path.join('node_modules', 'electron', 'path.txt')} names none that exists, and ELECTRON_OVERRIDE_DIST_PATH ${process.env.ELECTRON_OVERRIDE_DIST_PATH ? 'names none either' : 'is unset'}); npm start downloads it where the network allows`
    : '';
if (SKIP_REASON && process.env.TEST_WORKER_INDEX !== undefined) console.log(SKIP_REASON);

const sortedChannels = [...CHANNELS].sort();

/** A demo sprint repository in a new temporary folder. */
async function makeDemo(prefix: string): Promise<{ dir: string; repo: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const created = await createDemoRepository(path.join(dir, 'linux-2.6-xen'));
  if (!created.ok) throw new Error(created.error.message);
  return { dir, repo: created.value };
}

type BridgeWindow = { mergeSprint: { api: Record<string, (r: unknown) => Promise<{ ok: boolean; value?: unknown }>>; onPush: unknown } };

/** Any subsystem and a person who does not own it yet. */
async function cardToReassign(page: Page): Promise<{ subsystemId: string; owner: string }> {
  const plan = await page.evaluate(async () => {
    const answer = await (window as unknown as BridgeWindow).mergeSprint.api['plan.get']?.({});
    return (answer?.value as { plan: Plan }).plan;
  });
  const person = plan.personOrder[plan.personOrder.length - 1];
  const subsystemId = plan.subsystemOrder.find((id) => plan.subsystems[id]?.owner !== person);
  if (!person || !subsystemId) throw new Error('The demo plan has no person or no subsystem to move.');
  return { subsystemId, owner: person };
}

async function expectBoard(page: Page): Promise<void> {
  await expect(page.getByTestId('board')).toBeVisible();
  await expect(page.locator('[data-testid^="card-"]').first()).toBeVisible();
}

/**
 * What the page's CSP does with a script that is not one of the app's files: an inline one and
 * one from a data: address, both added to the page. (Playwright's own evaluation is exempt from
 * CSP, so eval cannot be tried from here.) Resolves once the browser has settled both.
 */
const cspProbe = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ inlineRan: boolean; dataRan: boolean; violated: string[] }>((resolve) => {
        const marks = window as unknown as { __inlineRan?: boolean; __dataRan?: boolean };
        const violated: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violated.push(e.effectiveDirective));
        const inline = document.createElement('script');
        inline.textContent = 'window.__inlineRan = true;';
        document.head.append(inline);
        const fromData = document.createElement('script');
        const done = () => setTimeout(() => resolve({ inlineRan: marks.__inlineRan === true, dataRan: marks.__dataRan === true, violated: violated.sort() }));
        fromData.onload = done;
        fromData.onerror = done;
        fromData.src = 'data:text/javascript,window.__dataRan=true';
        document.head.append(fromData);
      }),
  );

/** What becomes of a fetch of the page's own address: the window's CSP lets it connect nowhere. */
const connectionAttempt = (page: Page) =>
  page.evaluate(() =>
    fetch(window.location.href).then(
      () => 'fetched',
      () => 'refused',
    ),
  );

/** Both scripts refused, each reported once per policy in force (the header, and the page's own meta tag if any). */
async function expectScriptsRefused(page: Page): Promise<void> {
  const probe = await cspProbe(page);
  expect(probe).toMatchObject({ inlineRan: false, dataRan: false });
  expect(probe.violated.length).toBeGreaterThanOrEqual(2);
  expect(new Set(probe.violated)).toEqual(new Set(['script-src-elem']));
}

test.describe('Electron window', () => {
  test.skip(electronBinary === null, SKIP_REASON);

  let app: ElectronApplication;
  let page: Page;
  let demo: { dir: string; repo: string };

  test.beforeAll(async () => {
    demo = await makeDemo('merge-sprint-electron-');
    app = await _electron.launch({
      executablePath: electronBinary ?? undefined,
      args: [path.join(root, 'dist', 'electron', 'main.cjs'), '--repo', demo.repo],
      cwd: root,
      env: { ...(process.env as Record<string, string>), MERGE_SPRINT_USER_DATA: path.join(demo.dir, 'user-data') },
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (demo) rmSync(demo.dir, { recursive: true, force: true });
  });

  test('opens the demo sprint and shows its board', async () => {
    await expectBoard(page);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toBe('linux-2.6-xen — Merge Sprint');
  });

  test('the page comes from app://merge-sprint, not file://, and may connect nowhere', async () => {
    expect(page.url()).toBe('app://merge-sprint/index.html');
    expect(await connectionAttempt(page)).toBe('refused');
  });

  test('the page has no Node: no require, no process', async () => {
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  });

  test('the bridge offers exactly the API channels and a push subscription', async () => {
    const bridge = await page.evaluate(() => {
      const b = (window as unknown as BridgeWindow).mergeSprint;
      return { keys: Object.keys(b).sort(), api: Object.keys(b.api).sort() };
    });
    expect(bridge.keys).toEqual(['api', 'onPush']);
    expect(bridge.api).toEqual(sortedChannels);
  });

  test('the CSP refuses scripts that are not the app\'s own files', async () => {
    await expectScriptsRefused(page);
  });

  test('navigation away and new windows are refused', async () => {
    const before = page.url();
    const prevented = app.evaluate(
      ({ webContents }) =>
        new Promise<boolean>((resolve) => {
          const contents = webContents.getAllWebContents().find((c) => c.getURL().startsWith('app:'));
          // Registered after the app's own listener, so it sees whether that one refused.
          contents?.once('will-navigate', (event) => resolve(event.defaultPrevented));
        }),
    );
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    expect(await prevented).toBe(true);
    expect(await page.evaluate(() => window.open('https://example.org/'))).toBeNull();
    expect(page.url()).toBe(before);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('a second window on the same repository sees a change at once', async () => {
    const opened = app.waitForEvent('window');
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('new-window')?.click());
    const second = await opened;
    await expectBoard(second);
    const { subsystemId, owner } = await cardToReassign(second);
    const answer = await second.evaluate(
      (change) => (window as unknown as BridgeWindow).mergeSprint.api['plan.change']?.({ change }),
      { type: 'card.assign', subsystemId, owner },
    );
    expect(answer?.ok).toBe(true);
    await expect(page.getByTestId(`column-${owner}`).getByTestId(`card-${subsystemId}`)).toBeVisible();
  });
});

test.describe('the Electron page in Chromium, through the real preload and main-process routing', () => {
  const ORIGIN = 'http://merge-sprint.invalid';
  const rendererDir = path.join(root, 'dist', 'renderer');
  const preloadFile = path.join(root, 'dist', 'electron', 'preload.cjs');
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json' };

  let demo: { dir: string; repo: string };
  let workspace: Workspace;
  const pages = new Map<number, Page>();

  test.beforeAll(async () => {
    for (const file of [path.join(rendererDir, 'index.html'), preloadFile]) {
      if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first.`);
    }
    demo = await makeDemo('merge-sprint-electron-page-');
    workspace = new Workspace((repo, push) => openRepoServices(repo, { push }), {
      recent: () => [],
      opened: () => {},
      demoRepository: async () => ({ ok: true, value: demo.repo }),
    });
  });

  test.afterAll(async () => {
    await workspace?.close();
    if (demo) rmSync(demo.dir, { recursive: true, force: true });
  });

  /**
   * A page as an Electron window would get it: our files with the window's CSP header, and the
   * preload bundle run before the page with 'electron' standing for ipcRenderer and contextBridge.
   */
  async function openWindowPage(page: Page, windowId: number): Promise<void> {
    pages.set(windowId, page);
    workspace.addWindow({
      id: windowId,
      send: (push: Push) => void page.evaluate((p) => (window as unknown as { __electronPush(p: unknown): void }).__electronPush(p), push).catch(() => {}),
    });
    const shown = await workspace.show(windowId, demo.repo);
    expect(shown.ok).toBe(true);
    await page.exposeFunction('__electronInvoke', (channel: unknown, request: unknown) => workspace.call(windowId, channel, request));
    const preload = readFileSync(preloadFile, 'utf8');
    await page.addInitScript({
      content: `(() => {
        const listeners = new Map();
        const ipcRenderer = {
          invoke: (ipcChannel, channel, request) => ipcChannel === 'merge-sprint:call' ? window.__electronInvoke(channel, request) : Promise.reject(new Error('unknown IPC channel')),
          on: (ch, l) => { if (!listeners.has(ch)) listeners.set(ch, new Set()); listeners.get(ch).add(l); return ipcRenderer; },
          removeListener: (ch, l) => { listeners.get(ch)?.delete(l); return ipcRenderer; },
        };
        Object.defineProperty(window, '__electronPush', { value: (push) => { for (const l of listeners.get('merge-sprint:push') ?? []) l({}, push); } });
        const contextBridge = { exposeInMainWorld: (key, value) => Object.defineProperty(window, key, { value: Object.freeze(value) }) };
        const module = { exports: {} };
        const require = (name) => { if (name === 'electron') return { contextBridge, ipcRenderer }; throw new Error('a sandboxed preload cannot require ' + name); };
        (function (module, exports, require) {\n${preload}\n})(module, module.exports, require);
      })();`,
    });
    await page.route(`${ORIGIN}/**`, async (route) => {
      const pathname = decodeURIComponent(new URL(route.request().url()).pathname);
      const file = path.join(rendererDir, pathname === '/' ? 'index.html' : pathname);
      if (!file.startsWith(rendererDir + path.sep) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      // The page's own CSP meta tag is taken out, so the window's header is the only policy tried.
      const body = file.endsWith('.html') ? readFileSync(file, 'utf8').replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, '') : readFileSync(file);
      await route.fulfill({
        status: 200,
        body,
        headers: { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      });
    });
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(`${ORIGIN}/index.html`);
    await expectBoard(page);
    // The page's own scripts and styles all load under the window's CSP.
    expect(refused).toEqual([]);
  }

  test('renders the demo board, with exactly the API channels on the bridge, under the CSP', async ({ page }) => {
    await openWindowPage(page, 1);
    const bridge = await page.evaluate(() => {
      const b = (window as unknown as BridgeWindow).mergeSprint;
      return { keys: Object.keys(b).sort(), api: Object.keys(b.api).sort() };
    });
    expect(bridge.keys).toEqual(['api', 'onPush']);
    expect(bridge.api).toEqual(sortedChannels);
    await expectScriptsRefused(page);
    expect(await connectionAttempt(page)).toBe('refused');
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(0);
    const info = await page.evaluate(() => (window as unknown as BridgeWindow).mergeSprint.api['app.info']?.({}));
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', repoPath: demo.repo } });
  });

  test('a second window on the same repository sees a change at once', async ({ page, context }) => {
    await openWindowPage(page, 2);
    const second = await context.newPage();
    await openWindowPage(second, 3);
    const { subsystemId, owner } = await cardToReassign(second);
    const answer = await second.evaluate(
      (change) => (window as unknown as BridgeWindow).mergeSprint.api['plan.change']?.({ change }),
      { type: 'card.assign', subsystemId, owner },
    );
    expect(answer?.ok).toBe(true);
    await expect(page.getByTestId(`column-${owner}`).getByTestId(`card-${subsystemId}`)).toBeVisible();
  });
});

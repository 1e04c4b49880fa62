/**
 * How window.ts, ipc.ts and menu.ts use Electron, with a recording stand-in for the 'electron'
 * module (no binary here): the options each window is created with and the app:// page it loads,
 * the app:// scheme registered and served from the renderer folder only, navigation and new
 * windows refused, the CSP header and permission refusals on the session, the IPC sender check
 * in front of every call, and the File menu.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const created: Array<{ options: Record<string, unknown>; loaded: string[] }> = [];
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const privileged: unknown[] = [];
  const opened: string[] = [];
  let windowForSender: { id: number } | null = { id: 7 };
  let template: unknown[] = [];
  class BrowserWindow {
    static fromWebContents = () => windowForSender;
    id = created.length + 1;
    webContents = {};
    private readonly record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] };
      created.push(this.record);
    }
    once() {}
    on() {}
    show() {}
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    created,
    handlers,
    privileged,
    opened,
    setSenderWindow: (w: { id: number } | null) => (windowForSender = w),
    template: () => template,
    module: {
      BrowserWindow,
      shell: { openExternal: (url: string) => (opened.push(url), Promise.resolve()) },
      protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes) },
      ipcMain: {
        handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler),
        removeHandler: (channel: string) => handlers.delete(channel),
      },
      Menu: {
        buildFromTemplate: (t: unknown[]) => ((template = t), { template: t }),
        setApplicationMenu: () => {},
      },
    },
  };
});
vi.mock('electron', () => electron.module);

import { registerIpc } from '../../electron/shell/ipc';
import { CALL_CHANNEL } from '../../electron/shell/ipc-channels';
import { menuTemplate, installMenu, type MenuActions } from '../../electron/shell/menu';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/security';
import { RENDERER_URL } from '../../electron/shell/app-protocol';
import { createBoardWindow, hardenContents, installAppProtocol, installSessionPolicy, PRELOAD_PATH, registerAppScheme, RENDERER_DIR } from '../../electron/shell/window';
import type { Workspace } from '../../electron/shell/workspace';

beforeEach(() => {
  electron.created.length = 0;
  electron.opened.length = 0;
  electron.setSenderWindow({ id: 7 });
});

describe('board window', () => {
  it('is created isolated, sandboxed and without Node, with our preload, and loads our page', () => {
    createBoardWindow('/repos/linux');
    const [window] = electron.created;
    expect(window?.options.title).toBe('linux — Merge Sprint');
    expect(window?.options.webPreferences).toMatchObject({
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(PRELOAD_PATH).toMatch(/preload\.cjs$/);
    expect(window?.loaded).toEqual(['app://merge-sprint/index.html']);
    expect(window?.loaded).toEqual([RENDERER_URL]);
  });
});

describe('app:// scheme', () => {
  it('is registered before ready as a standard, secure scheme', () => {
    registerAppScheme();
    expect(electron.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('is served in the session from the renderer folder, and nothing outside it', async () => {
    let scheme = '';
    let handler: ((request: { url: string }) => Promise<Response>) | undefined;
    installAppProtocol({ protocol: { handle: (s: string, h: typeof handler) => ((scheme = s), (handler = h)) } } as never);
    expect(scheme).toBe('app');
    // The bundle runs from dist/electron, beside dist/renderer; under vitest window.ts runs from
    // electron/shell, so its renderer folder is electron/renderer, which the sources do not have:
    // the page is not found there, and nothing outside the folder is ever served instead.
    expect(RENDERER_DIR).toBe(path.resolve(__dirname, '..', '..', 'electron', 'renderer'));
    const page = await handler?.({ url: RENDERER_URL });
    expect(page?.status).toBe(404);
    const escape = await handler?.({ url: 'app://merge-sprint/..%2fpackage.json' });
    expect(escape?.status).toBe(404);
    expect(await escape?.text()).not.toContain('"name": "merge-sprint"');
  });
});

/** A WebContents stand-in: an event emitter that records the window-open handler. */
function fakeContents() {
  const contents = new EventEmitter() as EventEmitter & { openHandler?: (d: { url: string }) => { action: string } };
  Object.assign(contents, { setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => (contents.openHandler = h) });
  return contents;
}
const event = (extra: Record<string, unknown> = {}) => ({ prevented: false, preventDefault() { this.prevented = true; }, ...extra });

describe('every page', () => {
  it('cannot navigate anywhere; an https link opens in the system browser, nothing else does', () => {
    const contents = fakeContents();
    hardenContents(contents as never);
    for (const url of ['https://lkml.org/', 'file:///etc/passwd', 'http://example.org/', 'javascript:alert(1)', 'app://merge-sprint/index.html', 'app://merge-sprint/other.html']) {
      const e = event();
      contents.emit('will-navigate', e, url);
      expect(e.prevented, url).toBe(true);
    }
    expect(electron.opened).toEqual(['https://lkml.org/']);
  });

  it('cannot open windows, redirect, navigate sub-frames or attach a webview', () => {
    const contents = fakeContents();
    hardenContents(contents as never);
    expect(contents.openHandler?.({ url: 'https://kernel.org/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///home/ada/.ssh/id_rsa' })).toEqual({ action: 'deny' });
    expect(electron.opened).toEqual(['https://kernel.org/']);
    for (const [name, e] of [
      ['will-redirect', event()],
      ['will-attach-webview', event()],
      ['will-frame-navigate', event({ isMainFrame: false })],
    ] as const) {
      contents.emit(name, e);
      expect(e.prevented, name).toBe(true);
    }
  });

  it('gets our CSP header (replacing any other) and every permission refused', () => {
    let onHeaders: ((details: unknown, cb: (r: unknown) => void) => void) | undefined;
    let onRequest: ((c: unknown, p: string, cb: (allowed: boolean) => void) => void) | undefined;
    let onCheck: (() => boolean) | undefined;
    installSessionPolicy({
      webRequest: { onHeadersReceived: (l: typeof onHeaders) => (onHeaders = l) },
      setPermissionRequestHandler: (h: typeof onRequest) => (onRequest = h),
      setPermissionCheckHandler: (h: typeof onCheck) => (onCheck = h),
    } as never);
    let answer: unknown;
    onHeaders?.({ responseHeaders: { 'content-security-policy': ["script-src 'unsafe-eval'"], 'X-Other': ['1'] } }, (r) => (answer = r));
    expect(answer).toEqual({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline/);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let allowed: boolean | undefined;
      onRequest?.({}, permission, (a) => (allowed = a));
      expect(allowed, permission).toBe(false);
    }
    expect(onCheck?.()).toBe(false);
  });
});

describe('IPC', () => {
  const calls: unknown[][] = [];
  const workspace = { call: async (...args: unknown[]) => (calls.push(args), { ok: true, value: 'done' }) } as unknown as Workspace;
  const frame = (url: string, opts: { parent?: object | null; destroyed?: boolean; routingId?: number } = {}) => ({
    url,
    parent: opts.parent ?? null,
    processId: 3,
    routingId: opts.routingId ?? 1,
    isDestroyed: () => opts.destroyed ?? false,
  });
  const invoke = (senderFrame: unknown, channel: unknown, request: unknown) =>
    electron.handlers.get(CALL_CHANNEL)?.({ senderFrame, sender: { mainFrame: frame(RENDERER_URL) } }, channel, request);

  beforeEach(() => {
    calls.length = 0;
    registerIpc(workspace, RENDERER_URL);
  });

  it('registers one handler, on the call channel', () => {
    expect([...electron.handlers.keys()]).toEqual([CALL_CHANNEL]);
  });

  it('passes a call from our page\'s top frame to the workspace with the window id', async () => {
    expect(await invoke(frame(`${RENDERER_URL}#board`), 'plan.get', {})).toEqual({ ok: true, value: 'done' });
    expect(calls).toEqual([[7, 'plan.get', {}]]);
  });

  it('refuses, as a value, calls from another page, an iframe, a gone frame or a non-window', async () => {
    const refusals = [
      await invoke(frame('https://evil.example/'), 'plan.get', {}),
      await invoke(frame(pathToFileURL('/tmp/index.html').href), 'plan.get', {}),
      await invoke(frame(RENDERER_URL, { parent: frame(RENDERER_URL) }), 'plan.get', {}),
      await invoke(frame(RENDERER_URL, { routingId: 2 }), 'plan.get', {}),
      await invoke(frame(RENDERER_URL, { destroyed: true }), 'plan.get', {}),
      await invoke(null, 'plan.get', {}),
    ];
    electron.setSenderWindow(null);
    refusals.push(await invoke(frame(RENDERER_URL), 'plan.get', {}));
    for (const r of refusals) expect(r).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(calls).toEqual([]);
  });
});

describe('File menu', () => {
  const done: string[] = [];
  const actions: MenuActions = {
    openFolder: () => done.push('open'),
    openRecent: (repo) => done.push(`recent ${repo}`),
    clearRecent: () => done.push('clear'),
    openDemo: () => done.push('demo'),
    newWindow: () => done.push('new window'),
  };
  type Item = { label?: string; role?: string; submenu?: Item[]; click?: () => void; enabled?: boolean };
  const find = (items: Item[], label: string): Item | undefined => items.find((i) => i.label === label);

  it('offers Open…, Open Recent, Open Demo Sprint and New Window, each doing its action', () => {
    done.length = 0;
    const file = find(menuTemplate(actions, { recent: ['/repos/linux'], isMac: false, withDevTools: false }) as Item[], 'File');
    const items = file?.submenu ?? [];
    find(items, 'Open…')?.click?.();
    find(find(items, 'Open Recent')?.submenu ?? [], 'linux  (/repos/linux)')?.click?.();
    find(find(items, 'Open Recent')?.submenu ?? [], 'Clear Recent')?.click?.();
    find(items, 'Open Demo Sprint')?.click?.();
    find(items, 'New Window')?.click?.();
    expect(done).toEqual(['open', 'recent /repos/linux', 'clear', 'demo', 'new window']);
  });

  it('leaves Ctrl+Z to the board: no undo or redo menu roles', () => {
    installMenu(actions, { recent: [], isMac: true, withDevTools: true });
    const roles = JSON.stringify(electron.template());
    expect(roles).not.toMatch(/"role":"(undo|redo)"/);
    expect(roles).toMatch(/"role":"toggleDevTools"/);
    const packaged = JSON.stringify(menuTemplate(actions, { recent: [], isMac: false, withDevTools: false }));
    expect(packaged).not.toMatch(/toggleDevTools/);
    expect(packaged).toMatch(/No recent repositories/);
  });
});

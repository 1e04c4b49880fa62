/**
 * electron/shell/main.ts run for real, with the real services on real repositories, against a
 * recording stand-in for the 'electron' module (no binary here): first run opens the demo sprint
 * from the app's data folder, the IPC handler answers our page and refuses others, a second
 * window on the same repository gets the first one's change pushed, and later runs reopen the
 * last repository, skip one that is gone, and report one that is not a repository.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlanEventsPush, Push } from '../../shared/api';
import type { Plan } from '../../shared/model';
import { cleanup, makeCommit, makeRepo, tempDir } from '../helpers/repo';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    paths: new Map<string, string>(),
    appListeners: new Map<string, Listener[]>(),
    handlers: new Map<string, Listener>(),
    windows: [] as FakeWindow[],
    focused: null as FakeWindow | null,
    messages: [] as Array<{ message: string; detail?: string }>,
    errorBoxes: [] as string[],
    menu: [] as unknown[],
    /** What the folder dialog answers next (null: the user cancels). */
    chosenFolder: null as string | null,
    /** Schemes registered as privileged (before ready) and served in the default session (after). */
    privilegedSchemes: [] as string[],
    servedSchemes: [] as string[],
  };
  let nextId = 1;
  class FakeWindow {
    readonly id = nextId++;
    title: string;
    loaded: string[] = [];
    destroyed = false;
    readonly sent: Array<{ channel: string; payload: unknown }> = [];
    readonly webContents: Record<string, unknown>;
    constructor(options: { title: string }) {
      this.title = options.title;
      this.webContents = {
        mainFrame: { processId: 1, routingId: this.id },
        isDestroyed: () => this.destroyed,
        send: (channel: string, payload: unknown) => this.sent.push({ channel, payload }),
      };
      state.windows.push(this);
    }
    static fromId = (id: number) => state.windows.find((w) => w.id === id && !w.destroyed) ?? null;
    static fromWebContents = (contents: unknown) => state.windows.find((w) => w.webContents === contents && !w.destroyed) ?? null;
    static getAllWindows = () => state.windows.filter((w) => !w.destroyed);
    static getFocusedWindow = () => state.focused;
    private readonly listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) {
      return this.on(name, listener);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    setTitle(title: string) {
      this.title = title;
    }
    getTitle() {
      return this.title;
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.close();
    }
    close() {
      if (this.destroyed) return;
      this.destroyed = true;
      for (const l of this.listeners.get('closed') ?? []) l();
    }
    show() {}
    focus() {
      state.focused = this;
    }
    isMinimized() {
      return false;
    }
    restore() {}
  }
  const module = {
    app: {
      isPackaged: false,
      setPath: (name: string, value: string) => state.paths.set(name, value),
      getPath: (name: string) => state.paths.get(name) ?? '',
      enableSandbox: () => {},
      requestSingleInstanceLock: () => true,
      on: (name: string, listener: Listener) => state.appListeners.set(name, [...(state.appListeners.get(name) ?? []), listener]),
      whenReady: () => Promise.resolve(),
      quit: () => {},
      addRecentDocument: () => {},
    },
    BrowserWindow: FakeWindow,
    dialog: {
      showMessageBox: (_w: unknown, options: { message: string; detail?: string }) => (state.messages.push(options), Promise.resolve({ response: 0 })),
      showErrorBox: (title: string) => state.errorBoxes.push(title),
      showOpenDialog: () => Promise.resolve(state.chosenFolder === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [state.chosenFolder] }),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => {} },
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        protocol: { handle: (scheme: string) => state.servedSchemes.push(scheme) },
      },
    },
    protocol: { registerSchemesAsPrivileged: (schemes: Array<{ scheme: string }>) => state.privilegedSchemes.push(...schemes.map((s) => s.scheme)) },
    shell: { openExternal: () => Promise.resolve() },
    ipcMain: {
      handle: (channel: string, handler: Listener) => state.handlers.set(channel, handler),
      removeHandler: (channel: string) => state.handlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ((state.menu = template), {}),
      setApplicationMenu: () => {},
    },
  };
  const reset = () => {
    state.appListeners.clear();
    state.handlers.clear();
    state.windows.length = 0;
    state.focused = null;
    state.messages.length = 0;
    state.errorBoxes.length = 0;
    state.privilegedSchemes.length = 0;
    state.servedSchemes.length = 0;
  };
  return { state, module, reset };
});
vi.mock('electron', () => fake.module);

type Window = (typeof fake.state.windows)[number];
type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** Starts main.ts afresh as `electron . ...args`, with userData in `userData`. */
async function launch(userData: string, args: string[] = []): Promise<void> {
  fake.reset();
  vi.resetModules();
  process.env.MERGE_SPRINT_USER_DATA = userData;
  const argv = process.argv;
  process.argv = ['/usr/bin/electron', '.', ...args];
  try {
    await import('../../electron/shell/main');
  } finally {
    process.argv = argv;
    delete process.env.MERGE_SPRINT_USER_DATA;
  }
}

async function quit(): Promise<void> {
  for (const l of fake.state.appListeners.get('will-quit') ?? []) await l();
}

/** An IPC call as the window's page would make it (sender frame: the page the window loaded). */
async function call(window: Window, channel: string, request: unknown, url = window.loaded[0] ?? ''): Promise<Answer> {
  const handler = fake.state.handlers.get('merge-sprint:call');
  if (!handler) throw new Error('no IPC handler registered');
  const senderFrame = { url, parent: null, processId: 1, routingId: window.id, isDestroyed: () => false };
  return (await handler({ sender: window.webContents, senderFrame }, channel, request)) as Answer;
}

type MenuItem = { id?: string; submenu?: MenuItem[]; click?: () => void };
const clickMenu = (id: string) =>
  (fake.state.menu as MenuItem[])
    .flatMap((m) => m.submenu ?? [])
    .find((i) => i.id === id)
    ?.click?.();

const openWindows = () => fake.state.windows.filter((w) => !w.destroyed);
const settled = async (condition: () => boolean) => expect.poll(condition, { timeout: 20_000, interval: 50 }).toBe(true);

describe('Electron main process', () => {
  let userData: string;
  const demoPath = () => path.join(userData, 'demo', 'linux-2.6-xen');
  beforeAll(() => {
    userData = tempDir('merge-sprint-userdata-');
  });
  afterEach(quit);
  afterAll(() => cleanup(userData));

  it('on first run opens the demo sprint, created in the app\'s data folder, and remembers it', async () => {
    await launch(userData);
    const demo = demoPath();
    await settled(() => openWindows()[0]?.title === 'linux-2.6-xen — Merge Sprint');
    expect(existsSync(path.join(demo, '.git'))).toBe(true);
    const [window] = openWindows();
    // The page comes from the app:// scheme, registered before ready and served once ready.
    expect(window?.loaded).toEqual(['app://merge-sprint/index.html']);
    expect(fake.state.privilegedSchemes).toEqual(['app']);
    expect(fake.state.servedSchemes).toEqual(['app']);
    await settled(() => existsSync(path.join(userData, 'recent.json')));
    expect(JSON.parse(readFileSync(path.join(userData, 'recent.json'), 'utf8')).repositories).toEqual([demo]);
  });

  it('answers our page with the window\'s repository and refuses any other page', async () => {
    await launch(userData);
    await settled(() => openWindows()[0]?.title === 'linux-2.6-xen — Merge Sprint');
    const [window] = openWindows() as [Window];
    const info = await call(window, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', repoPath: demoPath(), canOpen: true } });
    const snapshot = await call(window, 'plan.get', {});
    expect(snapshot.ok).toBe(true);
    expect((snapshot.value as { plan: Plan }).plan.subsystemOrder.length).toBeGreaterThan(0);
    for (const url of ['https://attacker.example/', pathToFileURL(path.join(__dirname, '..', '..', 'dist', 'renderer', 'index.html')).href]) {
      const foreign = await call(window, 'plan.get', {}, url);
      expect(foreign, url).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
    const bad = await call(window, 'plan.change', { change: { type: 'card.state', subsystemId: 42 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('File > New Window shows the same repository, and a change in one window is pushed to the other', async () => {
    await launch(userData);
    await settled(() => openWindows()[0]?.title === 'linux-2.6-xen — Merge Sprint');
    const [first] = openWindows() as [Window];
    // A call waits until the window's repository is open.
    expect(await call(first, 'app.info', {})).toMatchObject({ ok: true, value: { repoPath: demoPath() } });
    first.focus();
    clickMenu('new-window');
    await settled(() => openWindows().length === 2 && openWindows()[1]?.title === 'linux-2.6-xen — Merge Sprint');
    const second = openWindows()[1] as Window;
    const plan = ((await call(second, 'plan.get', {})).value as { plan: Plan }).plan;
    const owner = plan.personOrder[0] ?? '';
    const subsystemId = plan.subsystemOrder.find((id) => plan.subsystems[id]?.owner !== owner) ?? '';
    const changed = await call(second, 'plan.change', { change: { type: 'card.assign', subsystemId, owner } });
    expect(changed.ok).toBe(true);
    const pushedTo = (w: Window) =>
      w.sent.some(
        (s) =>
          s.channel === 'merge-sprint:push' &&
          (s.payload as Push).type === 'plan.events' &&
          (s.payload as PlanEventsPush).events.some((e) => e.type === 'card.assign' && e.subsystemId === subsystemId && e.owner === owner),
      );
    await settled(() => pushedTo(first) && pushedTo(second));
  });

  it('File > Open… focuses a window already on the folder, and reports a folder that is no repository without a new window', async () => {
    await launch(userData);
    await settled(() => openWindows()[0]?.title === 'linux-2.6-xen — Merge Sprint');
    const [first] = openWindows() as [Window];
    await call(first, 'app.info', {});
    fake.state.chosenFolder = path.join(demoPath(), '..', 'linux-2.6-xen');
    clickMenu('open');
    await settled(() => fake.state.focused === first);
    const plain = path.join(userData, 'just-files');
    mkdirSync(plain, { recursive: true });
    fake.state.chosenFolder = plain;
    clickMenu('open');
    await settled(() => fake.state.messages.length === 1);
    fake.state.chosenFolder = null;
    expect(fake.state.messages[0]?.message).toBe(`Could not open ${plain}`);
    expect(openWindows()).toEqual([first]);
  });

  it('later runs reopen the last repository, and skip one that is gone', async () => {
    const repo = makeRepo(path.join(userData, 'work', 'linux'));
    makeCommit(repo, { files: { README: 'Linux\n' } });
    const gone = path.join(userData, 'work', 'deleted');
    writeFileSync(path.join(userData, 'recent.json'), JSON.stringify({ version: 1, repositories: [gone, repo] }));
    await launch(userData);
    await settled(() => openWindows()[0]?.title === 'linux — Merge Sprint');
    expect(openWindows()).toHaveLength(1);
    await settled(() => !readFileSync(path.join(userData, 'recent.json'), 'utf8').includes('deleted'));
    expect(fake.state.messages).toEqual([]);
  });

  it('opens the repository named with --repo, and reports one that is not a repository', async () => {
    const notRepo = path.join(userData, 'plain-folder');
    mkdirSync(notRepo, { recursive: true });
    await launch(userData, ['--repo', notRepo]);
    await settled(() => fake.state.messages.length === 1);
    expect(fake.state.messages[0]?.message).toContain(notRepo);
    const [window] = openWindows() as [Window];
    expect(window.title).toBe('Merge Sprint');
    expect(await call(window, 'app.info', {})).toMatchObject({ ok: true, value: { repoPath: null } });
    await quit();

    const repo = path.join(userData, 'work', 'linux');
    await launch(userData, ['--repo', repo]);
    await settled(() => openWindows()[0]?.title === 'linux — Merge Sprint');
  });
});

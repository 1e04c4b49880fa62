/**
 * The window's security policy, checked without an Electron binary: the real preload bundle run
 * in a bare VM context with a recording fake of 'electron', the IPC sender check, the external
 * link check, and the webPreferences every window gets.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/api';
import { CALL_CHANNEL, PUSH_CHANNEL } from '../../electron/shell/ipc-channels';
import { RENDERER_URL } from '../../electron/shell/app-protocol';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicyWith, hardenedWebPreferences, isSafeExternalUrl, isTrustedSender } from '../../electron/shell/security';
import { cleanup, tempDir } from '../helpers/repo';

const root = path.resolve(__dirname, '..', '..');

interface PreloadRun {
  required: string[];
  exposed: Array<{ key: string; value: unknown }>;
  invoked: unknown[][];
  listeners: Map<string, Set<(...args: unknown[]) => void>>;
  ipcRenderer: object;
}

/** Bundles electron/shell/preload.ts exactly as scripts/build.mjs does and runs it in a fresh VM context. */
async function runPreload(outDir: string): Promise<PreloadRun> {
  const outfile = path.join(outDir, 'preload.cjs');
  await build({
    entryPoints: [path.join(root, 'electron/shell/preload.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['electron'],
    logLevel: 'silent',
  });
  const run: PreloadRun = { required: [], exposed: [], invoked: [], listeners: new Map(), ipcRenderer: {} };
  const ipcRenderer = {
    invoke: (...args: unknown[]) => {
      run.invoked.push(args);
      return Promise.resolve({ ok: true, value: 'answered' });
    },
    on(channel: string, listener: (...args: unknown[]) => void) {
      if (!run.listeners.has(channel)) run.listeners.set(channel, new Set());
      run.listeners.get(channel)?.add(listener);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      run.listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
    send: () => {
      throw new Error('the preload must not send');
    },
  };
  run.ipcRenderer = ipcRenderer;
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => run.exposed.push({ key, value }) },
    ipcRenderer,
  };
  const module = { exports: {} };
  // A sandboxed preload gets `require` for 'electron' and little else: the fake refuses the rest.
  const sandbox = {
    module,
    exports: module.exports,
    require: (name: string) => {
      run.required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${name}`);
    },
  };
  vm.runInNewContext(readFileSync(outfile, 'utf8'), sandbox, { filename: 'preload.cjs' });
  return run;
}

describe('preload bundle', () => {
  let dir: string;
  let run: PreloadRun;
  beforeAll(async () => {
    dir = tempDir('merge-sprint-preload-');
    run = await runPreload(dir);
  });
  afterAll(() => cleanup(dir));

  it('requires nothing but electron, so it runs in a sandboxed renderer', () => {
    expect(run.required).toEqual(['electron']);
  });

  it('exposes only window.mergeSprint, holding only api and onPush', () => {
    expect(run.exposed.map((e) => e.key)).toEqual(['mergeSprint']);
    const bridge = run.exposed[0]?.value as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onPush']);
    expect(typeof bridge.onPush).toBe('function');
  });

  it('offers exactly one function per channel of the contract', () => {
    const api = (run.exposed[0]?.value as { api: Record<string, unknown> }).api;
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof api[channel]).toBe('function');
  });

  it('sends a call as invoke(call channel, channel name, request) and returns the answer', async () => {
    const api = (run.exposed[0]?.value as { api: Record<string, (r: unknown) => Promise<unknown>> }).api;
    const request = { path: '/some/repo' };
    await expect(api['repo.open']?.(request)).resolves.toEqual({ ok: true, value: 'answered' });
    expect(run.invoked.at(-1)).toEqual([CALL_CHANNEL, 'repo.open', request]);
  });

  it('hands pushes to the listener without the IPC event, and unsubscribes', () => {
    const bridge = run.exposed[0]?.value as { onPush: (l: (p: unknown) => void) => () => void };
    const received: unknown[][] = [];
    const unsubscribe = bridge.onPush((...args: unknown[]) => received.push(args));
    const registered = [...(run.listeners.get(PUSH_CHANNEL) ?? [])];
    expect(registered).toHaveLength(1);
    const push = { type: 'build.log', runId: 'r1', chunk: 'ok\n' };
    registered[0]?.({ sender: run.ipcRenderer }, push);
    expect(received).toEqual([[push]]);
    unsubscribe();
    expect(run.listeners.get(PUSH_CHANNEL)?.size).toBe(0);
  });

  it('never hands ipcRenderer itself to the page', () => {
    const seen = new Set<unknown>();
    const walk = (value: unknown): void => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return;
      seen.add(value);
      expect(value).not.toBe(run.ipcRenderer);
      for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key]);
    };
    walk(run.exposed[0]?.value);
    expect(seen.size).toBeGreaterThan(CHANNELS.length);
  });
});

describe('IPC sender check', () => {
  const rendererUrl = RENDERER_URL;
  const installed = path.join('/opt', 'Merge Sprint', 'resources', 'app.asar', 'dist', 'renderer', 'index.html');

  it('accepts the top frame of our renderer page, also with a query or fragment', () => {
    expect(isTrustedSender({ url: rendererUrl, isTopFrame: true }, rendererUrl)).toBe(true);
    expect(isTrustedSender({ url: `${rendererUrl}?view=board#card-3`, isTopFrame: true }, rendererUrl)).toBe(true);
  });

  it('refuses our page in an iframe, a destroyed frame, and every other address, the renderer\'s own file:// one included', () => {
    expect(isTrustedSender({ url: rendererUrl, isTopFrame: false }, rendererUrl)).toBe(false);
    expect(isTrustedSender(null, rendererUrl)).toBe(false);
    const others = [
      pathToFileURL(installed).href,
      pathToFileURL('/tmp/index.html').href,
      'app://merge-sprint/other.html',
      'app://merge-sprint/index.html/evil.html',
      'app://merge-sprint:8080/index.html',
      'app://user@merge-sprint/index.html',
      'app://merge-sprint@evil.example/index.html',
      'app://evil.example/index.html',
      'app://merge-sprint.evil.example/index.html',
      'https://merge-sprint/index.html',
      'http://127.0.0.1:4173/',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'data:text/html,<script>1</script>',
      '',
      'not a url',
    ];
    for (const url of others) expect(isTrustedSender({ url, isTopFrame: true }, rendererUrl), url).toBe(false);
  });

  it('compares the path after URL normalisation, so dot segments cannot sneak in', () => {
    expect(isTrustedSender({ url: 'app://merge-sprint/assets/../index.html', isTopFrame: true }, rendererUrl)).toBe(true);
    expect(isTrustedSender({ url: 'app://merge-sprint/assets/%2e%2e/index.html', isTopFrame: true }, rendererUrl)).toBe(true);
    expect(isTrustedSender({ url: 'app://merge-sprint/assets/..%2findex.html', isTopFrame: true }, rendererUrl)).toBe(false);
  });

  it('trusts no file:// page, even if asked to', () => {
    const fileUrl = pathToFileURL(installed).href;
    expect(isTrustedSender({ url: fileUrl, isTopFrame: true }, fileUrl)).toBe(false);
  });
});

describe('content security policies', () => {
  const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...sources]) => [name, sources]));

  it('lets the window connect nowhere: it talks to the main process over IPC only', () => {
    const window = directives(CONTENT_SECURITY_POLICY);
    expect(window.get('connect-src')).toEqual(["'none'"]);
    expect(window.get('script-src')).toEqual(["'self'"]);
    expect(window.get('default-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\bws:|\bwss:|\bhttp/);
  });

  it('lets a room server page connect to its own origin and the push socket named, nothing else', () => {
    const room = directives(contentSecurityPolicyWith(['ws://127.0.0.1:4477', 'wss://127.0.0.1:4477']));
    expect(room.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4477', 'wss://127.0.0.1:4477']);
    const { 'connect-src': _window, ...windowRest } = Object.fromEntries(directives(CONTENT_SECURITY_POLICY));
    const { 'connect-src': _room, ...roomRest } = Object.fromEntries(room);
    expect(roomRest).toEqual(windowRest);
  });
});

describe('links handed to the system browser', () => {
  it('takes https addresses with a host', () => {
    expect(isSafeExternalUrl('https://www.kernel.org/doc/html/latest/process/submitting-patches.html')).toBe(true);
  });

  it('drops every other scheme and https with credentials', () => {
    for (const url of [
      'http://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/etc/passwd',
      'https://user:secret@example.org/',
      'https://',
      '',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('window webPreferences', () => {
  it('isolates and sandboxes the page and gives it no Node', () => {
    const prefs = hardenedWebPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

/**
 * The app:// handler without an Electron binary: which file an address names (POSIX and Windows
 * paths), and the answers served from a real renderer folder beside a secret it must never
 * serve: every way out of the folder refused, links out included, and the page's own files
 * served with their type and the window's CSP.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAppRequest, appFileFor, APP_SCHEME, RENDERER_URL } from '../../electron/shell/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/security';
import { cleanup, tempDir } from '../helpers/repo';

/** Addresses that would leave the folder once decoded: refused. */
const DECODED_ESCAPES = [
  'app://merge-sprint/..%2fsecret.txt',
  'app://merge-sprint/assets/..%2f..%2fsecret.txt',
  'app://merge-sprint/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
];
/** The same with Windows' separator: refused where it is one. */
const BACKSLASH_ESCAPES = ['app://merge-sprint/..%5c..%5c..%5cWindows%5cwin.ini', 'app://merge-sprint/assets%5c..%5c..%5csecret.txt'];
/** Addresses the URL parser itself brings back inside (dot segments, doubled or encoded slashes). */
const NORMALISED_INSIDE = ['app://merge-sprint/../secret.txt', 'app://merge-sprint/%2e%2e/secret.txt', 'app://merge-sprint//etc/passwd', 'app://merge-sprint/%2fetc%2fpasswd'];
const ESCAPES = [...DECODED_ESCAPES, ...BACKSLASH_ESCAPES, ...NORMALISED_INSIDE];

describe('appFileFor', () => {
  const posixRoot = '/opt/Merge Sprint/resources/app.asar/dist/renderer';
  const winRoot = 'C:\\Program Files\\Merge Sprint\\resources\\app.asar\\dist\\renderer';

  it('names the page and its assets inside the renderer folder', () => {
    expect(RENDERER_URL).toBe(`${APP_SCHEME}://merge-sprint/index.html`);
    expect(appFileFor(RENDERER_URL, posixRoot, path.posix)).toEqual({ ok: true, file: `${posixRoot}/index.html` });
    expect(appFileFor('app://merge-sprint/', posixRoot, path.posix)).toEqual({ ok: true, file: `${posixRoot}/index.html` });
    expect(appFileFor('app://merge-sprint/assets/index-B1.js?v=1#x', posixRoot, path.posix)).toEqual({ ok: true, file: `${posixRoot}/assets/index-B1.js` });
    expect(appFileFor('app://merge-sprint/assets/a%20b.css', winRoot, path.win32)).toEqual({ ok: true, file: `${winRoot}\\assets\\a b.css` });
  });

  it('refuses every address that resolves outside the folder, with POSIX and Windows paths', () => {
    for (const [paths, root] of [[path.posix, posixRoot], [path.win32, winRoot]] as const) {
      for (const url of ESCAPES) {
        const found = appFileFor(url, root, paths);
        // Where a name is kept (a POSIX file may be called '..\\x'), it is a name inside the folder.
        if (found.ok) expect(found.file.startsWith(root + paths.sep), `${url} -> ${found.file}`).toBe(true);
      }
      for (const url of DECODED_ESCAPES) expect(appFileFor(url, root, paths), url).toMatchObject({ ok: false, status: 404 });
    }
    for (const url of BACKSLASH_ESCAPES) expect(appFileFor(url, winRoot, path.win32), url).toMatchObject({ ok: false, status: 404 });
    expect(appFileFor(NORMALISED_INSIDE[0] ?? '', posixRoot, path.posix)).toEqual({ ok: true, file: `${posixRoot}/secret.txt` });
  });

  it('refuses drive letters, NTFS streams, NUL, broken escapes, other hosts and other schemes', () => {
    expect(appFileFor('app://merge-sprint/C:%5cWindows%5cwin.ini', winRoot, path.win32)).toMatchObject({ ok: false, status: 400 });
    expect(appFileFor('app://merge-sprint/index.html::$DATA', winRoot, path.win32)).toMatchObject({ ok: false, status: 400 });
    expect(appFileFor('app://merge-sprint/index.html%00.js', posixRoot, path.posix)).toMatchObject({ ok: false, status: 400 });
    expect(appFileFor('app://merge-sprint/%E0%A4%A', posixRoot, path.posix)).toMatchObject({ ok: false, status: 400 });
    for (const url of ['app://evil/index.html', 'app://merge-sprint.evil/index.html', 'file:///opt/index.html', 'https://merge-sprint/index.html', 'not a url']) {
      expect(appFileFor(url, posixRoot, path.posix).ok, url).toBe(false);
    }
  });
});

describe('answerAppRequest on a real folder', () => {
  let dir: string;
  let renderer: string;
  beforeAll(() => {
    dir = tempDir('merge-sprint-app-protocol-');
    renderer = path.join(dir, 'dist', 'renderer');
    mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>board</title>');
    writeFileSync(path.join(renderer, 'assets', 'index-B1.js'), 'export const board = 1;\n');
    writeFileSync(path.join(renderer, 'assets', 'index-C2.css'), 'body { margin: 0 }\n');
    writeFileSync(path.join(dir, 'secret.txt'), 'the key');
    writeFileSync(path.join(dir, 'dist', 'secret.txt'), 'the key');
    symlinkSync(path.join(dir, 'secret.txt'), path.join(renderer, 'assets', 'linked.js'));
    symlinkSync(dir, path.join(renderer, 'up'));
  });
  afterAll(() => cleanup(dir));

  it('serves the page, its scripts and styles with their types, the window\'s CSP and no sniffing', async () => {
    const page = await answerAppRequest(RENDERER_URL, renderer);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html><title>board</title>');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await answerAppRequest('app://merge-sprint/assets/index-B1.js', renderer);
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    const style = await answerAppRequest('app://merge-sprint/assets/index-C2.css', renderer);
    expect([style.status, style.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
  });

  it('never serves a file outside the folder: by dot segments, encoded separators, or links', async () => {
    const urls = [...ESCAPES, 'app://merge-sprint/assets/linked.js', 'app://merge-sprint/up/secret.txt', 'app://merge-sprint/up/dist/secret.txt'];
    for (const url of urls) {
      const answer = await answerAppRequest(url, renderer);
      const body = await answer.text();
      expect(body, url).not.toContain('the key');
      expect(answer.status, url).not.toBe(200);
      expect(body, url).toMatch(/: (outside|a link out|no such file)/);
    }
  });

  it('answers 404 for a folder or a missing file, and 400 for a malformed address, saying why', async () => {
    const folder = await answerAppRequest('app://merge-sprint/assets/', renderer);
    expect(folder.status).toBe(404);
    const missing = await answerAppRequest('app://merge-sprint/assets/gone.js', renderer);
    expect([missing.status, await missing.text()]).toEqual([404, 'app://merge-sprint/assets/gone.js: no such file in the renderer']);
    const broken = await answerAppRequest('app://merge-sprint/%E0%A4%A', renderer);
    expect(broken.status).toBe(400);
    expect(await broken.text()).toMatch(/malformed %-escape/);
  });
});

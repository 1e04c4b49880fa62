/**
 * `merge-sprint serve` as a separate process: it prints the address with its join token,
 * answers the API there only with that token, says whether browsers may change the repository,
 * and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { cleanup, tempDir } from '../../helpers/repo';
import { makeForkRepo, ROOT, runCli } from './core-helpers';

let repo: string;

beforeAll(() => {
  repo = makeForkRepo();
});
afterAll(() => cleanup(repo));

interface Served {
  url: URL;
  stdout: () => string;
  stop(): Promise<{ code: number | null; stderr: string }>;
}

async function serve(extra: string[] = [], opts: { what?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<Served> {
  const child = spawn(
    process.execPath,
    ['--import', pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, path.join(ROOT, 'electron', 'core', 'cli', 'main.ts'), 'serve', ...(opts.what ?? ['--repo', repo]), '--port', '0', ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
      const found = /^Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)$/m.exec(stdout);
      if (found?.[1] && /Press Ctrl\+C/.test(stdout)) resolve(found[1]);
    });
    void exited.then(() => reject(new Error(`serve exited early: ${stderr}`)));
  });
  return {
    url: new URL(url),
    stdout: () => stdout,
    async stop() {
      child.kill('SIGTERM');
      return { code: await exited, stderr };
    },
  };
}

describe('merge-sprint serve', () => {
  it('prints the address with its token, serves the API there only with it, and stops on SIGTERM', async () => {
    const served = await serve();
    expect(served.stdout()).toContain(`Merge Sprint board for ${repo}`);
    expect(served.stdout()).toMatch(/start the room with --allow-repo-changes/);
    const api = new URL('/api/repo.summary', served.url);
    const without = await fetch(api, { method: 'POST', body: '{}' });
    expect(without.status).toBe(401);
    const token = served.url.searchParams.get('token') ?? '';
    const res = await fetch(api, { method: 'POST', body: '{}', headers: { 'x-merge-sprint-token': token } });
    expect(await res.json()).toMatchObject({ ok: true, value: { path: repo, hasPlan: false } });
    const info = await fetch(new URL('/api/app.info', served.url), { method: 'POST', body: '{}', headers: { 'x-merge-sprint-token': token } });
    expect(await info.json()).toMatchObject({ ok: true, value: { allowRepoChanges: false } });
    expect(await served.stop()).toEqual({ code: 0, stderr: '' });
  });

  it('lets browsers run repository operations with --allow-repo-changes, and says so', async () => {
    const served = await serve(['--allow-repo-changes']);
    expect(served.stdout()).toMatch(/Browsers may also run the repository operations/);
    const token = served.url.searchParams.get('token') ?? '';
    const info = await fetch(new URL('/api/app.info', served.url), { method: 'POST', body: '{}', headers: { 'x-merge-sprint-token': token } });
    expect(await info.json()).toMatchObject({ ok: true, value: { allowRepoChanges: true } });
    expect(await served.stop()).toEqual({ code: 0, stderr: '' });
  });

  it('with --last-demo (npm run room) makes a demo and remembers it, reopens it the next time, and makes a new one once it is gone', async () => {
    const cache = tempDir('merge-sprint-cache-');
    const env = { XDG_CACHE_HOME: cache };
    const first = await serve([], { what: ['--last-demo'], env });
    const made = /^Demo repository: (.+)$/m.exec(first.stdout())?.[1] ?? '';
    expect(first.stdout()).toContain('The next npm run room reopens it.');
    expect(existsSync(path.join(made, '.git'))).toBe(true);
    await first.stop();
    expect(JSON.parse(readFileSync(path.join(cache, 'merge-sprint', 'last-demo.json'), 'utf8'))).toEqual({ path: made });

    const second = await serve([], { what: ['--last-demo'], env });
    expect(second.stdout()).toContain(`Reopened the demo made last time: ${made} (remembered in ${path.join(cache, 'merge-sprint', 'last-demo.json')})`);
    expect(second.stdout()).toContain(`Merge Sprint board for ${made}`);
    await second.stop();

    cleanup(made);
    const third = await serve([], { what: ['--last-demo'], env });
    const another = /^Demo repository: (.+)$/m.exec(third.stdout())?.[1] ?? '';
    expect(another).not.toBe(made);
    expect(existsSync(path.join(another, '.git'))).toBe(true);
    await third.stop();
    cleanup(another, cache);
  }, 60_000);

  it('refuses contradictory or malformed options with exit code 2', async () => {
    const both = await runCli(['serve', '--demo', '--repo', repo]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--demo serves a demo repository: leave out --repo/);
    const last = await runCli(['serve', '--last-demo', '--repo', repo]);
    expect(last.code).toBe(2);
    expect(last.stderr).toMatch(/--last-demo serves a demo repository: leave out --repo/);
    const port = await runCli(['serve', '--repo', repo, '--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port takes a port number/);
  });
});

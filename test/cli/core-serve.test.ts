/**
 * `merge-sprint serve` as a separate process: it prints the address, answers the API there,
 * and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from '../helpers/repo';
import { makeForkRepo, ROOT, runCli } from './core-helpers';

let repo: string;

beforeAll(() => {
  repo = makeForkRepo();
});
afterAll(() => cleanup(repo));

describe('merge-sprint serve', () => {
  it('prints the address, serves the API there and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, path.join(ROOT, 'electron', 'cli', 'main.ts'), 'serve', '--repo', repo, '--port', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString('utf8');
        const found = /^Open (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout);
        if (found?.[1]) resolve(found[1]);
      });
      void exited.then(() => reject(new Error(`serve exited early: ${stderr}`)));
    });
    expect(stdout).toContain(`Merge Sprint board for ${repo}`);
    const res = await fetch(new URL('/api/repo.summary', url), { method: 'POST', body: '{}' });
    expect(await res.json()).toMatchObject({ ok: true, value: { path: repo, hasPlan: false } });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });

  it('refuses contradictory or malformed options with exit code 2', async () => {
    const both = await runCli(['serve', '--demo', '--repo', repo]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--demo serves a new demo repository/);
    const port = await runCli(['serve', '--repo', repo, '--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port takes a port number/);
  });
});

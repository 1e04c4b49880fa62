/** Recent repositories (userData/recent.json) and the repository named on Electron's command line. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../electron/shell/launch-args';
import { loadRecent, MAX_RECENT, saveRecent, withoutRecent, withRecent } from '../../electron/shell/recent';
import { cleanup, tempDir } from '../helpers/repo';

describe('recent repositories file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir('merge-sprint-recent-');
    file = path.join(dir, 'recent.json');
  });
  afterEach(() => cleanup(dir));

  it('reads back what it saved, most recent first, and leaves no temporary file', async () => {
    await saveRecent(file, ['/repos/linux', '/repos/xen']);
    expect(await loadRecent(file)).toEqual(['/repos/linux', '/repos/xen']);
    expect(readdirSync(dir)).toEqual(['recent.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, repositories: ['/repos/linux', '/repos/xen'] });
  });

  it('replaces the file whole: an old longer content leaves nothing behind', async () => {
    await saveRecent(file, ['/a', '/b', '/c', '/d']);
    await saveRecent(file, ['/z']);
    expect(await loadRecent(file)).toEqual(['/z']);
  });

  it('reads a missing, damaged or foreign file as an empty list', async () => {
    expect(await loadRecent(file)).toEqual([]);
    writeFileSync(file, '{"repositories": ["/a", ');
    expect(await loadRecent(file)).toEqual([]);
    writeFileSync(file, '[1, 2, 3]');
    expect(await loadRecent(file)).toEqual([]);
    writeFileSync(file, JSON.stringify({ repositories: ['/ok', 42, 'relative/path', '', '/nul\0byte', '/ok'] }));
    expect(await loadRecent(file)).toEqual(['/ok']);
  });

  it('fails without touching the old file when the folder cannot be written', async () => {
    await saveRecent(file, ['/a']);
    await expect(saveRecent(path.join(dir, 'missing-folder', 'recent.json'), ['/b'])).rejects.toThrow();
    expect(await loadRecent(file)).toEqual(['/a']);
    expect(existsSync(path.join(dir, 'missing-folder'))).toBe(false);
  });
});

describe('recent list edits', () => {
  it('moves a reopened repository to the front without duplicating it', () => {
    expect(withRecent(['/a', '/b', '/c'], '/c')).toEqual(['/c', '/a', '/b']);
    expect(withRecent(['/a', '/b'], '/b/')).toEqual(['/b', '/a']);
  });

  it('keeps at most MAX_RECENT entries, dropping the oldest', () => {
    const many = Array.from({ length: MAX_RECENT }, (_, i) => `/r${i}`);
    const next = withRecent(many, '/new');
    expect(next).toHaveLength(MAX_RECENT);
    expect(next[0]).toBe('/new');
    expect(next).not.toContain(`/r${MAX_RECENT - 1}`);
  });

  it('removes a repository however its path is spelled', () => {
    expect(withoutRecent(['/a', '/b/c'], '/b/x/../c')).toEqual(['/a']);
  });
});

describe('repository on the command line', () => {
  const cwd = '/home/ada';

  it('takes --repo PATH, --repo=PATH or a bare path, resolved against the working folder', () => {
    expect(parseLaunchArgs(['/usr/bin/electron', '.', '--repo', 'src/linux'], false, cwd).repo).toBe('/home/ada/src/linux');
    expect(parseLaunchArgs(['/usr/bin/electron', '.', '--repo=/repos/xen'], false, cwd).repo).toBe('/repos/xen');
    expect(parseLaunchArgs(['/usr/bin/electron', '.', '../linux'], false, cwd).repo).toBe('/home/linux');
  });

  it('prefers --repo over a bare path', () => {
    expect(parseLaunchArgs(['/usr/bin/electron', '.', '/bare', '--repo', '/named'], false, cwd).repo).toBe('/named');
  });

  it('does not take the app path or tool switches for a repository', () => {
    // What Playwright's _electron.launch runs: its switches, then the app entry, then ours.
    const playwright = ['/e/electron', '--inspect=0', '--remote-debugging-port=0', 'dist/electron/main.cjs', '--repo', '/demo'];
    expect(parseLaunchArgs(playwright, false, cwd).repo).toBe('/demo');
    expect(parseLaunchArgs(['/e/electron', '--inspect=0', 'dist/electron/main.cjs'], false, cwd).repo).toBeNull();
    expect(parseLaunchArgs(['/e/electron', '.'], false, cwd).repo).toBeNull();
  });

  it('in the packaged app, the first bare argument is the repository', () => {
    expect(parseLaunchArgs(['/opt/Merge Sprint/merge-sprint', '/repos/linux'], true, cwd).repo).toBe('/repos/linux');
    expect(parseLaunchArgs(['/Applications/Merge Sprint.app/Contents/MacOS/Merge Sprint', '-psn_0_12345'], true, cwd).repo).toBeNull();
  });

  it('ignores an empty or missing --repo value', () => {
    expect(parseLaunchArgs(['/e/electron', '.', '--repo'], false, cwd).repo).toBeNull();
    expect(parseLaunchArgs(['/e/electron', '.', '--repo='], false, cwd).repo).toBeNull();
  });
});

/** The demo sprint in the app's data folder: made whole or not at all, then reused as left. */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDemoRepository } from '../../electron/app-services';
import { cleanup, git, tempDir } from '../helpers/repo';

describe('demo sprint folder', () => {
  let userData: string;
  let demo: string;
  beforeEach(() => {
    userData = tempDir('merge-sprint-demo-folder-');
    demo = path.join(userData, 'demo', 'linux-2.6-xen');
  });
  afterEach(() => cleanup(userData));

  it('is created on first use, clears a crashed attempt, and leaves only the finished repository', async () => {
    const crashed = path.join(userData, 'demo', 'linux-2.6-xen.0badc0de.partial');
    mkdirSync(path.join(crashed, '.git'), { recursive: true });
    expect(await openDemoRepository(demo)).toEqual({ ok: true, value: demo });
    expect(readdirSync(path.join(userData, 'demo'))).toEqual(['linux-2.6-xen']);
    expect(git(demo, ['rev-parse', '--verify', '--quiet', 'refs/merge-sprint/plan']).trim()).toMatch(/^[0-9a-f]{40}$/);
    expect(git(demo, ['status', '--porcelain'])).toBe('');
  });

  it('is reused as the user left it on later runs', async () => {
    await openDemoRepository(demo);
    const before = git(demo, ['rev-parse', 'refs/merge-sprint/plan']);
    writeFileSync(path.join(demo, 'notes.txt'), 'mine\n');
    expect(await openDemoRepository(demo)).toEqual({ ok: true, value: demo });
    expect(existsSync(path.join(demo, 'notes.txt'))).toBe(true);
    expect(git(demo, ['rev-parse', 'refs/merge-sprint/plan'])).toBe(before);
  });

  it('says why when it cannot be made, and leaves nothing behind', async () => {
    writeFileSync(path.join(userData, 'demo'), 'a file where the folder should be');
    const made = await openDemoRepository(demo);
    expect(made.ok).toBe(false);
    expect(readdirSync(userData)).toEqual(['demo']);
  });
});

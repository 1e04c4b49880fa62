/**
 * The demo sprint in the app's data folder: made whole or not at all, then reused as left; and
 * its fixture found by the built main process and command line.
 */
import { build, type BuildOptions } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/result';
import { openDemoRepository } from '../../electron/shell/demo-folder';
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

/**
 * The demo's content is a fixture folder read at run time: the bundles scripts/build.mjs makes
 * (with its own options, from scripts/bundles.mjs) find their copy of it in dist/, whichever
 * folder dist/ is in, and make the same repository as the sources do.
 */
describe('demo fixture in the built app', () => {
  const root = path.resolve(__dirname, '..', '..');
  // The demo's tip, as test/core/demo.test.ts pins it.
  const XEN_TREE = '0722eeaf6dd3e0116aaecf84131a3c74a939d513';
  interface Bundles {
    bundles(root: string, dist: string): Record<'main' | 'cli', BuildOptions & { outfile: string }>;
    copyDemoFixture(root: string, dist: string): Promise<void>;
  }
  let built: string;
  let options: ReturnType<Bundles['bundles']>;
  beforeAll(async () => {
    built = tempDir('merge-sprint-built-');
    const scripts = (await import(pathToFileURL(path.join(root, 'scripts', 'bundles.mjs')).href)) as Bundles;
    // Not under the project: only the fixture copied into this dist/ can be found.
    const dist = path.join(built, 'dist');
    options = scripts.bundles(root, dist);
    await scripts.copyDemoFixture(root, dist);
    // The command line leaves its packages external, as an installed one finds them.
    symlinkSync(path.join(root, 'node_modules'), path.join(built, 'node_modules'));
  });
  afterAll(() => cleanup(built));

  it('is found by the main process bundle, beside it in dist/', async () => {
    // The main process's own options, with the module that makes its demo as the entry point.
    const outfile = path.join(path.dirname(options.main.outfile), 'demo-folder.cjs');
    await build({ ...options.main, entryPoints: [path.join(root, 'electron', 'shell', 'demo-folder.ts')], outfile, sourcemap: false, logLevel: 'silent' });
    const { openDemoRepository } = createRequire(import.meta.url)(outfile) as { openDemoRepository(dir: string): Promise<Result<string>> };
    const demo = path.join(built, 'user-data', 'demo', 'linux-2.6-xen');
    expect(await openDemoRepository(demo)).toEqual({ ok: true, value: demo });
    expect(git(demo, ['rev-parse', 'HEAD^{tree}']).trim()).toBe(XEN_TREE);
  });

  it('is found by the command line bundle, beside it in dist/', async () => {
    await build({ ...options.cli, sourcemap: false, logLevel: 'silent' });
    const demo = path.join(built, 'cli-demo');
    const printed = execFileSync(process.execPath, [options.cli.outfile, 'demo', demo], { cwd: os.tmpdir(), encoding: 'utf8' });
    expect(printed.trim()).toBe(demo);
    expect(git(demo, ['rev-parse', 'HEAD^{tree}']).trim()).toBe(XEN_TREE);
  });
});

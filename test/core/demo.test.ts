/**
 * The built-in demo sprint: a real repository with the upstream tag and branch, the fork
 * branch checked out and clean, a Xen-style sparse fork, and a plan already under way.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanSnapshot } from '../../shared/api';
import { filesInNoSubsystem } from '../../shared/inventory';
import type { Inventory } from '../../shared/model';
import type { Result } from '../../shared/result';
import { createDemoRepository, DEMO_BUILDS, DEMO_PAIRINGS } from '../../electron/core/demo';
import { openRepoServices } from '../../electron/core/host/services';
import { callRepo } from '../../electron/core/host';
import { cleanup, git, tempDir } from '../helpers/repo';

let parent: string;
let repo: string;
let snapshot: PlanSnapshot;
let inventory: Inventory;

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  parent = tempDir();
  repo = value<string>(await createDemoRepository(path.join(parent, 'demo')));
  const opened = await openRepoServices(repo);
  if (!opened.ok) throw new Error(opened.error.message);
  const ctx = opened.value;
  snapshot = value<PlanSnapshot>(await callRepo(ctx, 'plan.get', {}));
  inventory = value<Inventory>(await callRepo(ctx, 'inventory.get', {}));
  ctx.dispose();
});
afterAll(() => cleanup(parent));

describe('the demo repository', () => {
  it('has the upstream tag and branch and the fork branch checked out, with a clean tree', () => {
    expect(repo).toBe(path.join(parent, 'demo'));
    expect(git(repo, ['tag', '--list']).trim()).toBe('v2.6.12');
    expect(git(repo, ['for-each-ref', '--format=%(refname:short)', 'refs/heads']).trim().split('\n').sort()).toEqual(['upstream', 'xen']);
    expect(git(repo, ['rev-parse', 'v2.6.12^{commit}'])).toBe(git(repo, ['rev-parse', 'upstream']));
    expect(git(repo, ['symbolic-ref', '--short', 'HEAD']).trim()).toBe('xen');
    expect(git(repo, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
    expect(git(repo, ['merge-base', '--is-ancestor', 'upstream', 'xen'])).toBe('');
  });

  it('is the same repository on every machine: pinned commits, tag and trees, as before its content became fixture files', () => {
    // Computed from the demo as it was built from TypeScript literals: moving its content into
    // files must not change one byte, one author or one date.
    const pinned = {
      upstream: { commit: 'b77a4e68f6b5f787b6aa38379125d7487aaf6b4e', tree: '7a25fafbc5fdebd58ac8ccd35faf035e1e65f26b' },
      'upstream~1': { commit: 'cd934cfca4cdb2aec7202f543b8ae76b3b017952', tree: 'b457c126f4fc449a2717b7fe78e731b1490179c3' },
      'refs/tags/v2.6.12': { commit: 'da96e61250131aff8072be5d8b28a3051243c6ff', tree: '7a25fafbc5fdebd58ac8ccd35faf035e1e65f26b' },
      xen: { commit: 'd59eb88b5cf2cef11b6bbf5554fdf0edd1c8f963', tree: '0722eeaf6dd3e0116aaecf84131a3c74a939d513' },
      HEAD: { commit: 'd59eb88b5cf2cef11b6bbf5554fdf0edd1c8f963', tree: '0722eeaf6dd3e0116aaecf84131a3c74a939d513' },
    };
    const actual = Object.fromEntries(
      Object.keys(pinned).map((ref) => [ref, { commit: git(repo, ['rev-parse', ref]).trim(), tree: git(repo, ['rev-parse', `${ref}^{tree}`]).trim() }]),
    );
    expect(actual).toEqual(pinned);
    expect(git(repo, ['log', '--format=%T', 'upstream..xen']).trim().split('\n')).toEqual([
      '0722eeaf6dd3e0116aaecf84131a3c74a939d513',
      '0d968f21a3e6674304d721fee23c6636e9405b53',
      'fb57ef9c11c6e7efb87d44911bca9b3d97b729e6',
      'f44019c6e1f825d73777567892966c1750143cf3',
      'cee438e595b1927b9b661010e45011f638546c93',
      '9c74790cde0462a822cd6b86a3f9dc383d3559fa',
      '8cc0a820f7970ffb4c2dddf0aef48a4a158620d2',
    ]);
  });

  it('has several fork authors and a mini Linux tree upstream with a MAINTAINERS file', () => {
    const authors = new Set(git(repo, ['log', '--format=%an', 'upstream..xen']).trim().split('\n'));
    expect(authors.size).toBeGreaterThanOrEqual(4);
    const upstreamFiles = git(repo, ['ls-tree', '-r', '--name-only', 'upstream']).trim().split('\n');
    expect(upstreamFiles.length).toBeGreaterThanOrEqual(40);
    expect(upstreamFiles.length).toBeLessThanOrEqual(150);
    for (const dir of ['arch/i386/kernel/', 'arch/i386/mm/', 'arch/i386/pci/', 'arch/x86_64/kernel/', 'drivers/net/', 'include/linux/', 'kernel/', 'mm/']) {
      expect(upstreamFiles.some((f) => f.startsWith(dir))).toBe(true);
    }
    const maintainers = git(repo, ['show', 'upstream:MAINTAINERS']);
    expect(maintainers).toMatch(/^F:\t/m);
    expect(maintainers).toMatch(/^X:\t/m);
  });

  it('is a sparse fork: modified copies, identical copies, fork-only files, inherited upstream files and in-place hooks', () => {
    const count = (status: string, prefix = ''): number => inventory.files.filter((f) => f.status === status && f.path.startsWith(prefix)).length;
    expect(count('modified', 'arch/xen/i386/')).toBeGreaterThan(5);
    expect(count('identical', 'arch/xen/i386/')).toBeGreaterThan(0);
    expect(count('fork-only', 'arch/xen/i386/')).toBeGreaterThan(0);
    expect(count('upstream-only', 'arch/xen/i386/')).toBeGreaterThan(0);
    const hooks = inventory.files.filter((f) => f.status === 'modified' && !f.path.startsWith('arch/xen/') && !f.path.startsWith('include/asm-xen/'));
    expect(hooks.map((f) => f.path)).toContain('mm/memory.c');
    // An identical copy really is the same blob in git.
    const same = inventory.files.find((f) => f.status === 'identical');
    if (!same) throw new Error('no identical copy');
    expect(git(repo, ['rev-parse', `xen:${same.path}`])).toBe(git(repo, ['rev-parse', `v2.6.12:${same.upstreamPath}`]));
  });
});

describe('the demo sprint', () => {
  it('pairs the sub-architecture folders with their upstream twins', () => {
    expect(snapshot.plan.sprint).toEqual({ upstreamRef: 'v2.6.12', forkRef: 'xen', pairings: DEMO_PAIRINGS });
  });

  it('has four people with colours, subsystems for every file, and cards in progress', () => {
    const people = snapshot.plan.personOrder.map((id) => snapshot.plan.people[id]);
    expect(people).toHaveLength(4);
    for (const p of people) expect(p?.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(filesInNoSubsystem(inventory, Object.values(snapshot.plan.subsystems))).toEqual([]);
    const cards = Object.values(snapshot.plan.subsystems);
    expect(cards.length).toBeGreaterThan(6);
    expect(cards.filter((c) => c.owner !== null).length).toBeGreaterThanOrEqual(4);
    expect(new Set(cards.map((c) => c.state))).toEqual(new Set(['Backlog', 'In progress', 'Review', 'Done']));
    expect(cards.some((c) => c.blocked !== null)).toBe(true);
    expect(new Set(snapshot.activity.map((e) => e.by.name)).size).toBeGreaterThan(1);
  });
});

describe("the demo's rename plan", () => {
  it('leaves the destinations of the Xen team\'s three rules free: the fork\'s helpers are in drivers/xen/util', () => {
    for (const dir of ['drivers/xen/core', 'arch/i386/xen', 'arch/x86_64/xen']) expect(git(repo, ['ls-tree', '--name-only', 'xen', '--', dir])).toBe('');
    expect(git(repo, ['ls-tree', '--name-only', 'xen', '--', 'drivers/xen/util/']).trim().split('\n')).toEqual(['drivers/xen/util/Makefile', 'drivers/xen/util/features.c', 'drivers/xen/util/skbuff.c']);
    expect(git(repo, ['show', 'xen:drivers/xen/Makefile'])).toMatch(/^obj-y \+= util\/ console\/$/m);
  });

  it('has the two layouts\' build checks, run by a script that is the same in both refs and in no inventory', () => {
    expect(snapshot.plan.buildOrder.map((id) => snapshot.plan.builds[id])).toEqual(DEMO_BUILDS.map(({ id, name }) => ({ id, name, last: null })));
    // The commands are the demo clone's own, in its git config, as `git config` reads them.
    for (const b of DEMO_BUILDS) expect(git(repo, ['config', '--local', '--get', `merge-sprint.build.${b.name}.command`]).trim()).toBe(b.command);
    expect(DEMO_BUILDS.map((b) => b.name)).toEqual(['old layout', 'new layout']);
    expect(git(repo, ['rev-parse', 'xen:scripts/checklayout.sh'])).toBe(git(repo, ['rev-parse', 'v2.6.12:scripts/checklayout.sh']));
    expect(inventory.files.map((f) => f.path).filter((p) => p.startsWith('scripts/'))).toEqual([]);
  });

  it('passes the old layout as created and fails the new one, naming the folders it misses', () => {
    const run = (command: string) => spawnSync('/bin/sh', ['-c', command], { cwd: repo, encoding: 'utf8' });
    const [old, next] = DEMO_BUILDS.map((b) => run(b.command));
    expect(old?.status, old?.stdout).toBe(0);
    expect(old?.stdout).toMatch(/^checklayout: 4 folder\(s\), 13 Makefile\(s\): all present$/m);
    expect(next?.status).toBe(1);
    expect(next?.stdout.match(/^ {2}missing .*$/gm)).toEqual(['  missing folder arch/i386/xen', '  missing folder arch/x86_64/xen', '  missing folder drivers/xen/core']);
  });
});

describe('where the demo goes', () => {
  it('refuses a folder that is not empty and leaves it alone', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const result = await createDemoRepository(dir);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/not empty/);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    cleanup(dir);
  });

  it('uses an existing empty folder', async () => {
    const dir = path.join(tempDir(), 'empty');
    mkdirSync(dir);
    const result = await createDemoRepository(dir);
    expect(result).toEqual({ ok: true, value: dir });
    cleanup(path.dirname(dir));
  });
});

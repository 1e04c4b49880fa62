/**
 * The inventory and the plan follow files through a rename, through the API with the real plan
 * store: while a rule is copied, sources say where their copy is and the copies are marked (no
 * new work, in no subsystem); once moved, the pairings and subsystems name the new paths, so the
 * inventory of the fork ref lists the same files with the same statuses and counts.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { PlanSnapshot } from '../../../shared/api';
import type { Inventory, InventoryFile } from '../../../shared/model';
import type { CopyResponse } from '../../../shared/rename/api';
import type { FinishResult, RenameRule } from '../../../shared/rename/model';
import type { Result } from '../../../shared/result';
import { openRepoServices } from '../../../electron/core/host/services';
import { callRepo } from '../../../electron/core/host';
import type { RepoServices } from '../../../electron/core/context';
import { withUnassignedFiles, type PlanWithUnassigned } from '../../../electron/core/inventory/sprint-inventory';
import { cleanup, git, makeCommit, makeRepo } from '../../helpers/repo';
import { lines } from './fixture';
import { needsWork } from '../../../shared/inventory';

const FROM = 'arch/xen/i386';
const TO = 'arch/i386/xen';

const open: RepoServices[] = [];
const repos: string[] = [];
afterEach(() => {
  for (const ctx of open.splice(0)) ctx.dispose();
  cleanup(...repos.splice(0));
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/**
 * Upstream (tag v2.6.12 on main) with arch/i386; branch xen adds a sparse arch/xen/i386 (a
 * modified file, an identical copy, a fork-only file; the Makefile inherited) and a driver
 * outside every pairing.
 */
function makeSparseFork(): string {
  const repo = makeRepo();
  repos.push(repo);
  makeCommit(repo, {
    files: {
      'arch/i386/Makefile': 'obj-y += kernel/ mm/\n',
      'arch/i386/kernel/setup.c': lines(20, 'setup'),
      'arch/i386/kernel/time.c': lines(15, 'time'),
      'arch/i386/mm/init.c': lines(12, 'init'),
      'kernel/sched.c': lines(5, 'sched'),
    },
    message: 'upstream',
  });
  git(repo, ['tag', 'v2.6.12']);
  makeCommit(repo, {
    branch: 'xen',
    files: {
      [`${FROM}/kernel/setup.c`]: lines(20, 'setup').replace('setup 3\n', 'setup 3 for xen\nxen_start_info();\n'),
      [`${FROM}/kernel/time.c`]: lines(15, 'time'),
      [`${FROM}/kernel/evtchn.c`]: lines(9, 'evtchn'),
      [`${FROM}/mm/init.c`]: lines(12, 'init').replace('init 0\n', ''),
      'drivers/xen/core.c': lines(4, 'core'),
    },
    message: 'xen',
  });
  return repo;
}

async function openSprint(repo: string): Promise<RepoServices> {
  const opened = await openRepoServices(repo, { actor: { name: 'Ada', email: 'ada@example.org' }, log: () => undefined });
  const ctx = value<RepoServices>(opened);
  open.push(ctx);
  value(await callRepo(ctx, 'sprint.init', { upstreamRef: 'v2.6.12', forkRef: 'xen', pairings: [{ fork: FROM, upstream: 'arch/i386' }] }));
  return ctx;
}

const inventory = async (ctx: RepoServices): Promise<Inventory> => value<Inventory>(await callRepo(ctx, 'inventory.get', {}));
/** The plan, with the files no subsystem holds as the command line lists them. */
const snapshot = async (ctx: RepoServices): Promise<PlanWithUnassigned> => withUnassignedFiles(ctx, value<PlanSnapshot>(await callRepo(ctx, 'plan.get', {})));
const forkFiles = (repo: string, rev: string, dir: string): string[] => git(repo, ['ls-tree', '-r', '-z', '--name-only', rev, '--', dir]).split('\0').filter(Boolean);
const moved = (p: string): string => (p.startsWith(`${FROM}/`) ? TO + p.slice(FROM.length) : p);
const byPath = (a: InventoryFile, b: InventoryFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

async function addAndCopy(ctx: RepoServices): Promise<RenameRule> {
  const { rule } = value<{ rule: RenameRule }>(await callRepo(ctx, 'rename.add', { from: FROM, to: TO }));
  value<CopyResponse>(await callRepo(ctx, 'rename.copy', { ruleIds: [rule.id] }));
  return rule;
}

describe('the sprint follows files through the copy and the move', () => {
  test('on the fork ref\'s branch: copies marked while copied; after the move the same files, statuses and counts at the new paths', async () => {
    const repo = makeSparseFork();
    const ctx = await openSprint(repo);
    const before = await inventory(ctx);
    expect(before.files.map((f) => f.status).sort()).toEqual(['fork-only', 'fork-only', 'identical', 'modified', 'modified', 'upstream-only']);
    expect((await snapshot(ctx)).unassignedFiles).toEqual([]);

    const rule = await addAndCopy(ctx);
    const copied = await inventory(ctx);
    const sources = forkFiles(repo, 'xen', FROM);
    // Every file git has under the source says where its copy is; the inherited Makefile has none.
    for (const f of copied.files.filter((x) => x.path.startsWith(`${FROM}/`))) {
      expect(f.interimCopyAt ?? null).toBe(sources.includes(f.path) ? moved(f.path) : null);
    }
    // The copies: exactly what git has under the destination, each naming its source.
    const copies = copied.files.filter((f) => f.interimCopyOf !== undefined);
    expect(copies.map((f) => f.path).sort()).toEqual(forkFiles(repo, 'xen', TO).sort());
    for (const c of copies) expect(moved(c.interimCopyOf as string)).toBe(c.path);
    // Without the copies, the inventory is the one from before the copy.
    expect(copied.files.filter((f) => !f.interimCopyOf).map(({ interimCopyAt: _at, ...f }) => f)).toEqual(before.files);
    expect((await snapshot(ctx)).unassignedFiles).toEqual([]);

    const finished = value<FinishResult>(await callRepo(ctx, 'rename.finish', { ruleId: rule.id }));
    expect(finished.followUp).toMatchObject({ pairings: 1, leftAlone: null });
    expect(finished.followUp.subsystems).toBeGreaterThan(0);
    expect(forkFiles(repo, 'xen', FROM)).toEqual([]);

    const after = await inventory(ctx);
    expect(after.pairings).toEqual([{ fork: TO, upstream: 'arch/i386' }]);
    expect(after.files).toEqual(before.files.map((f) => ({ ...f, path: moved(f.path) })).sort(byPath));
    const { plan, unassignedFiles } = await snapshot(ctx);
    expect(plan.renames[rule.id]?.phase).toBe('moved');
    expect(plan.sprint?.pairings).toEqual([{ fork: TO, upstream: 'arch/i386' }]);
    const held = plan.subsystemOrder.flatMap((id) => plan.subsystems[id]?.files ?? []);
    // The cards hold the work at its new paths: not the identical copy, not the inherited file.
    expect(held.sort()).toEqual(after.files.filter(needsWork).map((f) => f.path).sort());
    expect(unassignedFiles).toEqual([]);
  });

  test('on another branch than the fork ref: pairings and subsystems stay, and the answer says why', async () => {
    const repo = makeSparseFork();
    const ctx = await openSprint(repo);
    const before = await inventory(ctx);
    const planBefore = (await snapshot(ctx)).plan;
    git(repo, ['checkout', '-q', '-b', 'work']);
    const rule = await addAndCopy(ctx);
    // The fork ref (xen) has no copies: nothing is marked.
    expect(await inventory(ctx)).toEqual(before);

    const finished = value<FinishResult>(await callRepo(ctx, 'rename.finish', { ruleId: rule.id }));
    expect(finished.followUp).toMatchObject({ pairings: 0, subsystems: 0 });
    expect(finished.followUp.leftAlone).toMatch(/fork ref "xen" is not the branch "work" the move was committed on/);
    const { plan, unassignedFiles } = await snapshot(ctx);
    expect(plan.sprint).toEqual(planBefore.sprint);
    expect(plan.subsystems).toEqual(planBefore.subsystems);
    expect(await inventory(ctx)).toEqual(before);
    expect(unassignedFiles).toEqual([]);
  });
});

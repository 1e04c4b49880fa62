/**
 * The core handlers through the dispatcher, on real repositories: validation, refusals that
 * write nothing, snapshots with the files in no subsystem, pushes, and errors as values.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImportReport, PlanSnapshot, Push, RepoSummary } from '../../shared/api';
import { filesInNoSubsystem, isInherited, needsWork } from '../../shared/inventory';
import type { Inventory, PairingSuggestion } from '../../shared/model';
import type { Result } from '../../shared/result';

import { openRepoServices } from '../../electron/core/host/services';
import { callRepo } from '../../electron/core/host';
import type { RepoServices } from '../../electron/core/context';
import { GitError } from '../../electron/core/git/errors';
import { resolveActor } from '../../electron/core/plan/actor';
import { withUnassignedFiles } from '../../electron/core/inventory/sprint-inventory';
import { cleanup, git, makeCommit, makeRepo, tempDir } from '../helpers/repo';
import { makeForkRepo } from './cli/core-helpers';

let repo: string;
let ctx: RepoServices;
const PAIR = [{ fork: 'xen/i386', upstream: 'arch/i386' }];

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
function error(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}
const planRefs = (dir: string): string => git(dir, ['for-each-ref', 'refs/merge-sprint']);

beforeAll(async () => {
  repo = makeForkRepo();
  ctx = value<RepoServices>(await openRepoServices(repo));
});
afterAll(() => {
  ctx.dispose();
  cleanup(repo);
});

describe('dispatch', () => {
  it('refuses an unknown channel and names it', async () => {
    expect(error(await callRepo(ctx, 'plan.explode', {}))).toMatchObject({ code: 'bad-input', message: expect.stringContaining('"plan.explode"') });
  });

  it('lists the bad fields of a request in words', async () => {
    const e = error(await callRepo(ctx, 'sprint.init', { upstreamRef: '', forkRef: 7, pairings: [{ fork: 'a' }] }));
    expect(e.code).toBe('bad-input');
    expect(e.message).toMatch(/^The request for sprint\.init is not valid: /);
    expect(e.message).toMatch(/upstreamRef: /);
    expect(e.message).toMatch(/forkRef: expected string/);
    expect(e.message).toMatch(/pairings\[0\]\.upstream is missing/);
  });

  it('turns a thrown GitError into git-failed with detail, and any other throw into internal', async () => {
    const throwing = (thrown: unknown): RepoServices =>
      ({ ...ctx, plan: { ...ctx.plan, snapshot: () => Promise.reject(thrown) } }) as RepoServices;
    const gitError = new GitError('for-each-ref', ['for-each-ref', 'refs/x'], 'fatal: bad things\nmore', 128);
    const e = await callRepo(throwing(gitError), 'plan.get', {});
    expect(e).toEqual({
      ok: false,
      error: {
        code: 'git-failed',
        message: 'git for-each-ref failed: fatal: bad things.',
        detail: { operation: 'for-each-ref', args: ['for-each-ref', 'refs/x'], stderr: 'fatal: bad things\nmore', kind: 'other', exitCode: 128 },
      },
    });
    expect(error(await callRepo(throwing(new Error('boom')), 'plan.get', {}))).toMatchObject({ code: 'internal', message: expect.stringContaining('boom') });
  });
});

describe('starting a sprint', () => {
  it('refuses an unknown ref or a missing pairing folder and writes no plan', async () => {
    expect(error(await callRepo(ctx, 'sprint.init', { upstreamRef: 'v1', forkRef: 'nope', pairings: PAIR })).code).toBe('unknown-ref');
    const missing = error(await callRepo(ctx, 'sprint.init', { upstreamRef: 'v1', forkRef: 'fork', pairings: [{ fork: 'xen/amd64', upstream: 'arch/amd64' }] }));
    expect(missing.message).toContain('xen/amd64');
    expect(error(await callRepo(ctx, 'sprint.init', { upstreamRef: 'v1', forkRef: 'fork', pairings: [{ fork: '.git/x', upstream: 'arch' }] })).code).toBe('bad-path');
    expect(planRefs(repo)).toBe('');
    expect(value<PlanSnapshot>(await callRepo(ctx, 'plan.get', {})).plan.sprint).toBeNull();
  });

  it('answers inventory calls with no-plan before a sprint exists', async () => {
    expect(error(await callRepo(ctx, 'inventory.get', {})).code).toBe('no-plan');
    expect(error(await callRepo(ctx, 'subsystems.derive', {})).code).toBe('no-plan');
  });

  it('suggests the pairing from file names', async () => {
    const suggestions = value<PairingSuggestion[]>(await callRepo(ctx, 'pairs.suggest', { upstreamRef: 'v1', forkRef: 'fork' }));
    expect(suggestions[0]).toMatchObject({ fork: 'xen/i386', upstream: 'arch/i386' });
    expect(error(await callRepo(ctx, 'pairs.suggest', { upstreamRef: 'v1', forkRef: 'gone' })).code).toBe('unknown-ref');
  });

  it('starts with subsystems from folders that hold every inventory file that needs work', async () => {
    const pushes: Push[] = [];
    const stop = ctx.subscribe((p) => pushes.push(p));
    const snapshot = value<PlanSnapshot>(await callRepo(ctx, 'sprint.init', { upstreamRef: 'v1', forkRef: 'fork', pairings: [{ fork: 'xen/i386/', upstream: 'arch/i386' }] }));
    expect(snapshot.plan.sprint).toEqual({ upstreamRef: 'v1', forkRef: 'fork', pairings: PAIR });
    const inventory = value<Inventory>(await callRepo(ctx, 'inventory.get', {}));
    // Inherited files and identical copies are no one's work: no card holds them.
    expect(Object.values(snapshot.plan.subsystems).flatMap((s) => s.files).sort()).toEqual(inventory.files.filter(needsWork).map((f) => f.path).sort());
    expect(inventory.files.some(isInherited)).toBe(true);
    expect(filesInNoSubsystem(inventory, Object.values(snapshot.plan.subsystems))).toEqual([]);
    expect(git(repo, ['status', '--porcelain'])).toBe('');
    await vi.waitFor(() => expect(pushes.some((p) => p.type === 'plan.events' && p.to === snapshot.plan.head && p.events.some((e) => e.type === 'sprint.init'))).toBe(true));
    stop();
  });

  it('summarises the repository', async () => {
    const summary = value<RepoSummary>(await callRepo(ctx, 'repo.summary', {}));
    expect(summary).toMatchObject({ path: repo, branch: 'main', hasPlan: true, tags: ['v1'] });
    expect(summary.branches.sort()).toEqual(['fork', 'main']);
  });
});

describe('the board', () => {
  it('lists files a change leaves in no subsystem', async () => {
    const snapshot = value<PlanSnapshot>(await callRepo(ctx, 'plan.get', {}));
    const biggest = [...Object.values(snapshot.plan.subsystems)].sort((a, b) => b.files.length - a.files.length)[0];
    if (!biggest || biggest.files.length < 2) throw new Error('fixture too small');
    const [kept, ...dropped] = biggest.files;
    value(await callRepo(ctx, 'plan.change', { change: { type: 'subsystems.put', subsystems: [{ ...biggest, files: [kept] }], remove: [] } }));
    // plan.change answers with the events it appended; the plan after them is a snapshot's.
    const after = value<PlanSnapshot>(await callRepo(ctx, 'plan.get', {}));
    expect([...(await withUnassignedFiles(ctx, after)).unassignedFiles].sort()).toEqual([...dropped].sort());
    value(await callRepo(ctx, 'plan.change', { change: { type: 'subsystems.put', subsystems: [biggest], remove: [] } }));
  });

  it('imports MAINTAINERS from the fork ref with warnings for malformed lines', async () => {
    makeCommit(repo, { branch: 'fork', files: { MAINTAINERS: 'Intro\n\nXEN\nF:\txen/\nF\tdrivers/xen/\n\nCORE\nF:\tkernel/\nF:\tdrivers/\nF:\tMAINTAINERS\n' } });
    git(repo, ['checkout', '-q', 'main']);
    const report = value<ImportReport>(await callRepo(ctx, 'subsystems.importMaintainers', {}));
    expect(report.warnings.some((w) => w.includes('line 5'))).toBe(true);
    const names = report.snapshot.plan.subsystemOrder.map((id) => report.snapshot.plan.subsystems[id]?.name);
    expect(names).toEqual(['XEN', 'CORE']);
    expect((await withUnassignedFiles(ctx, report.snapshot)).unassignedFiles).toEqual([]);
    expect(error(await callRepo(ctx, 'subsystems.importMaintainers', { path: 'docs/NONE' })).code).toBe('not-found');
    expect(error(await callRepo(ctx, 'subsystems.importMaintainers', { path: '../etc/passwd' })).code).toBe('bad-path');
  });

  it('refuses a MAINTAINERS whose patterns name no file in scope, leaving the cards as they were', async () => {
    makeCommit(repo, { branch: 'fork', files: { 'docs/OTHER': 'ALPHA\nF:\tarch/alpha/\n\nSPARC\nF:\tarch/sparc/\n' } });
    git(repo, ['checkout', '-q', 'main']);
    const before = value<PlanSnapshot>(await callRepo(ctx, 'plan.get', {})).plan.subsystemOrder;
    const refused = error(await callRepo(ctx, 'subsystems.importMaintainers', { path: 'docs/OTHER' }));
    expect(refused.code).toBe('bad-input');
    expect(refused.message).toContain('No section of "docs/OTHER" covers a file in scope');
    expect(refused.message).toContain('The cards stay as they were.');
    expect(value<PlanSnapshot>(await callRepo(ctx, 'plan.get', {})).plan.subsystemOrder).toEqual(before);
  });
});

describe('the actor', () => {
  const home = process.env.HOME;
  afterEach(() => {
    process.env.HOME = home;
  });

  it('is the repository\'s git identity', async () => {
    expect(await resolveActor(repo)).toEqual({ name: 'Ada Fixture', email: 'ada@example.org' });
    expect(ctx.actor).toEqual({ name: 'Ada Fixture', email: 'ada@example.org' });
  });

  it('falls back to the OS user when git has none', async () => {
    const bare = makeRepo(tempDir());
    git(bare, ['config', '--unset', 'user.name']);
    git(bare, ['config', '--unset', 'user.email']);
    const emptyHome = tempDir();
    process.env.HOME = emptyHome;
    const actor = await resolveActor(bare);
    cleanup(bare, emptyHome);
    expect(actor.name).toBe((await import('node:os')).userInfo().username);
    expect(actor.email).toBe('');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { checkSeries } from '../../../electron/core/series/check';
import { proposeForPlan } from '../../../electron/core/series/propose';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { makeSeriesFixture, planWith, proposedFixture, userState, seriesInput, forkWithMakefileFolder } from './series-fixture';

const made: string[] = [];
afterEach(() => cleanup(...made.splice(0)));

const lines = (prefix: string, n: number): string => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`).join('\n') + '\n';

describe('series check', () => {
  it('applies every patch in a temporary worktree and finds the target tree, leaving the repository as it was', async () => {
    const fx = await proposedFixture();
    made.push(fx.repo);
    const before = userState(fx.repo);
    const report = await checkSeries(await seriesInput(fx.repo, fx.plan), { runId: 'r1' });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.failed).toBeNull();
    expect(report.value.steps.every((s) => s.applied)).toBe(true);
    expect(report.value.steps).toHaveLength(fx.plan.series.patchOrder.length);
    expect(report.value.finalTree).toBe(git(fx.repo, ['rev-parse', 'xen^{tree}']).trim());
    expect(report.value.treeMatches).toBe(true);
    expect(report.value.summary).toMatch(/^All 6 patches apply on [0-9a-f]{12}; the tree equals the target's/);
    expect(userState(fx.repo)).toBe(before);
  });

  it('refuses a patch that changes nothing, before touching anything', async () => {
    const fx = await proposedFixture();
    made.push(fx.repo);
    const empty = { id: 'empty', subject: 'docs: nothing', description: '', author: null, files: ['README'] };
    const plan = planWith([{ type: 'series.patch.put', patch: empty }], fx.plan);
    const before = userState(fx.repo);
    const report = await checkSeries(await seriesInput(fx.repo, plan), { runId: 'r0' });
    expect(report.ok ? '' : report.error.message).toBe('Patch "docs: nothing" changes nothing between upstream and the target: merge or remove it.');
    expect(userState(fx.repo)).toBe(before);
  });

  it('stops at the patch that does not apply, with git\'s reason', async () => {
    const fx = makeSeriesFixture();
    made.push(fx.repo);
    const { change, patches: rest, addition } = await forkWithMakefileFolder(fx);
    // Third place: the two patches before it apply, it cannot (Makefile is still a file).
    const patches = [...rest.slice(0, 2), addition, ...rest.slice(2)];
    expect(patches.findIndex((p) => p.files.includes('Makefile'))).toBeGreaterThan(2);
    const plan = planWith([{ ...change, patches }], fx.plan);
    const before = userState(fx.repo);
    const report = await checkSeries(await seriesInput(fx.repo, plan), { runId: 'r2' });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.failed?.index).toBe(2);
    expect(report.value.failed?.patchId).toBe('add-rules');
    expect(report.value.failed?.reason).toMatch(/Makefile\/rules\.mk/);
    expect(report.value.steps.map((s) => s.applied)).toEqual([true, true, false]);
    expect(report.value.treeMatches).toBe(false);
    expect(report.value.summary).toMatch(/^Patch 3 of \d+ \("build: add rules"\) fails: /);
    expect(userState(fx.repo)).toBe(before);
  });

  it('runs a build after each patch, streams its log, and reports the patch after which it fails', async () => {
    const fx = await proposedFixture();
    made.push(fx.repo);
    const chunks: string[] = [];
    const build = { name: 'no evtchn yet', command: 'echo "files: $(git ls-files | wc -l)"; test ! -e drivers/xen/core/evtchn.c' };
    const report = await checkSeries(await seriesInput(fx.repo, fx.plan), { runId: 'r3', build, onLog: (c) => chunks.push(c) });
    if (!report.ok) throw new Error(report.error.message);
    const last = fx.plan.series.patchOrder.length - 1;
    expect(fx.plan.series.patches[fx.plan.series.patchOrder[last] as string]?.files).toContain('drivers/xen/core/evtchn.c');
    expect(report.value.failed).toMatchObject({ index: last, reason: 'The build "no evtchn yet" failed (exit 1) after this patch.' });
    expect(report.value.steps.map((s) => s.build?.passed)).toEqual([...Array(last).fill(true), false]);
    const log = chunks.join('');
    // Upstream has 9 files; the worktree is a real checkout, so the build sees them.
    expect(log).toMatch(/== \[1\/6\] i386 hooks: update: no evtchn yet\nfiles: +9\n/);
    expect(log.match(/^== /gm)).toHaveLength(6);
  });

  it('stops a build when canceled', async () => {
    const fx = await proposedFixture();
    made.push(fx.repo);
    const controller = new AbortController();
    const build = { name: 'slow', command: 'echo started; sleep 50' };
    const report = await checkSeries(await seriesInput(fx.repo, fx.plan), {
      runId: 'r4',
      build,
      signal: controller.signal,
      onLog: (c) => {
        if (c.includes('started')) controller.abort();
      },
    });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.canceled).toBe(true);
    expect(report.value.steps).toHaveLength(1);
    expect(report.value.summary).toBe('Check canceled after 1 of 6 patches.');
    expect(git(fx.repo, ['worktree', 'list', '--porcelain']).match(/^worktree /gm)).toHaveLength(1);
  });

  it('fails at the patch whose build runs past its time limit, and removes the worktree', async () => {
    const fx = await proposedFixture();
    made.push(fx.repo);
    const build = { name: 'hangs', command: 'sleep 50' };
    const report = await checkSeries(await seriesInput(fx.repo, fx.plan), { runId: 'r5', build, buildTimeoutMs: 300 });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.canceled).toBe(false);
    expect(report.value.failed).toMatchObject({ index: 0, reason: 'The build "hangs" was stopped at its time limit after this patch.' });
    expect(report.value.steps.map((s) => s.build?.passed)).toEqual([false]);
    expect(git(fx.repo, ['worktree', 'list', '--porcelain']).match(/^worktree /gm)).toHaveLength(1);
  });

  it('warns about a file moved and rewritten in one patch, and about patches over the line limit', async () => {
    const fx = makeSeriesFixture();
    made.push(fx.repo);
    git(fx.repo, ['checkout', '-q', 'xen']);
    // mem.c moves to drivers/xen/mem.c keeping 8 of its 20 lines.
    const moved = lines('mem line', 8) + lines('rewritten', 12);
    makeCommit(fx.repo, { files: { 'drivers/char/mem.c': null, 'drivers/xen/mem.c': moved }, message: 'move mem.c' });
    git(fx.repo, ['checkout', '-q', 'main']);
    const proposed = await proposeForPlan(fx.repo, fx.plan);
    if (!proposed.ok) throw new Error(proposed.error.message);
    const patches = proposed.value.change.patches.map((p) => ({ ...p, files: p.files.filter((f) => f !== 'drivers/char/mem.c') }));
    const core = patches.find((p) => p.files.includes('drivers/xen/mem.c'));
    if (!core) throw new Error('no patch holds drivers/xen/mem.c');
    core.files.push('drivers/char/mem.c');
    const plan = planWith([{ ...proposed.value.change, patches: patches.filter((p) => p.files.length > 0) }], fx.plan);
    const report = await checkSeries(await seriesInput(fx.repo, plan), { runId: 'r5', lineLimit: 60 });
    if (!report.ok) throw new Error(report.error.message);
    const status = git(fx.repo, ['diff', '-M20%', '--name-status', 'upstream', 'xen', '--', 'drivers/char/mem.c', 'drivers/xen/mem.c']);
    const similarity = Number(/^R(\d+)\t/.exec(status)?.[1]);
    expect(similarity).toBeLessThan(50);
    expect(report.value.warnings.filter((w) => w.kind === 'rewritten-rename')).toEqual([
      expect.objectContaining({ patchId: core.id, from: 'drivers/char/mem.c', to: 'drivers/xen/mem.c', similarity }),
    ]);
    const large = report.value.warnings.filter((w) => w.kind === 'too-large');
    const expected = plan.series.patchOrder.flatMap((id) => {
      const files = plan.series.patches[id]?.files ?? [];
      const numstat = git(fx.repo, ['diff', '--no-renames', '--numstat', 'upstream', 'xen', '--', ...files.map((f) => `:(literal)${f}`)]);
      const total = numstat.split('\n').filter(Boolean).reduce((n, l) => n + (Number(l.split('\t')[0]) || 0) + (Number(l.split('\t')[1]) || 0), 0);
      return total > 60 ? [{ patchId: id, lines: total }] : [];
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(large.map((w) => ({ patchId: w.patchId, lines: w.kind === 'too-large' ? w.lines : 0 }))).toEqual(expected);
  });
});

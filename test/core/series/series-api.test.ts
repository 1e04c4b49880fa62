import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Push } from '../../../shared/api';
import { openRepoServices } from '../../../electron/core/host/services';
import { callRepo } from '../../../electron/core/host';
import type { RepoServices } from '../../../electron/core/context';
import { editPatch } from '../../../shared/series/edit';
import { cleanup, git, tempDir } from '../../helpers/repo';
import { callOk as call, makeSeriesFixture } from './series-fixture';

const made: string[] = [];
const open: RepoServices[] = [];
afterEach(() => {
  for (const ctx of open.splice(0)) ctx.dispose();
  cleanup(...made.splice(0));
});


async function openFixture(pushes: Push[] = []): Promise<RepoServices> {
  const { repo } = makeSeriesFixture();
  made.push(repo);
  const opened = await openRepoServices(repo, { actor: { name: 'Sam Sender', email: 'sam@example.org' }, push: (p) => pushes.push(p) });
  if (!opened.ok) throw new Error(opened.error.message);
  open.push(opened.value);
  await call(opened.value, 'sprint.init', { upstreamRef: 'upstream', forkRef: 'xen', pairings: [] });
  return opened.value;
}

describe('series channels', () => {
  it('proposes into the plan, edits through plan.change, exports versions and range-diffs them', async () => {
    const ctx = await openFixture();
    const proposal = await call(ctx, 'series.propose', {});
    const { series } = proposal.snapshot.plan;
    expect(series.target).toBe('xen');
    expect(series.base).toBe(git(ctx.repo, ['rev-parse', 'upstream']).trim());
    expect((await call(ctx, 'plan.get', {})).plan.series.patchOrder).toEqual(series.patchOrder);

    const state = await call(ctx, 'series.get', {});
    expect(state.problem).toBeNull();
    expect(state.stats.reduce((n, s) => n + s.files, 0)).toBe(proposal.files);

    const out = tempDir();
    made.push(out);
    const v1 = await call(ctx, 'series.export', { out: path.join(out, 'v1') });
    const first = series.patchOrder[0] as string;
    const edit = editPatch(series, first, { subject: 'x86: hooks for Xen' });
    if (!edit.ok) throw new Error(edit.error.message);
    await call(ctx, 'plan.change', { change: edit.value });
    const v2 = await call(ctx, 'series.export', { out: path.join(out, 'v2') });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const versions = (await call(ctx, 'plan.get', {})).plan.series.versions;
    expect(versions.map((v) => [v.version, v.tip])).toEqual([
      [1, v1.tip],
      [2, v2.tip],
    ]);
    const diff = await call(ctx, 'series.rangeDiff', {});
    expect(diff).toEqual({ from: 1, to: 2, text: git(ctx.repo, ['range-diff', '--no-color', `${v1.base}..${v1.tip}`, `${v2.base}..${v2.tip}`]) });
    expect(diff.text).toMatch(/x86: hooks for Xen/);
  });

  it('streams a build check log as series.log pushes for the run', async () => {
    const pushes: Push[] = [];
    const ctx = await openFixture(pushes);
    await call(ctx, 'series.propose', {});
    await call(ctx, 'build.add', { name: 'count', command: 'echo "n=$(git ls-files | wc -l)"' });
    const report = await call(ctx, 'series.check', { build: 'count', runId: 'run-1' });
    expect(report.treeMatches).toBe(true);
    expect(report.steps.every((s) => s.build?.passed)).toBe(true);
    const log = pushes.flatMap((p) => (p.type === 'series.log' && p.runId === 'run-1' ? [p.chunk] : [])).join('');
    expect(log.match(/^n= *\d+$/gm)).toHaveLength(report.steps.length);
    expect(await call(ctx, 'series.cancel', { runId: 'run-1' })).toEqual({ canceled: false });
  });

  it('runs nothing for a build check this clone does not define, and says how to define it', async () => {
    const ctx = await openFixture();
    await call(ctx, 'series.propose', {});
    // As a plan merged from another clone names it: the check, without this clone's command.
    const recorded = await ctx.plan.record({ type: 'build.put', build: { id: 'b9', name: 'theirs', last: null } }, ctx.actor);
    expect(recorded.ok).toBe(true);
    const pushes: Push[] = [];
    ctx.subscribe((p) => pushes.push(p));
    const check = await callRepo(ctx, 'series.check', { build: 'theirs', runId: 'run-2' });
    expect(check.ok ? '' : check.error.message).toMatch(/^The build check "theirs" is not defined on this machine.*merge-sprint build add --name theirs/);
    expect(pushes.filter((p) => p.type === 'series.log')).toEqual([]);
  });

  it('answers before a proposal and refuses bad requests in words', async () => {
    const ctx = await openFixture();
    const state = await call(ctx, 'series.get', {});
    expect(state.series.patchOrder).toEqual([]);
    expect(state.problem).toMatch(/There is no series yet/);
    const check = await callRepo(ctx, 'series.check', {});
    expect(check.ok ? '' : check.error.message).toMatch(/There is no series yet/);
    const bad = await callRepo(ctx, 'series.check', { runId: '../x' });
    expect(bad.ok ? '' : bad.error.code).toBe('bad-input');
    const relative = await callRepo(ctx, 'series.export', { out: 'relative/dir' });
    expect(relative.ok ? '' : relative.error.code).toBe('not-found');
    await call(ctx, 'series.propose', {});
    const relative2 = await callRepo(ctx, 'series.export', { out: 'relative/dir' });
    expect(relative2.ok ? '' : relative2.error.message).toMatch(/is relative: give an absolute path/);
  });
});

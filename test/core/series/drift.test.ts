import { afterEach, describe, expect, it } from 'vitest';
import { seriesDrift } from '../../../electron/core/series/drift';
import { loadSeries } from '../../../electron/core/series/load';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { proposedFixture, UPSTREAM_FILES, userState } from './series-fixture';

const made: string[] = [];
afterEach(() => cleanup(...made.splice(0)));

describe('upstream drift', () => {
  it('names the patches that no longer apply on the new upstream and the upstream commits touching each', async () => {
    const fx = await proposedFixture();
    made.push(fx.repo);
    const input = await loadSeries(fx.repo, fx.plan);
    if (!input.ok) throw new Error(input.error.message);

    const still = await seriesDrift(input.value, fx.upstream);
    expect(still.ok && still.value.moved).toBe(false);

    git(fx.repo, ['checkout', '-q', 'upstream']);
    const setup = String(UPSTREAM_FILES['arch/i386/kernel/setup.c']).replace('setup line 20\n', 'setup line 20 (upstream fix)\n');
    const conflicting = makeCommit(fx.repo, { files: { 'arch/i386/kernel/setup.c': setup }, message: 'i386: fix setup' });
    const unrelated = makeCommit(fx.repo, { files: { 'drivers/char/mem.c': 'rewritten\n' }, message: 'char: rewrite mem' });
    const clash = makeCommit(fx.repo, { files: { 'drivers/xen/core/evtchn.c': 'upstream evtchn\n' }, message: 'xen: upstream evtchn' });
    const newBase = git(fx.repo, ['rev-parse', 'HEAD']).trim();
    git(fx.repo, ['checkout', '-q', 'main']);
    const before = userState(fx.repo);

    const drift = await seriesDrift(input.value, newBase);
    if (!drift.ok) throw new Error(drift.error.message);
    expect(drift.value.moved).toBe(true);
    const failing = drift.value.patches.filter((p) => !p.applies).map((p) => p.patchId);
    expect(failing).toEqual(['patch-hooks', 'patch-xen-core']);
    for (const p of drift.value.patches) {
      const files = fx.plan.series.patches[p.patchId]?.files ?? [];
      const expected = git(fx.repo, ['log', '--format=%H', `${fx.upstream}..${newBase}`, '--', ...files.map((f) => `:(literal)${f}`)]).split('\n').filter(Boolean);
      expect(p.upstreamCommits.map((c) => c.commit)).toEqual(expected);
    }
    const hooks = drift.value.patches.find((p) => p.patchId === 'patch-hooks');
    expect(hooks?.upstreamCommits).toEqual([expect.objectContaining({ commit: conflicting, subject: 'i386: fix setup', author: 'Ada Fixture' })]);
    expect(hooks?.reason).toMatch(/arch\/i386\/kernel\/setup\.c/);
    expect(drift.value.patches.find((p) => p.patchId === 'patch-xen-core')?.upstreamCommits.map((c) => c.commit)).toEqual([clash]);
    expect(drift.value.patches.flatMap((p) => p.upstreamCommits.map((c) => c.commit))).not.toContain(unrelated);
    expect(drift.value.summary).toMatch(/2 patch\(es\) no longer apply: "i386 hooks: update", "xen: add core support"\.$/);
    expect(userState(fx.repo)).toBe(before);
  });
});

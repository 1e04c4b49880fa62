import { afterEach, describe, expect, it } from 'vitest';
import type { RepoCaches } from '../../../electron/core/context';
import { createLru } from '../../../electron/core/host/lru';
import { teamStatusOf } from '../../../electron/core/team/status';
import type { Plan } from '../../../shared/model';
import { describeVerdict } from '../../../shared/team/status';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { proposedFixture, UPSTREAM_FILES } from '../series/series-fixture';

const made: string[] = [];
afterEach(() => cleanup(...made.splice(0)));

/** The two caches team/status.ts reads, fresh for each call. */
const caches = (): RepoCaches => ({ teamWork: createLru(2), seriesApplies: createLru(2) }) as unknown as RepoCaches;

/** Every card of the plan Done, as the board says. */
const allDone = (plan: Plan): Plan => ({
  ...plan,
  subsystems: Object.fromEntries(Object.entries(plan.subsystems).map(([id, s]) => [id, { ...s, state: 'Done' as const }])),
});

describe('Done that git confirms, and the series', () => {
  it('a Done card whose series patch no longer applies on the moved upstream says which patch', async () => {
    const fx = await proposedFixture();
    made.push(fx.repo);
    const plan = allDone(fx.plan);
    const hooks = plan.series.patches['patch-hooks'];
    const holder = Object.values(plan.subsystems).find((s) => s.files.some((f) => hooks?.files.includes(f)));
    if (!hooks || !holder) throw new Error('The series fixture should have a hooks patch held by a card.');

    const before = await teamStatusOf({ repo: fx.repo, caches: caches() }, plan);
    if (!before.ok) throw new Error(before.error.message);
    expect(before.value.verdicts[holder.id]).toEqual({ verified: true, doubts: [] });

    git(fx.repo, ['checkout', '-q', 'upstream']);
    const setup = String(UPSTREAM_FILES['arch/i386/kernel/setup.c']).replace('setup line 20\n', 'setup line 20 (upstream fix)\n');
    makeCommit(fx.repo, { files: { 'arch/i386/kernel/setup.c': setup }, message: 'i386: fix setup' });
    git(fx.repo, ['checkout', '-q', 'main']);
    const after = await teamStatusOf({ repo: fx.repo, caches: caches() }, plan);
    if (!after.ok) throw new Error(after.error.message);
    const verdict = after.value.verdicts[holder.id];
    expect(verdict?.verified).toBe(false);
    expect(describeVerdict(verdict!)).toBe(`Done, but the patch "${hooks.subject}" holding its files no longer applies`);
    // The moved upstream breaks the hooks and the xen core patches only (series/drift.test.ts).
    const broken = new Set(['patch-hooks', 'patch-xen-core'].flatMap((id) => plan.series.patches[id]?.files ?? []));
    const untouched = Object.values(plan.subsystems).filter((s) => !s.files.some((f) => broken.has(f)));
    expect(untouched.length).toBeGreaterThan(0);
    for (const s of untouched) expect(after.value.verdicts[s.id]).toEqual({ verified: true, doubts: [] });
  });
});

import { afterEach, describe, expect, test } from 'vitest';
import type { Plan } from '../../../shared/model';
import { applyChange } from '../../../shared/plan/apply';
import { loadSeries } from '../../../electron/core/series/load';
import { proposeForPlan } from '../../../electron/core/series/propose';
import { revertWarnings } from '../../../electron/core/series/reverts';
import { applyUpstreamMove } from '../../../electron/core/upstream/apply';
import { cleanup } from '../../helpers/repo';
import { COPY_TIME, PAIRING, handPortTime, makeUpstreamFork, upstreamContext } from '../upstream/fixture';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

async function warningsFor(repo: string, plan: Plan) {
  const proposal = await proposeForPlan(repo, plan);
  if (!proposal.ok) throw new Error(proposal.error.message);
  const proposed = applyChange(plan, proposal.value.change);
  if (!proposed.ok) throw new Error(proposed.error.message);
  const input = await loadSeries(repo, proposed.value);
  if (!input.ok) throw new Error(input.error.message);
  return revertWarnings(input.value);
}

describe('series check: the series never undoes upstream', () => {
  test('a series cut on a newer upstream than the target holds names each upstream change it would revert', async () => {
    const f = makeUpstreamFork();
    repos.push(f.repo);
    const ctx = await upstreamContext(f.repo);
    // The sprint re-targeted to v2 without bringing v2 into the fork branch.
    await ctx.plan.record({ type: 'sprint.init', upstreamRef: 'v2', forkRef: 'main', pairings: [PAIRING] }, ctx.actor);
    const warnings = await warningsFor(f.repo, (await ctx.plan.snapshot()).plan);
    const byPath = Object.fromEntries(warnings.map((w) => [w.kind === 'reverts-upstream' ? w.path : '', w]));
    expect(Object.keys(byPath).sort()).toEqual(['arch/i386/kernel/setup.c', 'arch/i386/kernel/time.c', 'arch/i386/kernel/traps.c', 'drivers/net/ne2k-0.c']);
    const setup = byPath['arch/i386/kernel/setup.c'];
    expect(setup).toMatchObject({ kind: 'reverts-upstream', upstreamCommit: f.inScope[2] });
    expect(setup?.message).toContain(`${f.inScope[2]?.slice(0, 12)} ("i386: setup fix")`);
  });

  test('after upstream apply the series starts from the new base and warns of nothing', async () => {
    const f = makeUpstreamFork();
    repos.push(f.repo);
    handPortTime(f.repo);
    const ctx = await upstreamContext(f.repo);
    const applied = await applyUpstreamMove(ctx, 'v2', [COPY_TIME]);
    expect(applied.ok).toBe(true);
    expect(await warningsFor(f.repo, (await ctx.plan.snapshot()).plan)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../shared/plan/apply';
import { applied, basePlan } from './plan-fixture';

const rule = { id: 'r2', from: 'arch/xen/i386', to: 'arch/i386/xen', phase: 'planned' as const, copyCommit: null, moveCommit: null };
const patch = (id: string, files: string[]) => ({ id, subject: `patch ${id}`, description: '', author: null, files });

describe('applyChange: rename rules and build checks', () => {
  it('adds and updates rules and checks, removes them', () => {
    let plan = applied(basePlan(), { type: 'rename.put', rule });
    expect(plan.renameOrder).toEqual(['r1', 'r2']);
    plan = applied(plan, { type: 'rename.put', rule: { ...rule, phase: 'copied', copyCommit: 'abc' } });
    expect(plan.renameOrder).toEqual(['r1', 'r2']);
    expect(plan.renames.r2?.phase).toBe('copied');
    plan = applied(plan, { type: 'rename.remove', ruleId: 'r1' });
    expect(plan.renameOrder).toEqual(['r2']);
    plan = applied(plan, { type: 'build.put', build: { id: 'b2', name: 'new layout', last: null } });
    expect(plan.buildOrder).toEqual(['b1', 'b2']);
    plan = applied(plan, { type: 'build.remove', buildId: 'b1' });
    expect(Object.keys(plan.builds)).toEqual(['b2']);
  });

  it('refuses removing an unknown rule or check', () => {
    const r = applyChange(basePlan(), { type: 'rename.remove', ruleId: 'zed' });
    expect(r.ok ? null : r.error.code).toBe('not-found');
    const b = applyChange(basePlan(), { type: 'build.remove', buildId: 'zed' });
    expect(b.ok ? null : b.error.code).toBe('not-found');
  });
});

describe('applyChange: the series', () => {
  it('proposes a series, keeping exported versions', () => {
    let plan = applied(basePlan(), { type: 'series.version', version: { version: 1, tip: 't1', base: 'b', at: '2005-07-01T00:00:00.000Z' } });
    plan = applied(plan, { type: 'series.propose', target: 'xen2', base: 'v2.6.13', patches: [patch('a', ['x']), patch('b', ['y'])] });
    expect(plan.series.patchOrder).toEqual(['a', 'b']);
    expect(plan.series.target).toBe('xen2');
    expect(plan.series.versions.map((v) => v.version)).toEqual([1]);
  });

  it('puts, removes and reorders patches', () => {
    let plan = applied(basePlan(), { type: 'series.patch.put', patch: patch('p3', ['z']) });
    expect(plan.series.patchOrder).toEqual(['p1', 'p2', 'p3']);
    plan = applied(plan, { type: 'series.reorder', order: ['p3', 'p1', 'p2'] });
    expect(plan.series.patchOrder).toEqual(['p3', 'p1', 'p2']);
    plan = applied(plan, { type: 'series.patch.remove', patchId: 'p1' });
    expect(plan.series.patchOrder).toEqual(['p3', 'p2']);
  });

  it('keeps one record per version, in version order', () => {
    let plan = applied(basePlan(), { type: 'series.version', version: { version: 2, tip: 't2', base: 'b', at: 'x' } });
    plan = applied(plan, { type: 'series.version', version: { version: 1, tip: 't1', base: 'b', at: 'x' } });
    plan = applied(plan, { type: 'series.version', version: { version: 2, tip: 't2b', base: 'b', at: 'x' } });
    expect(plan.series.versions.map((v) => `${v.version}:${v.tip}`)).toEqual(['1:t1', '2:t2b']);
  });

  it('refuses a file in two patches, duplicate patch ids, unknown patches', () => {
    const clash = applyChange(basePlan(), { type: 'series.patch.put', patch: patch('p3', ['include/linux/hooks.h']) });
    expect(clash.ok ? '' : clash.error.message).toContain('"include/linux/hooks.h" would be in both');
    const proposal = applyChange(basePlan(), { type: 'series.propose', target: 't', base: 'b', patches: [patch('a', ['x']), patch('b', ['x'])] });
    expect(proposal.ok ? null : proposal.error.code).toBe('conflict');
    const dup = applyChange(basePlan(), { type: 'series.propose', target: 't', base: 'b', patches: [patch('a', ['x']), patch('a', ['y'])] });
    expect(dup.ok ? null : dup.error.code).toBe('refused');
    const gone = applyChange(basePlan(), { type: 'series.patch.remove', patchId: 'zed' });
    expect(gone.ok ? null : gone.error.code).toBe('not-found');
    const order = applyChange(basePlan(), { type: 'series.reorder', order: ['zed'] });
    expect(order.ok ? null : order.error.code).toBe('not-found');
  });
});

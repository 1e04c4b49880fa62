/** A small plan for the plan tests: two people, three subsystems, one rename rule, a series. */
import { emptyPlan, type Person, type Plan, type Subsystem } from '../../../shared/model';
import type { PlanChange } from '../../../shared/plan/events';
import { applyChange } from '../../../shared/plan/apply';

export const alice: Person = { id: 'alice', name: 'Alice', email: 'alice@example.org', color: '#1f6feb' };
export const bob: Person = { id: 'bob', name: 'Bob', email: 'bob@example.org', color: '#b0361e' };

export const subsystem = (id: string, files: string[], extra: Partial<Subsystem> = {}): Subsystem => ({
  id,
  name: id,
  files,
  source: { kind: 'manual' },
  owner: null,
  state: 'Backlog',
  blocked: null,
  ...extra,
});

export function basePlan(): Plan {
  const core = subsystem('core', ['drivers/xen/core/evtchn.c', 'drivers/xen/core/gnttab.c'], { owner: 'alice', state: 'In progress' });
  const net = subsystem('net', ['drivers/xen/netfront/netfront.c', 'drivers/xen/netback/netback.c', 'drivers/xen/netback/interface.c']);
  const docs = subsystem('docs', ['Documentation/xen.txt'], { blocked: 'waiting for the spec' });
  return {
    ...emptyPlan(),
    sprint: { upstreamRef: 'v2.6.12', forkRef: 'xen', pairings: [{ fork: 'arch/xen/i386', upstream: 'arch/i386' }] },
    people: { alice, bob },
    personOrder: ['alice', 'bob'],
    subsystems: { core, net, docs },
    subsystemOrder: ['core', 'net', 'docs'],
    renames: { r1: { id: 'r1', from: 'arch/xen/kernel', to: 'drivers/xen/core', phase: 'planned', copyCommit: null, moveCommit: null } },
    renameOrder: ['r1'],
    builds: { b1: { id: 'b1', name: 'old layout', last: null } },
    buildOrder: ['b1'],
    series: {
      target: 'xen',
      base: 'v2.6.12',
      patches: {
        p1: { id: 'p1', subject: 'xen: hooks', description: '', author: null, files: ['include/linux/hooks.h'] },
        p2: { id: 'p2', subject: 'xen: core', description: '', author: 'alice', files: ['drivers/xen/core/evtchn.c'] },
      },
      patchOrder: ['p1', 'p2'],
      versions: [],
    },
    cards: { core: { notes: '', checklist: [{ id: 'c1', text: 'hooks reviewed', done: true }], reviewer: null } },
  };
}

/** Applies a change that must succeed. */
export function applied(plan: Plan, change: PlanChange): Plan {
  const result = applyChange(plan, change);
  if (!result.ok) throw new Error(`expected ${change.type} to apply: ${result.error.message}`);
  return result.value;
}

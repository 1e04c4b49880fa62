import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../shared/plan/apply';
import type { PlanChange } from '../../../shared/plan/events';
import { alice, applied, basePlan, bob, subsystem } from './plan-fixture';

const refusal = (change: PlanChange, plan = basePlan()) => {
  const result = applyChange(plan, change);
  if (result.ok) throw new Error(`expected ${change.type} to be refused`);
  return result.error;
};

describe('applyChange: sprint and people', () => {
  it('sets the sprint settings, normalising folder slashes', () => {
    const plan = applied(basePlan(), { type: 'sprint.init', upstreamRef: 'v2.6.13', forkRef: 'main', pairings: [{ fork: 'arch/xen/', upstream: 'arch/i386' }] });
    expect(plan.sprint).toEqual({ upstreamRef: 'v2.6.13', forkRef: 'main', pairings: [{ fork: 'arch/xen', upstream: 'arch/i386' }] });
  });

  it('refuses a sprint with a ref that reads as an option, a bad folder, or a fork folder paired twice', () => {
    expect(refusal({ type: 'sprint.init', upstreamRef: '--all', forkRef: 'xen', pairings: [] }).message).toMatch(/not a revision/);
    expect(refusal({ type: 'sprint.init', upstreamRef: 'a', forkRef: 'b', pairings: [{ fork: '../x', upstream: 'y' }] }).message).toMatch(/\.\./);
    const twice = [{ fork: 'arch/xen', upstream: 'arch/i386' }, { fork: 'arch/xen', upstream: 'arch/x86_64' }];
    expect(refusal({ type: 'sprint.init', upstreamRef: 'a', forkRef: 'b', pairings: twice }).message).toMatch(/paired twice/);
  });

  it('adds a person at the end and updates one in place', () => {
    const carol = { id: 'carol', name: ' Carol ', email: 'c@example.org', color: '#1a7f37' };
    const added = applied(basePlan(), { type: 'person.put', person: carol });
    expect(added.personOrder).toEqual(['alice', 'bob', 'carol']);
    expect(added.people.carol?.name).toBe('Carol');
    const renamed = applied(added, { type: 'person.put', person: { ...alice, name: 'Alice B.' } });
    expect(renamed.personOrder).toEqual(['alice', 'bob', 'carol']);
    expect(renamed.people.alice?.name).toBe('Alice B.');
  });

  it('puts a person with an explicit order and hands them cards', () => {
    const plan = applied(basePlan(), { type: 'person.put', person: { ...bob }, order: ['bob', 'alice'], assign: ['net'] });
    expect(plan.personOrder).toEqual(['bob', 'alice']);
    expect(plan.subsystems.net?.owner).toBe('bob');
  });

  it('refuses a person with the name of another, a bad colour, a bad order or an unknown card', () => {
    expect(refusal({ type: 'person.put', person: { ...bob, id: 'bob2', name: 'alice' } }).message).toMatch(/Alice.*already/);
    expect(refusal({ type: 'person.put', person: { ...bob, color: 'red' } }).message).toMatch(/#rrggbb/);
    expect(refusal({ type: 'person.put', person: bob, order: ['bob'] }).message).toMatch(/leaves out "alice"/);
    expect(refusal({ type: 'person.put', person: bob, order: ['bob', 'alice', 'zed'] }).message).toMatch(/"zed"/);
    expect(refusal({ type: 'person.put', person: bob, assign: ['nope'] }).code).toBe('not-found');
  });

  it('removes a person and unassigns their cards', () => {
    const plan = applied(basePlan(), { type: 'person.remove', personId: 'alice' });
    expect(plan.people.alice).toBeUndefined();
    expect(plan.personOrder).toEqual(['bob']);
    expect(plan.subsystems.core?.owner).toBeNull();
    expect(refusal({ type: 'person.remove', personId: 'zed' }).code).toBe('not-found');
  });

  it('removes a person as reviewer of every card they review, keeping the cards other details', () => {
    const reviewed = applied(applied(basePlan(), { type: 'card.reviewer', subsystemId: 'core', reviewer: 'bob' }), { type: 'card.reviewer', subsystemId: 'net', reviewer: 'bob' });
    const plan = applied(reviewed, { type: 'person.remove', personId: 'bob' });
    expect(plan.cards.core).toEqual({ ...reviewed.cards.core, reviewer: null });
    // A card left with no details at all has no entry, as if it never had a reviewer.
    expect(plan.cards.net).toBeUndefined();
  });

  it('puts a person back as reviewer of the cards `review` names, never of their own card', () => {
    const plan = applied(basePlan(), { type: 'person.put', person: bob, review: ['core', 'net'] });
    expect(plan.cards.core?.reviewer).toBe('bob');
    expect(plan.cards.core?.checklist).toHaveLength(1);
    expect(plan.cards.net).toEqual({ notes: '', checklist: [], reviewer: 'bob' });
    expect(refusal({ type: 'person.put', person: alice, review: ['core'] }).message).toMatch(/Alice owns "core"/);
    expect(refusal({ type: 'person.put', person: bob, assign: ['net'], review: ['net'] }).message).toMatch(/Bob owns "net"/);
    expect(refusal({ type: 'person.put', person: bob, review: ['nope'] }).code).toBe('not-found');
  });
});

describe('applyChange: subsystems', () => {
  it('replaces the whole set in the given order', () => {
    const plan = applied(basePlan(), { type: 'subsystems.replace', subsystems: [subsystem('b', ['x/2']), subsystem('a', ['x/1'])] });
    expect(plan.subsystemOrder).toEqual(['b', 'a']);
    expect(Object.keys(plan.subsystems).sort()).toEqual(['a', 'b']);
  });

  it('refuses a replacement with overlapping files, a duplicate id or name, an unknown owner, a file listed twice', () => {
    const overlap = refusal({ type: 'subsystems.replace', subsystems: [subsystem('a', ['x/1', 'x/2']), subsystem('b', ['x/2'])] });
    expect(overlap.code).toBe('conflict');
    expect(overlap.message).toContain('"x/2" would be in both "a" and "b"');
    expect(refusal({ type: 'subsystems.replace', subsystems: [subsystem('a', ['x/1']), subsystem('a', ['x/2'])] }).message).toMatch(/id "a"/);
    expect(refusal({ type: 'subsystems.replace', subsystems: [subsystem('a', ['x/1'], { name: 'Net' }), subsystem('b', ['x/2'], { name: 'net' })] }).message).toMatch(/named/);
    expect(refusal({ type: 'subsystems.replace', subsystems: [subsystem('a', ['x/1'], { owner: 'zed' })] }).message).toMatch(/"zed"/);
    expect(refusal({ type: 'subsystems.replace', subsystems: [subsystem('a', ['x/1', 'x/1'])] }).message).toMatch(/twice/);
  });

  it('puts records, removes ids and appends new ones to the order', () => {
    const plan = applied(basePlan(), { type: 'subsystems.put', subsystems: [subsystem('new', ['n/x']), { ...basePlan().subsystems.core!, name: 'Core' }], remove: ['docs'] });
    expect(plan.subsystemOrder).toEqual(['core', 'net', 'new']);
    expect(plan.subsystems.core?.name).toBe('Core');
    expect(plan.subsystems.docs).toBeUndefined();
  });

  it('puts with an explicit order, and refuses an order that is not a permutation', () => {
    const plan = applied(basePlan(), { type: 'subsystems.put', subsystems: [], remove: [], order: ['docs', 'net', 'core'] });
    expect(plan.subsystemOrder).toEqual(['docs', 'net', 'core']);
    expect(refusal({ type: 'subsystems.put', subsystems: [], remove: [], order: ['docs', 'net'] }).message).toMatch(/leaves out "core"/);
  });

  it('refuses a put that overlaps, removes an unknown id, or updates and removes one id', () => {
    const overlap = refusal({ type: 'subsystems.put', subsystems: [subsystem('x', ['Documentation/xen.txt'])], remove: [] });
    expect(overlap.message).toContain('"Documentation/xen.txt" would be in both "docs" and "x"');
    expect(refusal({ type: 'subsystems.put', subsystems: [], remove: ['zed'] }).code).toBe('not-found');
    expect(refusal({ type: 'subsystems.put', subsystems: [subsystem('docs', ['d'])], remove: ['docs'] }).message).toMatch(/both updates and removes/);
  });

  it('renames, and refuses an unknown id or a name in use', () => {
    expect(applied(basePlan(), { type: 'subsystem.rename', subsystemId: 'net', name: 'Network' }).subsystems.net?.name).toBe('Network');
    expect(refusal({ type: 'subsystem.rename', subsystemId: 'zed', name: 'x' }).code).toBe('not-found');
    expect(refusal({ type: 'subsystem.rename', subsystemId: 'net', name: 'CORE' }).message).toMatch(/named "core" already/);
  });

  it('merges into one of the merged subsystems, keeping its owner and state', () => {
    const plan = applied(basePlan(), { type: 'subsystem.merge', subsystemIds: ['net', 'core'], into: 'core' });
    expect(plan.subsystemOrder).toEqual(['core', 'docs']);
    expect(plan.subsystems.core?.files).toEqual([...basePlan().subsystems.core!.files, ...basePlan().subsystems.net!.files]);
    expect(plan.subsystems.core?.owner).toBe('alice');
    expect(plan.subsystems.net).toBeUndefined();
  });

  it('refuses a merge into an id not among the merged, of unknown ids, or naming one twice', () => {
    expect(refusal({ type: 'subsystem.merge', subsystemIds: ['net', 'core'], into: 'docs' }).message).toMatch(/not one of the merged/);
    expect(refusal({ type: 'subsystem.merge', subsystemIds: ['net', 'zed'], into: 'net' }).code).toBe('not-found');
    expect(refusal({ type: 'subsystem.merge', subsystemIds: ['net', 'net'], into: 'net' }).message).toMatch(/twice/);
  });

  it('splits files off into a new subsystem placed after the original', () => {
    const plan = applied(basePlan(), { type: 'subsystem.split', subsystemId: 'net', newId: 'netback', name: 'netback', files: ['drivers/xen/netback/interface.c', 'drivers/xen/netback/netback.c'] });
    expect(plan.subsystemOrder).toEqual(['core', 'net', 'netback', 'docs']);
    expect(plan.subsystems.net?.files).toEqual(['drivers/xen/netfront/netfront.c']);
    expect(plan.subsystems.netback?.files).toEqual(['drivers/xen/netback/netback.c', 'drivers/xen/netback/interface.c']);
  });

  it('refuses a split taking foreign files, every file, an existing id or a name in use', () => {
    const foreign = refusal({ type: 'subsystem.split', subsystemId: 'net', newId: 'n2', name: 'n2', files: ['Documentation/xen.txt'] });
    expect(foreign.message).toContain('"Documentation/xen.txt" is not in "net"');
    const all = basePlan().subsystems.net!.files;
    expect(refusal({ type: 'subsystem.split', subsystemId: 'net', newId: 'n2', name: 'n2', files: all }).message).toMatch(/every file/);
    expect(refusal({ type: 'subsystem.split', subsystemId: 'net', newId: 'docs', name: 'n2', files: [all[0]!] }).message).toMatch(/id "docs" already/);
    expect(refusal({ type: 'subsystem.split', subsystemId: 'net', newId: 'n2', name: 'Docs', files: [all[0]!] }).code).toBe('conflict');
    expect(refusal({ type: 'subsystem.split', subsystemId: 'zed', newId: 'n2', name: 'n2', files: ['a'] }).code).toBe('not-found');
  });

  it('moves a file between subsystems, and into one from none', () => {
    const moved = applied(basePlan(), { type: 'file.move', path: 'Documentation/xen.txt', to: 'core' });
    expect(moved.subsystems.docs?.files).toEqual([]);
    expect(moved.subsystems.core?.files.at(-1)).toBe('Documentation/xen.txt');
    const adopted = applied(basePlan(), { type: 'file.move', path: 'README', to: 'docs' });
    expect(adopted.subsystems.docs?.files).toEqual(['Documentation/xen.txt', 'README']);
  });

  it('refuses a move to an unknown subsystem or to where the file is', () => {
    expect(refusal({ type: 'file.move', path: 'README', to: 'zed' }).code).toBe('not-found');
    expect(refusal({ type: 'file.move', path: 'Documentation/xen.txt', to: 'docs' }).message).toMatch(/already/);
  });
});

describe('applyChange: cards', () => {
  it('assigns, unassigns, sets state, blocks and unblocks', () => {
    let plan = applied(basePlan(), { type: 'card.assign', subsystemId: 'net', owner: 'bob' });
    expect(plan.subsystems.net?.owner).toBe('bob');
    plan = applied(plan, { type: 'card.assign', subsystemId: 'net', owner: null });
    expect(plan.subsystems.net?.owner).toBeNull();
    plan = applied(plan, { type: 'card.state', subsystemId: 'net', state: 'Review' });
    expect(plan.subsystems.net?.state).toBe('Review');
    plan = applied(plan, { type: 'card.block', subsystemId: 'net', reason: ' needs the hypercall ABI ' });
    expect(plan.subsystems.net?.blocked).toBe('needs the hypercall ABI');
    plan = applied(plan, { type: 'card.block', subsystemId: 'net', reason: null });
    expect(plan.subsystems.net?.blocked).toBeNull();
  });

  it('refuses cards and people that do not exist, and an empty block reason', () => {
    expect(refusal({ type: 'card.assign', subsystemId: 'net', owner: 'zed' }).message).toMatch(/no person with id "zed"/);
    expect(refusal({ type: 'card.assign', subsystemId: 'zed', owner: null }).code).toBe('not-found');
    expect(refusal({ type: 'card.state', subsystemId: 'zed', state: 'Done' }).code).toBe('not-found');
    expect(refusal({ type: 'card.block', subsystemId: 'zed', reason: null }).code).toBe('not-found');
    expect(refusal({ type: 'card.block', subsystemId: 'net', reason: '  ' }).message).toMatch(/why/);
  });

  it('reorders: listed cards first, cards left out keep their order after them', () => {
    expect(applied(basePlan(), { type: 'card.reorder', order: ['docs', 'core', 'net'] }).subsystemOrder).toEqual(['docs', 'core', 'net']);
    expect(applied(basePlan(), { type: 'card.reorder', order: ['docs'] }).subsystemOrder).toEqual(['docs', 'core', 'net']);
    expect(refusal({ type: 'card.reorder', order: ['docs', 'zed'] }).code).toBe('not-found');
    expect(refusal({ type: 'card.reorder', order: ['docs', 'docs'] }).message).toMatch(/twice/);
  });

  it('leaves records it did not change untouched (same objects)', () => {
    const before = basePlan();
    const after = applied(before, { type: 'card.assign', subsystemId: 'net', owner: 'bob' });
    expect(after.subsystems.core).toBe(before.subsystems.core);
    expect(after.people).toBe(before.people);
    expect(after.subsystems.net).not.toBe(before.subsystems.net);
    expect(before.subsystems.net?.owner).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { emptyPlan } from '../../../shared/model';
import type { BoardChange, ClientCommand } from '../../../shared/plan/events';
import { inverseOf } from '../../../shared/plan/inverse';
import { clientCommandSchema, planChangeSchema } from '../../../shared/plan/schema';
import { alice, applied, basePlan, subsystem } from './plan-fixture';

const boardChanges: BoardChange[] = [
  { type: 'sprint.init', upstreamRef: 'v2.6.13', forkRef: 'main', pairings: [] },
  { type: 'person.put', person: { id: 'carol', name: 'Carol', email: '', color: '#1a7f37' } },
  { type: 'person.put', person: { ...alice, name: 'Alice Liddell', color: '#8250df' } },
  { type: 'person.put', person: alice, order: ['bob', 'alice'] },
  { type: 'person.remove', personId: 'alice' },
  { type: 'person.remove', personId: 'bob' },
  { type: 'subsystems.replace', subsystems: [subsystem('all', ['a', 'b'])] },
  { type: 'subsystems.put', subsystems: [subsystem('new', ['n/1']), { ...basePlan().subsystems.net!, state: 'Done' }], remove: ['docs'] },
  { type: 'subsystems.put', subsystems: [], remove: [], order: ['docs', 'core', 'net'] },
  { type: 'subsystem.rename', subsystemId: 'net', name: 'Networking' },
  { type: 'subsystem.merge', subsystemIds: ['docs', 'net', 'core'], into: 'net' },
  { type: 'subsystem.split', subsystemId: 'net', newId: 'netback', name: 'netback', files: ['drivers/xen/netback/netback.c'] },
  { type: 'file.move', path: 'drivers/xen/core/evtchn.c', to: 'docs' },
  { type: 'file.move', path: 'README', to: 'core' },
  { type: 'card.assign', subsystemId: 'core', owner: 'bob' },
  { type: 'card.assign', subsystemId: 'core', owner: null },
  { type: 'card.state', subsystemId: 'net', state: 'Done' },
  { type: 'card.block', subsystemId: 'docs', reason: null },
  { type: 'card.block', subsystemId: 'net', reason: 'waiting' },
  { type: 'card.reorder', order: ['docs'] },
];

/** The Series view's edits: the other client commands. */
const seriesEdits: ClientCommand[] = [
  { type: 'series.patch.put', patch: { id: 'p3', subject: 's', description: '', author: null, files: ['z'] } },
  { type: 'series.patch.put', patch: { id: 'p1', subject: 'xen: hooks', description: 'why', author: 'alice', files: ['include/linux/hooks.h'] } },
  { type: 'series.patch.remove', patchId: 'p1' },
  { type: 'series.reorder', order: ['p2', 'p1'] },
  { type: 'series.settings', maxPatchKb: 40, wholeSupport: true },
  {
    type: 'series.patches.put',
    patches: [{ id: 'p1', subject: 'xen: hooks and core', description: '', author: null, files: ['include/linux/hooks.h', 'drivers/xen/core/evtchn.c'] }],
    remove: ['p2'],
  },
  { type: 'series.cover', cover: { subject: 'Xen for 2.6.12', blurb: 'The port.' } },
  // Alice owns core: her own sign-off, and its undo is its withdrawal.
  { type: 'card.signOff', subsystemId: 'core', signed: true },
];
/** The team's edits: a card's branch and a person's work-in-progress limit. */
const teamEdits: ClientCommand[] = [
  { type: 'card.branch', subsystemId: 'net', branch: 'alice/netfront' },
  { type: 'card.branch', subsystemId: 'core', branch: 'origin/bob/core' },
  { type: 'person.wipLimit', personId: 'alice', limit: 2 },
  { type: 'state.wipLimit', state: 'Review', limit: 4 },
];
/** The maintainers map: binding one section, and several at once. */
const mapEdits: ClientCommand[] = [
  { type: 'maintainers.map', bindings: [{ section: 'X86-64 PORT', folders: ['arch/x86_64'] }] },
  { type: 'maintainers.map', bindings: [{ section: 'XEN', folders: ['drivers/xen', 'arch/xen'] }, { section: 'USB SUBSYSTEM', folders: ['drivers/usb'] }] },
];
/** A card's own edits (shared/card/): notes, checklist, reviewer, and a bulk move. */
const cardEdits: ClientCommand[] = [
  { type: 'card.notes', subsystemId: 'net', notes: 'Ask Keir about the ring size.' },
  { type: 'card.checklist.put', subsystemId: 'net', item: { id: 'i1', text: 'builds on i386', done: false } },
  { type: 'card.checklist.remove', subsystemId: 'core', itemId: 'c1' },
  { type: 'card.reviewer', subsystemId: 'core', reviewer: 'bob' },
  { type: 'cards.set', cards: [{ subsystemId: 'net', owner: 'bob', state: 'Review' }, { subsystemId: 'core', state: 'Done' }] },
];
const commands: ClientCommand[] = [...boardChanges, ...seriesEdits, ...teamEdits, ...mapEdits, ...cardEdits];

describe('inverseOf', () => {
  it('covers every board change type', () => {
    const types = new Set(boardChanges.map((c) => c.type));
    expect([...types].sort()).toEqual(
      ['card.assign', 'card.block', 'card.reorder', 'card.state', 'file.move', 'person.put', 'person.remove', 'sprint.init', 'subsystem.merge', 'subsystem.rename', 'subsystem.split', 'subsystems.put', 'subsystems.replace'],
    );
  });

  it('covers every client command type', () => {
    const sent = new Set(commands.map((c) => c.type));
    expect([...sent].sort()).toEqual(clientCommandSchema.options.map((o) => o.shape.type.value).sort());
  });

  it.each(commands.map((c, i) => [`${i}: ${c.type}`, c] as const))('undoes %s exactly, with a client command', (_name, change) => {
    const before = basePlan();
    const after = applied(before, change);
    expect(after).not.toEqual(before);
    const inverse = inverseOf(before, change);
    expect(inverse).not.toBeNull();
    expect(applied(after, inverse!)).toStrictEqual(before);
    // Undo goes through plan.change, which takes client commands only.
    expect(clientCommandSchema.safeParse(inverse).success).toBe(true);
  });

  it('undoes a person removal exactly: the person, their place and their cards come back', () => {
    const before = applied(basePlan(), { type: 'card.assign', subsystemId: 'docs', owner: 'alice' });
    const change: ClientCommand = { type: 'person.remove', personId: 'alice' };
    const after = applied(before, change);
    expect(Object.values(after.subsystems).filter((s) => s.owner === 'alice')).toEqual([]);
    expect(applied(after, inverseOf(before, change)!)).toStrictEqual(before);
  });

  it('undoes a person removal with the cards they reviewed: each gets them back as reviewer', () => {
    const reviewed = applied(basePlan(), { type: 'card.reviewer', subsystemId: 'core', reviewer: 'bob' });
    const before = applied(reviewed, { type: 'card.reviewer', subsystemId: 'net', reviewer: 'bob' });
    const change: ClientCommand = { type: 'person.remove', personId: 'bob' };
    const after = applied(before, change);
    expect(Object.values(after.cards).filter((c) => c.reviewer === 'bob')).toEqual([]);
    const inverse = inverseOf(before, change);
    expect(clientCommandSchema.safeParse(inverse).success).toBe(true);
    expect(applied(after, inverse!)).toStrictEqual(before);
  });

  it('has no inverse for a person.put that takes a card from its reviewer', () => {
    const before = applied(basePlan(), { type: 'card.reviewer', subsystemId: 'net', reviewer: 'bob' });
    expect(inverseOf(before, { type: 'person.put', person: { id: 'carol', name: 'Carol', email: '', color: '#1a7f37' }, review: ['net'] })).toBeNull();
  });

  it("puts back a card's branch, a person's limit and a column's limit that a change took off", () => {
    const withBranch = applied(applied(basePlan(), { type: 'card.branch', subsystemId: 'net', branch: 'alice/netfront' }), { type: 'person.wipLimit', personId: 'bob', limit: 3 });
    const before = applied(withBranch, { type: 'state.wipLimit', state: 'Review', limit: 4 });
    expect(before.team.stateLimits).toEqual({ Review: 4 });
    for (const change of [{ type: 'card.branch', subsystemId: 'net', branch: null }, { type: 'person.wipLimit', personId: 'bob', limit: null }, { type: 'state.wipLimit', state: 'Review', limit: null }] as const) {
      const after = applied(before, change);
      expect(after).not.toEqual(before);
      expect(applied(after, inverseOf(before, change)!)).toStrictEqual(before);
    }
  });

  it('has no inverse for a refused change or a first sprint.init', () => {
    expect(inverseOf(basePlan(), { type: 'card.assign', subsystemId: 'zed', owner: null })).toBeNull();
    expect(inverseOf(emptyPlan(), { type: 'sprint.init', upstreamRef: 'a', forkRef: 'b', pairings: [] })).toBeNull();
  });

  it('puts a removed patch back where it stood, not by proposing the series again', () => {
    const before = basePlan();
    const inverse = inverseOf(before, { type: 'series.patch.remove', patchId: before.series.patchOrder[0]! });
    expect(inverse?.type).toBe('series.patches.put');
    expect(planChangeSchema.safeParse(inverse).success).toBe(true);
  });

  it('has no inverse for a person.put that takes cards from their owner', () => {
    expect(inverseOf(basePlan(), { type: 'person.put', person: { id: 'carol', name: 'Carol', email: '', color: '#1a7f37' }, assign: ['core'] })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { Actor, Subsystem } from '../../../shared/model';
import type { PlanChange, PlanEvent } from '../../../shared/plan/events';
import { foldEvents, orderEvents } from '../../../shared/plan/fold';
import { burndown } from '../../../shared/team/burndown';
import { checkBranchRef } from '../../../shared/team/branch-name';
import { linesCounter } from '../../../shared/team/lines';
import { describeWip, inProgressOf, personLoads } from '../../../shared/team/load';
import { reportLines, standupReport } from '../../../shared/team/report';
import { parseSince } from '../../../shared/team/since';
import { inventoryFile } from '../../helpers/inventory';

const ADA: Actor = { name: 'Ada', email: 'ada@example.org' };
const KEIR: Actor = { name: 'Keir', email: 'keir@example.org' };
let n = 0;
const at = (iso: string, change: PlanChange, by: Actor = ADA): PlanEvent => ({ ...change, id: `${iso}-${String(n++).padStart(4, '0')}`, at: iso, by }) as PlanEvent;
const card = (id: string, files: string[]): Subsystem => ({ id, name: id, files, source: { kind: 'manual' }, owner: null, state: 'Backlog', blocked: null });

const inventory = {
  upstreamRef: 'u', forkRef: 'f', upstreamCommit: 'a', forkCommit: 'b', pairings: [],
  files: [
    inventoryFile('xen/mm/a.c', 'modified', 30, 10),
    inventoryFile('xen/mm/b.c', 'fork-only', 60, 0),
    inventoryFile('xen/kernel/c.c', 'modified', 5, 5),
    // Inherited from upstream (its twin in the paired folder, no fork copy): nobody's work, so never lines to land.
    inventoryFile('xen/kernel/inherited.c', 'upstream-only', 0, 500, { upstreamPath: 'i386/kernel/inherited.c' }),
  ],
};

/** Three days of a sprint: Monday the board is set up, Tuesday mm starts, Wednesday mm is Done and kernel blocked. */
const week = (): PlanEvent[] =>
  orderEvents([
    at('2026-11-30T09:00:00Z', { type: 'person.put', person: { id: 'keir', name: 'Keir', email: KEIR.email, color: '#112233' } }),
    at('2026-11-30T09:05:00Z', { type: 'subsystems.replace', subsystems: [card('mm', ['xen/mm/a.c', 'xen/mm/b.c']), card('kernel', ['xen/kernel/c.c', 'xen/kernel/inherited.c'])] }),
    at('2026-11-30T09:10:00Z', { type: 'card.assign', subsystemId: 'mm', owner: 'keir' }),
    at('2026-12-01T10:00:00Z', { type: 'card.state', subsystemId: 'mm', state: 'In progress' }, KEIR),
    at('2026-12-01T16:00:00Z', { type: 'card.state', subsystemId: 'kernel', state: 'In progress' }),
    at('2026-12-02T11:00:00Z', { type: 'card.state', subsystemId: 'mm', state: 'Done' }, KEIR),
    at('2026-12-02T12:00:00Z', { type: 'card.block', subsystemId: 'kernel', reason: 'waiting for the irq hooks review' }),
  ]);

describe('the burndown', () => {
  it('folds the log by UTC day: lines still to land and cards per state at the end of each day', () => {
    const result = burndown(week(), linesCounter(inventory), Date.parse('2026-12-02T18:00:00Z'));
    expect(result.days.map((d) => d.day)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(result.days.map((d) => d.linesToLand)).toEqual([110, 110, 10]);
    expect(result.days.map((d) => d.cards)).toEqual([
      { Backlog: 2, 'In progress': 0, Review: 0, Done: 0 },
      { Backlog: 0, 'In progress': 2, Review: 0, Done: 0 },
      { Backlog: 0, 'In progress': 1, Review: 0, Done: 1 },
    ]);
    expect(result.days.map((d) => d.blocked)).toEqual([0, 0, 1]);
  });

  it('goes on to today with the last state when nothing happened since, and is empty before the first event', () => {
    const result = burndown(week(), linesCounter(inventory), Date.parse('2026-12-04T08:00:00Z'));
    expect(result.days.map((d) => [d.day, d.linesToLand])).toEqual([['2026-11-30', 110], ['2026-12-01', 110], ['2026-12-02', 10], ['2026-12-03', 10], ['2026-12-04', 10]]);
    expect(burndown([], linesCounter(inventory), Date.now()).days).toEqual([]);
  });
});

describe('the standup report', () => {
  it('tells what moved since, who landed what, what is blocked, the load and why pick-ups are not known', () => {
    const events = week();
    const plan = foldEvents(events).plan;
    const report = standupReport({
      events,
      plan: { ...plan, team: { branches: {}, wipLimits: { keir: 1 } } },
      since: new Date('2026-12-01T12:00:00Z'),
      now: new Date('2026-12-02T18:00:00Z'),
      landed: [
        { commit: 'c2', author: 'Keir', date: '2026-12-02T10:00:00Z', subject: 'xen/mm: b', files: ['xen/mm/b.c'] },
        { commit: 'c1', author: 'Keir', date: '2026-12-01T13:00:00Z', subject: 'xen/mm: a', files: ['xen/mm/a.c', 'Documentation/x'] },
      ],
      status: null,
      linesOf: linesCounter(inventory),
      pickUp: { note: "no fork's live ref is set" },
    });
    expect(report.moved).toEqual([
      { card: 'kernel', from: 'Backlog', to: 'In progress', by: 'Ada', at: '2026-12-01T16:00:00Z' },
      { card: 'mm', from: 'In progress', to: 'Done', by: 'Keir', at: '2026-12-02T11:00:00Z' },
    ]);
    expect(report.landed).toEqual([{ author: 'Keir', commits: 2, cards: ['mm'] }]);
    expect(report.blocked).toEqual([{ card: 'kernel', owner: null, reason: 'waiting for the irq hooks review' }]);
    expect(report.people).toEqual([{ name: 'Keir', lines: 0, inProgress: 0, limit: 1, over: false }]);
    const text = reportLines(report).join('\n');
    expect(text).toContain('Keir moved mm from In progress to Done');
    expect(text).toContain('Keir: 2 commits (mm)');
    expect(text).toContain("What waits for pick-up:\n  not known: no fork's live ref is set");
  });
});

describe('--since', () => {
  const now = Date.parse('2026-12-02T18:00:00Z');
  it('reads spans and dates', () => {
    const value = (text: string) => {
      const r = parseSince(text, now);
      if (!r.ok) throw new Error(r.error.message);
      return r.value.toISOString();
    };
    expect(value('1d')).toBe('2026-12-01T18:00:00.000Z');
    expect(value('12h')).toBe('2026-12-02T06:00:00.000Z');
    expect(value('30m')).toBe('2026-12-02T17:30:00.000Z');
    expect(value('2w')).toBe('2026-11-18T18:00:00.000Z');
    expect(value(' 2026-11-30 ')).toBe('2026-11-30T00:00:00.000Z');
    expect(value('2026-11-30T09:30+01:00')).toBe('2026-11-30T08:30:00.000Z');
  });
  it('refuses what it cannot read, with what to write instead', () => {
    const message = (text: string) => {
      const r = parseSince(text, now);
      return r.ok ? null : r.error.message;
    };
    expect(message('')).toMatch(/empty: write a span such as "1d"/);
    expect(message('1x')).toMatch(/not a span or a date/);
    expect(message('-1d')).toMatch(/not a span or a date/);
    expect(message('yesterday')).toMatch(/not a span or a date/);
    expect(message('0d')).toMatch(/span of nothing/);
    expect(message('400d')).toMatch(/more than a year/);
    expect(message('2026-02-31')).toMatch(/not a real date/);
    expect(message('2027-01-01')).toMatch(/in the future/);
  });
});

describe('a branch name on a card', () => {
  it('takes local and remote-tracking names and refuses what git would', () => {
    expect(checkBranchRef('keir/i386-mm')).toBeNull();
    expect(checkBranchRef('origin/keir/i386-mm')).toBeNull();
    for (const bad of ['', '-x', 'a b', 'a..b', 'a@{1}', 'a/', '/a', 'a//b', 'a.', '.a', 'a/.b', 'a.lock', 'a~1', 'a^', 'a:b', 'a?', 'a*', 'a[b', 'a\\b', 'refs/heads/a', 'HEAD', '@', 'x\ty']) {
      expect(checkBranchRef(bad), bad).not.toBeNull();
    }
  });
});

describe('work in progress', () => {
  it("counts a person's cards in progress against their limit and warns only above it", () => {
    const events = week();
    events.push(at('2026-12-02T13:00:00Z', { type: 'card.assign', subsystemId: 'kernel', owner: 'keir' }));
    events.push(at('2026-12-02T13:01:00Z', { type: 'card.state', subsystemId: 'mm', state: 'In progress' }));
    events.push(at('2026-12-02T13:02:00Z', { type: 'person.wipLimit', personId: 'keir', limit: 1 }));
    const plan = foldEvents(events).plan;
    expect(inProgressOf(plan, 'keir')).toEqual({ count: 2, limit: 1, over: true });
    expect(describeWip('Keir', 2, 1)).toBe('Keir has 2 cards in progress, over the limit of 1: finish one before starting another.');
    expect(describeWip('Keir', 1, 1)).toBeNull();
    expect(describeWip('Keir', 5, null)).toBeNull();
    // Inherited upstream lines are nobody's load.
    expect(personLoads(plan, linesCounter(inventory))).toEqual([{ personId: 'keir', lines: 110, inProgress: 2, limit: 1, over: true }]);
  });
});

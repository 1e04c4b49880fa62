/**
 * What the plan store tells its listeners besides the snapshot: the events since the head they
 * last heard of, so a push carries those alone; and no events (from null) when the log had to be
 * folded again, as after a merge whose events interleave with the ones already folded.
 */
import { describe, expect, it } from 'vitest';
import type { PlanEventsPush } from '../../../shared/api';
import type { Subsystem } from '../../../shared/model';
import type { GitPlanStore } from '../../../electron/core/plan/store';
import { mergePlanRef, PLAN_REF } from '../../../electron/core/plan/plan-ref';
import { git } from '../../helpers/repo';
import { planStoreFixture } from '../../helpers/plan-store';

const fx = planStoreFixture();
const repo = (): string => fx.repo();
const open = fx.open;
const ada = { name: 'Ada', email: 'ada@example.org' };
const sub = (id: string): Subsystem => ({ id, name: id, files: [`${id}.c`], source: { kind: 'manual' }, owner: null, state: 'Backlog', blocked: null });
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** Collects the news a store gives, and resolves when one matches. */
function listen(store: GitPlanStore) {
  const news: PlanEventsPush[] = [];
  const waiting: Array<{ accept: (n: PlanEventsPush) => boolean; done: () => void }> = [];
  store.onChange((_snapshot, n) => {
    news.push(n);
    for (const w of waiting.splice(0)) if (w.accept(n)) w.done(); else waiting.push(w);
  });
  const until = (accept: (n: PlanEventsPush) => boolean) => new Promise<void>((done) => waiting.push({ accept, done }));
  return { news, until };
}

describe('the news of a change', () => {
  it('is the events since the head last told, chained head to head, here and from another process', async () => {
    const r = repo();
    const store = await open(r);
    const start = (await store.snapshot()).plan.head;
    const { news, until } = listen(store);
    const replaced = must(await store.change({ type: 'subsystems.replace', subsystems: [sub('core'), sub('net')] }, ada));
    // The whole event, file lists included (the feed's copy leaves them out): a board folds it.
    expect(news).toEqual([
      { type: 'plan.events', from: start, to: replaced.plan.head, events: [expect.objectContaining({ type: 'subsystems.replace', subsystems: [sub('core'), sub('net')] })] },
    ]);

    // Another process writes two changes; however many checks see them, the news chain holds them all.
    const other = await fx.open(r);
    must(await other.change({ type: 'card.state', subsystemId: 'core', state: 'Review' }, ada));
    const last = must(await other.change({ type: 'card.assign', subsystemId: 'net', owner: null }, ada));
    other.close();
    await until((n) => n.to === last.plan.head);
    for (let i = 1; i < news.length; i++) expect(news[i]?.from).toBe(news[i - 1]?.to);
    expect(news.flatMap((n) => n.events.map((e) => e.type))).toEqual(['subsystems.replace', 'card.state', 'card.assign']);
    expect(news.at(-1)?.to).toBe(git(r, ['rev-parse', PLAN_REF]).trim());
  });

  it('has no events and no `from` when a merge interleaves events with those already folded', async () => {
    const origin = repo();
    const here = await open(origin);
    must(await here.change({ type: 'subsystems.replace', subsystems: [sub('core'), sub('net')] }, ada));
    const clone = fx.cloneWithPlan(origin);
    const there = await open(clone);
    // Here first, there later: the fetched event sorts before the one the clone already folded.
    must(await here.change({ type: 'card.state', subsystemId: 'core', state: 'Review' }, ada));
    must(await there.change({ type: 'subsystem.rename', subsystemId: 'net', name: 'Networking' }, ada));
    const { news, until } = listen(there);
    const before = (await there.snapshot()).plan.head;
    must(await mergePlanRef(clone, fx.fetchPlan(clone)));
    const merged = git(clone, ['rev-parse', PLAN_REF]).trim();
    await until((n) => n.to === merged);
    expect(news.at(-1)).toEqual({ type: 'plan.events', from: null, to: merged, events: [] });
    expect(news.every((n) => n.from === null || n.from === before)).toBe(true);
  });
});

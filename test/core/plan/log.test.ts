/**
 * Folding a plan head from the fold of an earlier one: only the new commits are read when the
 * new head extends the old one, and a ref rewritten to a head that does not (a plan restored
 * from elsewhere) is folded again from scratch, without the events it no longer holds.
 */
import { describe, expect, it } from 'vitest';
import { parseMessageLog as parseGitLog } from '../../../electron/core/git/log';
import { emptyLog, eventsNotIn, eventsOf, loadLog, loadLogWalked } from '../../../electron/core/plan/log';
import { mergePlanRef, PLAN_REF } from '../../../electron/core/plan/plan-ref';
import type { ClientCommand } from '../../../shared/plan/events';
import { git } from '../../helpers/repo';
import { planStoreFixture } from '../../helpers/plan-store';

const fx = planStoreFixture();
const ada = { name: 'Ada Fixture', email: 'ada@example.org' };
const put = (id: string, name: string): ClientCommand => ({ type: 'person.put', person: { id, name, email: '', color: '#336699' } });

async function change(repo: string, command: ClientCommand): Promise<string> {
  const store = await fx.open(repo);
  const done = await store.change(command, ada);
  if (!done.ok) throw new Error(done.error.message);
  return done.value.plan.head;
}

const names = (log: { plan: { people: Record<string, { name: string }> } }) => Object.values(log.plan.people).map((p) => p.name).sort();

describe('loadLog from an earlier fold', () => {
  it('folds only the new events on top when the head extends the earlier one', async () => {
    const repo = fx.repo();
    const first = await loadLog(repo, await change(repo, put('p-ada', 'Ada')), emptyLog());
    const head = await change(repo, put('p-keir', 'Keir'));
    const next = await loadLog(repo, head, first);
    expect(names(next)).toEqual(['Ada', 'Keir']);
    // Extended, not refolded: the earlier fold's event objects are kept as they were.
    expect(next.events[0]).toBe(first.events[0]);
    expect(next.plan).toEqual((await loadLog(repo, head, emptyLog())).plan);
  });

  it('folds again from scratch when the ref was rewritten to a head that does not extend it', async () => {
    const repo = fx.repo();
    const first = await change(repo, put('p-ada', 'Ada'));
    const withKeir = await loadLog(repo, await change(repo, put('p-keir', 'Keir')), emptyLog());
    git(repo, ['update-ref', PLAN_REF, first]);
    const head = await change(repo, put('p-ian', 'Ian'));
    const next = await loadLog(repo, head, withKeir);
    expect(names(next)).toEqual(['Ada', 'Ian']);
    expect(next.ids.size).toBe(2);
    expect(next.plan).toEqual((await loadLog(repo, head, emptyLog())).plan);
  });
});

describe('eventsNotIn', () => {
  it('tells what one side of a merge lacks from the fold\'s own walk, as git log would list it', async () => {
    const origin = fx.repo();
    const base = await loadLog(origin, await change(origin, put('p-ada', 'Ada')), emptyLog());
    const clone = fx.cloneWithPlan(origin);
    await change(origin, put('p-keir', 'Keir'));
    const ours = await change(clone, put('p-ian', 'Ian'));
    const theirs = fx.fetchPlan(clone);
    const merged = await mergePlanRef(clone, theirs);
    if (!merged.ok) throw new Error(merged.error.message);
    const { walk } = await loadLogWalked(clone, merged.value.head, base);
    const theirsId = git(clone, ['rev-parse', theirs]).trim();
    const byGit = (since: string) => eventsOf(parseGitLog(git(clone, ['log', '-z', '--format=%H%x00%P%x00%B', merged.value.head, `^${since}`]))).events.map((e) => e.id).sort();
    const came = eventsNotIn(walk, ours);
    const went = eventsNotIn(walk, theirsId);
    expect(came?.map((e) => e.type)).toEqual(['person.put']);
    expect(came?.map((e) => e.id).sort()).toEqual(byGit(ours));
    expect(went?.map((e) => e.id).sort()).toEqual(byGit(theirsId));
    expect(went?.[0]?.id).not.toBe(came?.[0]?.id);
  });

  it('cannot tell for a commit the walk did not read', async () => {
    const repo = fx.repo();
    const first = await change(repo, put('p-ada', 'Ada'));
    const base = await loadLog(repo, first, emptyLog());
    const { walk } = await loadLogWalked(repo, await change(repo, put('p-keir', 'Keir')), base);
    expect(eventsNotIn(walk, first)?.map((e) => e.type)).toEqual(['person.put']);
    expect(eventsNotIn(walk, 'f'.repeat(40))).toBeNull();
  });
});

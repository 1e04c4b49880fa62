/**
 * Folding a plan head from the fold of an earlier one: only the new commits are read when the
 * new head extends the old one, and a ref rewritten to a head that does not (a plan restored
 * from elsewhere) is folded again from scratch, without the events it no longer holds.
 */
import { describe, expect, it } from 'vitest';
import { emptyLog, loadLog } from '../../../electron/core/plan/log';
import { PLAN_REF } from '../../../electron/core/plan/plan-ref';
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

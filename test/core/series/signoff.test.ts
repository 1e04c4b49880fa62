import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RepoServices } from '../../../electron/core/context';
import { callRepo } from '../../../electron/core/host';
import { openRepoServices } from '../../../electron/core/host/services';
import { inverseOf } from '../../../shared/plan/inverse';
import { cleanup, tempDir } from '../../helpers/repo';
import { callOk as call } from './series-fixture';
import { ALICE, BOB, makeSparseFork } from './sparse-fork';

const made: string[] = [];
const open: RepoServices[] = [];
afterEach(() => {
  for (const ctx of open.splice(0)) ctx.dispose();
  cleanup(...made.splice(0));
});

/** The sparse fork's plan in the plan store, its series proposed, with `actor` acting. */
async function openAs(actor: { name: string; email: string }): Promise<RepoServices> {
  const fx = makeSparseFork();
  made.push(fx.repo);
  const opened = await openRepoServices(fx.repo, { actor });
  if (!opened.ok) throw new Error(opened.error.message);
  open.push(opened.value);
  for (const change of fx.changes) await call(opened.value, 'plan.change', { change } as never);
  await call(opened.value, 'series.propose', {});
  return opened.value;
}
const as = (ctx: RepoServices, actor: { name: string; email: string }): RepoServices => ({ ...ctx, actor });

describe('a card owner signs off', () => {
  it('is refused for anyone but the owner, recorded with who and when, and undone by its withdrawal', async () => {
    const alice = await openAs(ALICE);
    const bob = as(alice, BOB);
    const refused = await callRepo(bob, 'plan.change', { change: { type: 'card.signOff', subsystemId: 'hooks', signed: true } });
    expect(refused.ok ? '' : refused.error.message).toBe(
      'Only Alice Hook <alice@example.org> can sign off "i386 hooks" (you are Bob Core <bob@example.org>): nobody may sign off for another person.',
    );
    const before = (await call(alice, 'plan.get', {})).plan;
    await call(alice, 'plan.change', { change: { type: 'card.signOff', subsystemId: 'hooks', signed: true } });
    const { plan, activity } = await call(alice, 'plan.get', {});
    const given = plan.series.signOffs?.hooks;
    expect(given).toMatchObject({ personId: 'alice', name: ALICE.name, email: ALICE.email });
    const event = activity.find((e) => e.type === 'card.signOff');
    expect(event?.by).toEqual(ALICE);
    expect(given?.at).toBe(event?.at);
    const withdraw = await callRepo(bob, 'plan.change', { change: { type: 'card.signOff', subsystemId: 'hooks', signed: false } });
    expect(withdraw.ok ? '' : withdraw.error.message).toBe('Only Alice Hook can withdraw the sign-off Alice Hook gave on "i386 hooks".');
    expect(inverseOf(before, { type: 'card.signOff', subsystemId: 'hooks', signed: true })).toEqual({ type: 'card.signOff', subsystemId: 'hooks', signed: false });
    // A card with nobody as owner has no sign-off to give.
    await call(alice, 'plan.change', { change: { type: 'card.assign', subsystemId: 'xen-core', owner: null } });
    const ownerless = await callRepo(alice, 'plan.change', { change: { type: 'card.signOff', subsystemId: 'xen-core', signed: true } });
    expect(ownerless.ok ? '' : ownerless.error.message).toMatch(/has no owner: a sign-off is the owner's own/);
  });

  it('puts the owner sign-off on the patches holding the card files, before the sender, and nowhere else', async () => {
    const alice = await openAs(ALICE);
    await call(alice, 'plan.change', { change: { type: 'card.signOff', subsystemId: 'hooks', signed: true } });
    const out = tempDir();
    made.push(out);
    const report = await call(alice, 'series.export', { out });
    const mail = (id: string): string => readFileSync(path.join(out, report.files.find((f) => f.patchId === id)?.name as string), 'utf8');
    // The sender is the clone's git identity (Ada), whoever the plan's actor is.
    expect(mail('patch-hooks')).toMatch(/^Signed-off-by: Alice Hook <alice@example.org>\nSigned-off-by: Ada Fixture <ada@example.org>\n---$/m);
    expect(mail('patch-xen-i386')).not.toContain('Alice Hook <alice@example.org>\n');
    expect(mail('patch-xen-core')).not.toMatch(/Signed-off-by: (Alice|Bob)/);
  });
});

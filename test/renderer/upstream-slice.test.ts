/**
 * The upstream move's slice: nothing is asked for before a ref is named; once named, the preview
 * is asked for once per plan head and `repo.changed` push while a view watches; an apply sends
 * the ref and the copies kept, and the preview is asked for again; a refusal shows in words.
 */
import { expect, it } from 'vitest';
import type { UpstreamPreview } from '../../shared/upstream/model';
import { fail, ok } from '../../shared/result';
import { createSprintStore } from '../../renderer/src/store/create';
import { boardPlan, FakeServer } from './fakeServer';

const settle = () => new Promise((r) => setTimeout(r, 0));

async function setup() {
  const server = new FakeServer(boardPlan());
  const preview = (to: string): UpstreamPreview => ({
    upstreamRef: 'v1', base: 'a'.repeat(40), toRef: to, to: 'b'.repeat(40), branch: 'main', head: 'c'.repeat(40),
    commits: [{ commit: 'd'.repeat(40), author: 'Linus', date: '2005-06-01T00:00:00Z', subject: 'i386: fix' }],
    twins: [{ path: 'arch/xen/i386/kernel/setup.c', twin: 'arch/i386/kernel/setup.c', status: 'clean', alreadyThere: false, reason: null, hunks: [] }],
    mergeConflicts: [],
  });
  const asked: string[] = [];
  const applied: unknown[] = [];
  server.answer('upstream.preview', (req) => {
    asked.push(req.to);
    return req.to === 'nope' ? fail('unknown-ref', 'There is no revision "nope" in this repository.') : ok(preview(req.to));
  });
  server.answer('upstream.apply', (req) => {
    applied.push(req);
    return ok({ ...preview(req.to), commit: 'e'.repeat(40), ported: ['arch/xen/i386/kernel/setup.c'] });
  });
  const store = createSprintStore(server.client());
  await store.getState().boot();
  store.getState().resetSnapshot(server.snapshot());
  await settle();
  return { server, store, asked, applied };
}

it('asks nothing before a ref is named, then once per plan head and repo.changed while watched', async () => {
  const { server, store, asked } = await setup();
  const release = store.getState().watchUpstream();
  await settle();
  expect(asked).toEqual([]);
  await store.getState().setUpstreamTo('v2');
  await settle();
  expect(asked).toEqual(['v2']);
  expect(store.getState().upstreamPreview?.twins.map((t) => t.status)).toEqual(['clean']);
  server.send({ type: 'repo.changed' });
  await settle();
  expect(asked).toEqual(['v2', 'v2']);
  server.changeElsewhere({ type: 'card.state', subsystemId: 'blk', state: 'Review' });
  await settle();
  expect(asked).toEqual(['v2', 'v2', 'v2']);
  release();
  server.send({ type: 'repo.changed' });
  await settle();
  expect(asked).toHaveLength(3);
});

it('an unknown ref shows the server\'s words; Apply sends the ref and the copies kept, then looks again', async () => {
  const { store, asked, applied } = await setup();
  store.getState().watchUpstream();
  await store.getState().setUpstreamTo('nope');
  expect(store.getState().upstreamError).toBe('There is no revision "nope" in this repository.');
  expect(store.getState().upstreamPreview).toBeNull();
  await store.getState().setUpstreamTo('v2');
  expect(store.getState().upstreamError).toBeNull();
  const done = await store.getState().applyUpstream(['arch/xen/i386/kernel/time.c']);
  expect(applied).toEqual([{ to: 'v2', keep: ['arch/xen/i386/kernel/time.c'] }]);
  expect(done?.commit).toBe('e'.repeat(40));
  expect(store.getState().upstreamApplying).toBe(false);
  expect(asked.at(-1)).toBe('v2');
  expect(asked.filter((a) => a === 'v2')).toHaveLength(2);
});

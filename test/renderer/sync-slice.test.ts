/**
 * The header's sync: the state in words for each status, the state kept from the answer and
 * then from pushes, presence from pushes only, and a refused sync shown as the server's words.
 */
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../shared/result';
import type { SyncReport, SyncState } from '../../shared/sync/api';
import { createSprintStore } from '../../renderer/src/store/create';
import { syncWords } from '../../renderer/src/text/sync';
import { boardPlan, FakeServer } from './fakeServer';

const settle = () => new Promise((r) => setTimeout(r, 0));

const state = (over: Partial<SyncState>): SyncState => ({
  remote: 'origin',
  status: 'in-sync',
  toSend: 0,
  lastIncoming: 0,
  lastSyncAt: '2005-07-04T10:00:00.000Z',
  lastError: null,
  notApplied: [],
  every: null,
  syncing: false,
  ...over,
});

describe('the sync state in words', () => {
  it('says each status as the header shows it', () => {
    expect(syncWords(state({})).short).toBe('In sync');
    expect(syncWords(state({ lastIncoming: 3 })).short).toBe('In sync · 3 new');
    expect(syncWords(state({ status: 'to-send', toSend: 1 })).short).toBe('1 change to send');
    expect(syncWords(state({ status: 'to-send', toSend: 4 })).short).toBe('4 changes to send');
    expect(syncWords(state({ status: 'offline', lastError: 'The remote "origin" did not answer.', toSend: 2 }))).toEqual({ short: 'Offline', long: 'The remote "origin" did not answer. 2 changes to send.' });
    expect(syncWords(state({ status: 'error', lastError: 'The remote "origin" refused the plan.' })).long).toBe('The remote "origin" refused the plan.');
    expect(syncWords(state({ status: 'no-remote', remote: null })).long).toContain('git remote add origin');
    expect(syncWords(state({ syncing: true })).short).toBe('Syncing…');
  });
});

describe('the sync slice', () => {
  it('keeps the answer, then each push, and presence from pushes', async () => {
    const server = new FakeServer(boardPlan());
    server.answer('sync.state', () => ok(state({ status: 'to-send', toSend: 2 })));
    const store = createSprintStore(server.client());
    store.getState().watchSync();
    await settle();
    expect(store.getState().syncState?.toSend).toBe(2);
    server.send({ type: 'sync.state', state: state({ lastIncoming: 1 }) });
    expect(store.getState().syncState).toMatchObject({ status: 'in-sync', lastIncoming: 1 });
    server.send({ type: 'presence', presence: { people: [{ name: 'Keir Fraser', email: '' }], anonymous: 1 } });
    expect(store.getState().presence).toEqual({ people: [{ name: 'Keir Fraser', email: '' }], anonymous: 1 });
  });

  it('says what a sync did, or why it could not', async () => {
    const server = new FakeServer(boardPlan());
    const report: SyncReport = { remote: 'origin', incoming: [], outgoing: [{ id: 'e', type: 'card.state', at: '', by: 'Keir', words: 'Keir moved mm to Done' }], notApplied: [], head: 'h', rounds: 1, at: '' };
    server.answer('plan.sync', () => ok(report));
    const store = createSprintStore(server.client());
    await store.getState().syncNow();
    expect(store.getState().notices.at(-1)).toMatchObject({ kind: 'info', text: 'Synced with origin: 0 changes came in, 1 change went out.' });
    server.answer('plan.sync', () => fail('refused', 'The remote "origin" did not answer.'));
    await store.getState().syncNow();
    expect(store.getState().notices.at(-1)).toMatchObject({ kind: 'error', text: 'The remote "origin" did not answer.' });
  });
});

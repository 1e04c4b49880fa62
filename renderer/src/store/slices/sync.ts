/**
 * The plan's sync with the clone's git remote as the header shows it (shared/sync/api.ts), and
 * who has a board open in the room. The state comes once on asking and then with every
 * `sync.state` push; presence only comes in pushes (the room server sends it to every board
 * when one opens, closes or says who it is).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { RendererClient } from '../../api/client';
import type { SyncSlice, SprintState } from '../types';


const count = (n: number): string => `${n} change${n === 1 ? '' : 's'}`;

export const createSyncSlice =
  (client: RendererClient): StateCreator<SprintState, [], [], SyncSlice> =>
  (set, get) => {
    let watching = false;
    const load = async (): Promise<void> => {
      const res = await client.call('sync.state', {});
      if (res.ok) set({ syncState: res.value });
    };
    return {
      syncState: null,
      presence: null,
      watchSync() {
        void load();
        if (watching) return;
        watching = true;
        client.subscribe((push) => {
          if (push.type === 'sync.state') set({ syncState: push.state });
          else if (push.type === 'presence') set({ presence: push.presence });
        });
        client.onConnection((c) => {
          if (c === 'open') void load();
        });
      },
      async syncNow() {
        const res = await client.call('plan.sync', {});
        if (!res.ok) return get().notify('error', res.error.message);
        const { incoming, outgoing, notApplied, remote } = res.value;
        const words = incoming.length + outgoing.length === 0 ? `In sync with ${remote}: nothing new.` : `Synced with ${remote}: ${count(incoming.length)} came in, ${count(outgoing.length)} went out.`;
        get().notify('info', notApplied.length > 0 ? `${words} ${notApplied.length} could not be applied after the merge (see the activity feed).` : words);
      },
      async setSyncEvery(seconds) {
        const res = await client.call('sync.setEvery', { seconds });
        if (res.ok) set({ syncState: res.value });
        else get().notify('error', res.error.message);
      },
    };
  };

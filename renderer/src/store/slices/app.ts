/** The open repository, the app's mode, the push connection and the notices shown to the user. */
import type { StateCreator } from 'zustand/vanilla';
import type { RepoSummary } from '../../../../shared/api';
import type { Result } from '../../../../shared/result';
import type { RendererClient } from '../../api/client';
import type { AppSlice, SprintState } from '../types';

const INFO_NOTICE_MS = 4000;
const MAX_NOTICES = 4;

export const createAppSlice =
  (client: RendererClient): StateCreator<SprintState, [], [], AppSlice> =>
  (set, get) => {
    let noticeId = 0;
    let subscribed = false;

    const afterOpen = async (res: Result<RepoSummary>): Promise<boolean> => {
      if (!res.ok) {
        get().notify('error', res.error.message);
        return false;
      }
      set({ repo: res.value, inventory: null, inventoryError: null, selectedPath: null, diff: null });
      const [info, plan] = await Promise.all([client.call('app.info', {}), client.call('plan.get', {})]);
      if (info.ok) set({ info: info.value });
      if (plan.ok) {
        get().resetSnapshot(plan.value);
        if (plan.value.plan.sprint) void get().loadInventory();
      }
      return true;
    };

    return {
      info: null,
      repo: null,
      connection: 'connecting',
      booting: true,
      repoChanges: 0,
      notices: [],

      async boot() {
        if (!subscribed) {
          subscribed = true;
          let wasOpen = false;
          client.onConnection((connection) => {
            set({ connection });
            // Pushes sent while the socket was down are lost: catch up once it is back.
            if (connection === 'open' && wasOpen) {
              set((s) => ({ repoChanges: s.repoChanges + 1 }));
              void get().loadPlan();
            }
            if (connection === 'open') wasOpen = true;
          });
          client.subscribe((push) => {
            if (push.type === 'repo.changed') {
              // A commit, checkout or fetch outside the app: the fork ref's tree, the interim
              // copies' drift and the files in no subsystem may all have changed.
              void get().refreshRepo();
              if (get().plan.sprint) {
                void get().loadPlan();
                void get().loadInventory();
              }
              set((s) => ({ repoChanges: s.repoChanges + 1 }));
              return;
            }
            if (push.type === 'plan.events') get().receiveEvents(push);
          });
        }
        // All three at once: the room server always has a repository, so waiting for app.info
        // before asking for the plan would only add a round trip to the first render.
        const [info, repo, plan] = await Promise.all([client.call('app.info', {}), client.call('repo.summary', {}), client.call('plan.get', {})]);
        if (!info.ok) {
          set({ booting: false });
          get().notify('error', info.error.message);
          return;
        }
        set({ info: info.value });
        if (info.value.repoPath) {
          if (repo.ok) set({ repo: repo.value });
          else get().notify('error', repo.error.message);
          if (plan.ok) {
            get().resetSnapshot(plan.value);
            if (plan.value.plan.sprint) void get().loadInventory();
          } else get().notify('error', plan.error.message);
        }
        set({ booting: false });
      },

      openRepo: async (path) => afterOpen(await client.call('repo.open', { path })),
      openDemo: async () => afterOpen(await client.call('repo.openDemo', {})),

      async refreshRepo() {
        const repo = await client.call('repo.summary', {});
        if (repo.ok) set({ repo: repo.value });
        else get().notify('error', repo.error.message);
      },

      notify(kind, text) {
        const id = ++noticeId;
        set((s) => ({ notices: [...s.notices.slice(-(MAX_NOTICES - 1)), { id, kind, text }] }));
        if (kind === 'info') setTimeout(() => get().dismiss(id), INFO_NOTICE_MS);
      },
      dismiss(id) {
        set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
      },
    };
  };

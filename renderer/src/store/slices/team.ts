/**
 * The team's server data: what each card's branch holds and whether git confirms the Done cards
 * (`team.status`), and the burndown (`team.burndown`). Both read the plan at its head and the
 * branches at their commits: a new plan head or a `repo.changed` push (a commit on a branch, a
 * fetch) asks again, once, while a view shows them.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { RendererClient } from '../../api/client';
import { keyedRequest, sameKey, type RequestKey } from '../keyedRequest';
import type { SprintState, TeamSlice } from '../types';
import { oncePerTick, watchers } from '../watchers';

const keyOf = (s: SprintState): RequestKey => [s.confirmed.head, s.repoChanges, s.repo?.path ?? null];

export const createTeamSlice =
  (client: RendererClient): StateCreator<SprintState, [], [], TeamSlice> =>
  (set, get, store) => {
    const statusViews = watchers();
    const burndownViews = watchers();
    const status = keyedRequest(
      () => client.call('team.status', {}),
      (res) => (res.ok ? set({ teamStatus: res.value, teamError: null }) : set({ teamError: res.error.message })),
    );
    const burndown = keyedRequest(
      () => client.call('team.burndown', {}),
      (res) => (res.ok ? set({ burndown: res.value, burndownError: null }) : set({ burndownError: res.error.message })),
    );
    const look = oncePerTick(() => {
      const key = keyOf(get());
      if (get().plan.sprint === null) return;
      if (statusViews.count > 0) void status.ensure(key);
      if (burndownViews.count > 0) void burndown.ensure(key);
    });
    store.subscribe((s, prev) => {
      if ((s.repo?.path ?? null) !== (prev.repo?.path ?? null)) {
        status.reset();
        burndown.reset();
        set({ teamStatus: null, teamError: null, burndown: null, burndownError: null });
      }
      if (!sameKey(keyOf(s), keyOf(prev)) || s.plan.sprint !== prev.plan.sprint) look();
    });

    return {
      teamStatus: null,
      teamError: null,
      burndown: null,
      burndownError: null,
      teamDialog: null,
      watchTeamStatus: () => statusViews.watch(look),
      watchBurndown: () => burndownViews.watch(look),
      openTeamDialog: (dialog) => set({ teamDialog: dialog }),
      async startWork(subsystemId, branch) {
        const res = await client.call('team.startWork', { subsystemId, branch });
        if (!res.ok) return res.error.message;
        get().receiveSnapshot(res.value.snapshot);
        get().notify('info', `Created ${res.value.branch} from the sprint branch: check it out with \`git switch ${res.value.branch}\`.`);
        return null;
      },
    };
  };

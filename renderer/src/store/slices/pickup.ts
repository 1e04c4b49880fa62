/**
 * The pick-up's server data: the list of the fork's commits waiting (`pickup.list`) and how many
 * touch each card, asked for once per plan head or `repo.changed` push (a commit on the fork's
 * ref moves a ref) while a view shows it: the Keep current view, or a board with a fork ref set.
 * "Pick up all that apply cleanly" runs here, a few commits a call, so its progress can show.
 */
import type { StateCreator } from 'zustand/vanilla';
import { waitingPerCard } from '../../../../shared/pickup/lands';
import type { PickupApplied } from '../../../../shared/pickup/model';
import type { RendererClient } from '../../api/client';
import { keyedRequest, sameKey, type RequestKey } from '../keyedRequest';
import type { PickupSlice, SprintState } from '../types';
import { oncePerTick, watchers } from '../watchers';

const keyOf = (s: SprintState): RequestKey => [s.confirmed.head, s.repoChanges, s.repo?.path ?? null];

/** Commits picked up per call: small enough for the bar to move, large enough not to list again for each. */
const PER_CALL = 5;

export const createPickupSlice =
  (client: RendererClient): StateCreator<SprintState, [], [], PickupSlice> =>
  (set, get, store) => {
    const views = watchers();
    const list = keyedRequest(
      () => client.call('pickup.list', {}),
      (res) => {
        if (!res.ok) return set({ pickupError: res.error.message });
        const cards = get().confirmed.subsystemOrder.map((id) => get().confirmed.subsystems[id]).filter((c) => c !== undefined);
        set({ pickupList: res.value, pickupPerCard: waitingPerCard(res.value.commits, cards), pickupError: null });
      },
      (busy) => set({ pickupLoading: busy }),
    );
    const look = oncePerTick(() => {
      if (views.count > 0 && get().confirmed.pickup.ref !== null) void list.ensure(keyOf(get()));
    });
    store.subscribe((s, prev) => {
      if ((s.repo?.path ?? null) !== (prev.repo?.path ?? null)) {
        list.reset();
        set({ pickupList: null, pickupPerCard: {}, pickupError: null, pickupProgress: null });
      }
      if (!sameKey(keyOf(s), keyOf(prev))) look();
    });

    async function pickUp(commits: string[]): Promise<PickupApplied | null> {
      const total = commits.length;
      const done: PickupApplied = { picked: [], skipped: [], stoppedAt: null };
      set({ pickupProgress: { done: 0, total } });
      try {
        for (let i = 0; i < total; i += PER_CALL) {
          const res = await client.call('pickup.apply', { commits: commits.slice(i, i + PER_CALL) });
          if (!res.ok) {
            get().notify('error', res.error.message);
            return null;
          }
          done.picked.push(...res.value.picked);
          done.skipped.push(...res.value.skipped);
          set({ pickupProgress: { done: Math.min(total, i + PER_CALL), total } });
          if (res.value.stoppedAt) {
            done.stoppedAt = res.value.stoppedAt;
            break;
          }
        }
        return done;
      } finally {
        set({ pickupProgress: null });
        await list.refresh(keyOf(get()));
      }
    }

    return {
      pickupList: null,
      pickupPerCard: {},
      pickupError: null,
      pickupLoading: false,
      pickupProgress: null,
      watchPickup: () => views.watch(look),
      async reloadPickup() {
        await list.refresh(keyOf(get()));
      },
      pickUpClean() {
        const commits = (get().pickupList?.commits ?? []).filter((c) => c.status !== 'conflict').map((c) => c.commit);
        return pickUp(commits);
      },
      async pickUpCard(cardId) {
        const res = await client.call('pickup.apply', { card: cardId });
        if (!res.ok) get().notify('error', res.error.message);
        await list.refresh(keyOf(get()));
        return res.ok ? res.value : null;
      },
    };
  };

/**
 * The upstream move's server data: what moving the sprint to the newer upstream this board named
 * means (`upstream.preview`: the upstream commits in scope, each fork copy whose twin changed),
 * asked for once per plan head, `repo.changed` push and ref while a view shows it; and the apply.
 * Once any board applies, the plan head moves, every board asks again, and its list empties.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { RendererClient } from '../../api/client';
import { keyedRequest, sameKey, type RequestKey } from '../keyedRequest';
import type { UpstreamSlice, SprintState } from '../types';
import { oncePerTick, watchers } from '../watchers';


const keyOf = (s: SprintState): RequestKey => [s.confirmed.head, s.repoChanges, s.repo?.path ?? null, s.upstreamTo];

export const createUpstreamSlice =
  (client: RendererClient): StateCreator<SprintState, [], [], UpstreamSlice> =>
  (set, get, store) => {
    const views = watchers();
    const preview = keyedRequest(
      () => client.call('upstream.preview', { to: get().upstreamTo ?? '' }),
      (res) => set(res.ok ? { upstreamPreview: res.value, upstreamError: null } : { upstreamPreview: null, upstreamError: res.error.message }),
      (busy) => set({ upstreamLoading: busy }),
    );
    const look = oncePerTick(() => {
      if (views.count > 0 && get().upstreamTo !== null && get().confirmed.sprint !== null) void preview.ensure(keyOf(get()));
    });
    store.subscribe((s, prev) => {
      if ((s.repo?.path ?? null) !== (prev.repo?.path ?? null)) {
        preview.reset();
        set({ upstreamTo: null, upstreamPreview: null, upstreamError: null });
      }
      if (!sameKey(keyOf(s), keyOf(prev))) look();
    });
    return {
      upstreamTo: null,
      upstreamPreview: null,
      upstreamError: null,
      upstreamLoading: false,
      upstreamApplying: false,
      watchUpstream: () => views.watch(look),
      async setUpstreamTo(ref) {
        set({ upstreamTo: ref, upstreamPreview: null, upstreamError: null });
        await preview.refresh(keyOf(get()));
      },
      async applyUpstream(keep = []) {
        const to = get().upstreamTo;
        if (to === null) return null;
        set({ upstreamApplying: true });
        try {
          const res = await client.call('upstream.apply', { to, ...(keep.length > 0 ? { keep } : {}) });
          if (!res.ok) {
            get().notify('error', res.error.message);
            return null;
          }
          return res.value;
        } finally {
          set({ upstreamApplying: false });
          await preview.refresh(keyOf(get()));
        }
      },
    };
  };

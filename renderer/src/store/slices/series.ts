/**
 * The series' server data: each patch's line counts and what is wrong with the series as it
 * stands (`series.get`), and whether upstream has moved under it (`series.drift`). Asked for
 * only while the Series view shows, and once per state of the series and the repository,
 * however many times the view mounts.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { RendererClient } from '../../api/client';
import { keyedRequest, sameKey, type RequestKey } from '../keyedRequest';
import { reuseRecords } from '../reconcile';
import { DEFAULT_MAX_PATCH_KB } from '../../../../shared/series/sizes';
import type { SeriesSlice, SprintState } from '../types';
import { oncePerTick, watchers } from '../watchers';

/**
 * Both read the series (its patches, base and target) and the sprint's upstream ref from the
 * plan, and the refs from git: a card moved on the board does not make git diff the series again.
 */
const keyOf = (s: SprintState): RequestKey => [s.confirmed.series, s.confirmed.sprint, s.repoChanges, s.repo?.path ?? null];

export const createSeriesSlice =
  (client: RendererClient): StateCreator<SprintState, [], [], SeriesSlice> =>
  (set, get, store) => {
    const views = watchers();

    const state = keyedRequest(
      () => client.call('series.get', {}),
      (res) => {
        // A failed request keeps the numbers shown, with the reason beside them.
        if (!res.ok) return set({ seriesError: res.error.message });
        const stats = Object.fromEntries(res.value.stats.map((p) => [p.patchId, p]));
        const sizes = Object.fromEntries(res.value.sizes.map((p) => [p.patchId, p]));
        const recipients = Object.fromEntries(res.value.recipients.map((r) => [r.patchId, r]));
        set({
          seriesStats: reuseRecords(get().seriesStats, stats),
          seriesSizes: reuseRecords(get().seriesSizes, sizes),
          seriesLimitKb: res.value.limitKb,
          seriesRecipients: reuseRecords(get().seriesRecipients, recipients),
          seriesRecipientsProblem: res.value.recipientsProblem,
          seriesProblem: res.value.problem,
          seriesError: null,
        });
      },
    );
    // A look that fails says nothing: the button asks again and shows the reason.
    const upstream = keyedRequest(
      () => client.call('series.drift', {}),
      (res) => {
        if (res.ok) set({ seriesUpstream: res.value });
      },
    );

    const look = oncePerTick(() => {
      if (views.count === 0) return;
      const key = keyOf(get());
      void state.ensure(key);
      void upstream.ensure(key);
    });

    store.subscribe((s, prev) => {
      if ((s.repo?.path ?? null) !== (prev.repo?.path ?? null)) {
        state.reset();
        upstream.reset();
        set({ seriesStats: {}, seriesSizes: {}, seriesRecipients: {}, seriesRecipientsProblem: null, seriesProblem: null, seriesError: null, seriesUpstream: null });
      }
      if (!sameKey(keyOf(s), keyOf(prev))) look();
    });

    return {
      seriesStats: {},
      seriesSizes: {},
      seriesLimitKb: DEFAULT_MAX_PATCH_KB,
      seriesRecipients: {},
      seriesRecipientsProblem: null,
      seriesProblem: null,
      seriesError: null,
      seriesUpstream: null,
      watchSeries: () => views.watch(look),
      checkUpstream: () => upstream.refresh(keyOf(get())),
    };
  };

/**
 * The rename plan's server data: each rule's problems and file count (`rename.list`), the drift
 * of the copied rules (`rename.drift`, one request for every copied rule at once) and what still
 * names an old path (`rename.refs`). The board's badges and the Rename view both select from
 * here, so a plan change or a `repo.changed` push makes one drift request, however many views
 * show it; nothing is asked for while no view shows it.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { RuleDrift } from '../../../../shared/rename/model';
import { ok, type Result } from '../../../../shared/result';
import type { RendererClient } from '../../api/client';
import { keyedRequest, sameKey, type RequestKey } from '../keyedRequest';
import { reuseRecords } from '../reconcile';
import type { RenameSlice, SprintState } from '../types';
import { oncePerTick, watchers } from '../watchers';

/**
 * The rules' summaries and drift read the plan at its head and the branch at its commit: a new
 * plan head or a move of the repository's refs makes them stale, nothing else does.
 */
const keyOf = (s: SprintState): RequestKey => [s.confirmed.head, s.repoChanges, s.repo?.path ?? null];

export const createRenameSlice =
  (client: RendererClient): StateCreator<SprintState, [], [], RenameSlice> =>
  (set, get, store) => {
    const driftViews = watchers();
    const statusViews = watchers();
    const running = { list: false, drift: false };
    const busy = (which: keyof typeof running) => (now: boolean) => {
      running[which] = now;
      const loading = running.list || running.drift;
      if (loading !== get().renameLoading) set({ renameLoading: loading });
    };

    const drift = keyedRequest(
      (): Promise<Result<{ rules: RuleDrift[] }>> =>
        Object.values(get().confirmed.renames).some((r) => r.phase === 'copied') ? client.call('rename.drift', {}) : Promise.resolve(ok({ rules: [] })),
      (res) => {
        // A failed request keeps the drift shown, and says why where the drift is listed.
        if (!res.ok) return set({ renameDriftError: res.error.message });
        const next = Object.fromEntries(res.value.rules.map((d) => [d.ruleId, d.files]));
        set({ renameDrift: reuseRecords(get().renameDrift, next), renameDriftError: null });
      },
      busy('drift'),
    );
    const list = keyedRequest(
      () => client.call('rename.list', {}),
      (res) => {
        if (!res.ok) return get().notify('error', res.error.message);
        const next = Object.fromEntries(res.value.rules.map((r) => [r.rule.id, r]));
        set({ renameSummaries: reuseRecords(get().renameSummaries, next) });
      },
      busy('list'),
    );

    const look = oncePerTick(() => {
      const key = keyOf(get());
      if (driftViews.count + statusViews.count > 0) void drift.ensure(key);
      if (statusViews.count > 0) void list.ensure(key);
    });

    let opened = 0;
    const refsAsked = new Map<string, number>();
    store.subscribe((s, prev) => {
      if ((s.repo?.path ?? null) !== (prev.repo?.path ?? null)) {
        // Another repository: nothing read from the previous one may show, even if it arrives late.
        opened++;
        drift.reset();
        list.reset();
        set({ renameSummaries: {}, renameDrift: {}, renameDriftError: null, renameRefs: {} });
      }
      if (!sameKey(keyOf(s), keyOf(prev))) look();
    });

    return {
      renameSummaries: {},
      renameDrift: {},
      renameDriftError: null,
      renameRefs: {},
      renameLoading: false,
      watchRenameDrift: () => driftViews.watch(look),
      watchRenameStatus: () => statusViews.watch(look),

      async reloadRenameStatus() {
        const key = keyOf(get());
        await Promise.all([list.refresh(key), drift.refresh(key)]);
      },

      async loadRenameRefs(ruleId) {
        const asked = (refsAsked.get(ruleId) ?? 0) + 1;
        refsAsked.set(ruleId, asked);
        const during = opened;
        const res = await client.call('rename.refs', { ruleId });
        if (!res.ok) return res;
        const references = res.value.rules[0]?.references ?? [];
        // Only the newest answer for this rule, in this repository, is kept.
        if (refsAsked.get(ruleId) === asked && during === opened) set((s) => ({ renameRefs: { ...s.renameRefs, [ruleId]: references } }));
        return ok(references);
      },
    };
  };

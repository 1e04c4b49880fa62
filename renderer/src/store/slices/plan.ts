/**
 * The plan, optimistic: `plan` is the last confirmed snapshot with the changes still in flight
 * applied on top. A push's events are folded onto `confirmed` (or, when this board missed one,
 * a snapshot replaces it) and the pending changes are re-applied, so a push never undoes a drag
 * that the server has not answered yet.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { PlanEventsPush, PlanSnapshot } from '../../../../shared/api';
import { emptyPlan, type Plan, type Subsystem } from '../../../../shared/model';
import { extendActivity } from '../../../../shared/plan/activity';
import type { ClientCommand, PlanEvent } from '../../../../shared/plan/events';
import { foldOnto, type SkippedEvent } from '../../../../shared/plan/fold';
import type { RendererClient } from '../../api/client';
import { describeChange } from '../../text/describe';
import { applyPlanChange, inversePlanChange, rebase } from '../engine';
import { isAtLeastAsNew } from '../freshness';
import { jsonEqual, reconcilePlan } from '../reconcile';
import type { PendingChange, PlanSlice, SprintState } from '../types';

const orderedSubsystems = (plan: { subsystems: Record<string, Subsystem>; subsystemOrder: string[] }): Subsystem[] =>
  plan.subsystemOrder.flatMap((id) => {
    const s = plan.subsystems[id];
    return s ? [s] : [];
  });

export const createPlanSlice =
  (client: RendererClient): StateCreator<SprintState, [], [], PlanSlice> =>
  (set, get) => {
    let seq = 0;

    /** What the board shows; records equal to those already shown keep their identity. */
    const shown = (confirmed: Plan, pending: PendingChange[]) => (pending.length === 0 ? confirmed : reconcilePlan(get().plan, rebase(confirmed, pending)));

    /**
     * Shows `next` as the confirmed plan with `activity` as the feed, and the changes still in
     * flight on top, in one store update: every update re-checks every card's selectors.
     */
    const settle = (next: Plan, activity: PlanEvent[], pending: PendingChange[]) => {
      const cur = get();
      // Against what is shown: a card the server confirms as we drew it keeps its record.
      const confirmed = reconcilePlan(cur.plan, next);
      const sprintChanged = !jsonEqual(cur.confirmed.sprint, confirmed.sprint);
      // Records keep their identity when equal (reconcilePlan), so this is cheap.
      const renamesChanged = cur.confirmed.renames !== confirmed.renames;
      set({ confirmed, pending, plan: shown(confirmed, pending), activity });
      // New refs or pairings make a new inventory; so does a rename step, which commits to the
      // branch (often the fork ref) and moves interim copies and files.
      if ((sprintChanged || renamesChanged) && confirmed.sprint && (cur.inventory || cur.inventoryError)) void get().loadInventory();
    };

    /** Takes a snapshot (unless an even newer one is shown) and the list of changes still in flight. */
    const take = (snapshot: PlanSnapshot | null, force: boolean, pending: PendingChange[] = get().pending) => {
      const cur = get();
      if (!snapshot || (!force && !isAtLeastAsNew(snapshot.activity, cur.activity))) {
        if (pending !== cur.pending) set({ pending, plan: shown(cur.confirmed, pending) });
        return;
      }
      settle(snapshot.plan, snapshot.activity, pending);
    };

    const fetchPlan = async (force: boolean): Promise<void> => {
      const res = await client.call('plan.get', {});
      if (res.ok) take(res.value, force);
      else get().notify('error', res.error.message);
    };

    /** Folds events that start at the confirmed head onto it, with `pending` still in flight on top. */
    const foldNews = (push: PlanEventsPush, pending: PendingChange[]) => {
      const cur = get();
      const skipped: SkippedEvent[] = [];
      const { plan } = foldOnto(cur.confirmed, push.events, skipped);
      settle({ ...plan, head: push.to }, extendActivity(cur.activity, push.events, new Set(skipped.map((e) => e.event.id))), pending);
    };

    /**
     * Our change's answer: the events it appended, from the head it was built on. They are folded
     * as a push is when they start at the confirmed head; when the push that carried them came
     * first there is nothing left to fold; when the board is behind (a push before them has not
     * arrived yet), a snapshot brings both, and the change stays in flight until it is shown.
     */
    const takeAnswer = async (news: PlanEventsPush, mine: PendingChange): Promise<void> => {
      const cur = get();
      const rest = cur.pending.filter((p) => p !== mine);
      const last = news.events.at(-1);
      const shownAlready = news.to === cur.confirmed.head || (last !== undefined && cur.activity.some((e) => e.id === last.id));
      if (shownAlready) {
        set({ pending: rest, plan: shown(cur.confirmed, rest) });
        return;
      }
      if (catchingUp === null && news.from !== null && news.from === cur.confirmed.head) {
        foldNews(news, rest);
        return;
      }
      catchUp(false);
      await catchingUp;
      const after = get();
      const left = after.pending.filter((p) => p !== mine);
      set({ pending: left, plan: shown(after.confirmed, left) });
    };

    // One catch-up at a time: pushes that arrive meanwhile wait for its snapshot, then those
    // that start at its head are folded on top (the others are older, or another gap).
    let catchingUp: Promise<void> | null = null;
    const waiting: PlanEventsPush[] = [];
    const catchUp = (force: boolean): void => {
      catchingUp ??= fetchPlan(force).finally(() => {
        catchingUp = null;
        for (const push of waiting.splice(0)) get().receiveEvents(push);
      });
    };

    return {
      confirmed: emptyPlan(),
      plan: emptyPlan(),
      activity: [],
      pending: [],

      receiveSnapshot: (snapshot) => take(snapshot, false),
      receiveEvents(push) {
        const cur = get();
        if (push.to === cur.confirmed.head) return;
        // Older than what is shown (our own answer came first, with a newer head): nothing to do.
        const newestFirst = [...push.events].reverse();
        if (push.events.length > 0 && !isAtLeastAsNew(newestFirst, cur.activity)) return;
        if (catchingUp) {
          waiting.push(push);
          return;
        }
        // A rewritten log (from null) may end with an older event than the feed shows: take its snapshot anyway.
        if (push.from === null || push.from !== cur.confirmed.head) {
          catchUp(push.from === null);
          return;
        }
        foldNews(push, cur.pending);
      },
      resetSnapshot(snapshot) {
        set({ pending: [], undoStack: [], redoStack: [], activity: [] });
        take(snapshot, true);
        void get().loadHistory();
      },

      loadPlan: () => fetchPlan(false),

      async applyLocal(change: ClientCommand, options = {}) {
        const before = get().plan;
        const applied = applyPlanChange(before, change);
        if (!applied.ok) {
          get().notify('error', applied.error.message);
          return false;
        }
        const record = options.record ?? true;
        const inverse = record ? inversePlanChange(before, change) : null;
        const entry = inverse ? { label: options.label ?? describeChange(change, before), undo: inverse, redo: change } : null;
        const mine = { seq: ++seq, change };
        set((s) => ({ pending: [...s.pending, mine], plan: applied.value }));
        if (entry) get().record(entry);

        const res = await client.call('plan.change', { change });
        if (res.ok) {
          await takeAnswer(res.value, mine);
          return true;
        }
        const rest = get().pending.filter((p) => p !== mine);
        set({ pending: rest, plan: shown(get().confirmed, rest) });
        if (entry) get().forget(entry);
        get().notify('error', res.error.message);
        return false;
      },

      async runPlanOperation(label, run) {
        const before = orderedSubsystems(get().plan);
        const snapshot = await run();
        if (!snapshot) return false;
        take(snapshot, true);
        const after = orderedSubsystems(snapshot.plan);
        get().record({
          label,
          undo: { type: 'subsystems.replace', subsystems: before },
          redo: { type: 'subsystems.replace', subsystems: after },
        });
        return true;
      },
    };
  };

/**
 * Undo and redo of board changes: each entry holds the change and its inverse. The stacks start
 * from the plan's log (`plan.history`: this person's last changes, replayed by the main process
 * with shared/plan/history.ts), so undo survives a reload; after that they grow as the person
 * edits, the same way the replay would.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { HistoryStep } from '../../../../shared/plan/history';
import type { RendererClient } from '../../api/client';
import { describeChange } from '../../text/describe';
import { applyPlanChange } from '../engine';
import type { HistoryEntry, HistorySlice, SprintState } from '../types';

const LIMIT = 200;
const without = (stack: HistoryEntry[], entry: HistoryEntry) => stack.filter((e) => e !== entry);

export const createHistorySlice =
  (client: RendererClient): StateCreator<SprintState, [], [], HistorySlice> =>
  (set, get) => {
    let asked = 0;
    return {
      undoStack: [],
      redoStack: [],
      record(entry) {
        set((s) => ({ undoStack: [...s.undoStack.slice(-(LIMIT - 1)), entry], redoStack: [] }));
      },
      forget(entry) {
        set((s) => ({ undoStack: without(s.undoStack, entry), redoStack: without(s.redoStack, entry) }));
      },
      async loadHistory() {
        const mine = ++asked;
        const res = await client.call('plan.history', {});
        // A browser that has not said who it is has no history of its own yet: Undo stays off.
        if (!res.ok || mine !== asked) return;
        const plan = get().plan;
        // Named on the plan as it was before the change (its undo applied), so a removed person keeps their name.
        const entry = (step: HistoryStep): HistoryEntry => {
          const before = applyPlanChange(plan, step.undo);
          return { label: describeChange(step.redo, before.ok ? before.value : plan), undo: step.undo, redo: step.redo };
        };
        set({ undoStack: res.value.undo.map(entry), redoStack: res.value.redo.map(entry) });
      },
      async undo() {
        const entry = get().undoStack.at(-1);
        if (!entry) return;
        set((s) => ({ undoStack: s.undoStack.slice(0, -1), redoStack: [...s.redoStack, entry] }));
        const accepted = await get().applyLocal(entry.undo, { record: false });
        if (!accepted) get().forget(entry);
      },
      async redo() {
        const entry = get().redoStack.at(-1);
        if (!entry) return;
        set((s) => ({ redoStack: s.redoStack.slice(0, -1), undoStack: [...s.undoStack, entry] }));
        const accepted = await get().applyLocal(entry.redo, { record: false });
        if (!accepted) get().forget(entry);
      },
    };
  };

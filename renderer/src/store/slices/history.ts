/** Undo and redo of board changes: each entry holds the change and its inverse. */
import type { StateCreator } from 'zustand/vanilla';
import type { HistoryEntry, HistorySlice, SprintState } from '../types';

const LIMIT = 200;
const without = (stack: HistoryEntry[], entry: HistoryEntry) => stack.filter((e) => e !== entry);

export const createHistorySlice: StateCreator<SprintState, [], [], HistorySlice> = (set, get) => ({
  undoStack: [],
  redoStack: [],
  record(entry) {
    set((s) => ({ undoStack: [...s.undoStack.slice(-(LIMIT - 1)), entry], redoStack: [] }));
  },
  forget(entry) {
    set((s) => ({ undoStack: without(s.undoStack, entry), redoStack: without(s.redoStack, entry) }));
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
});

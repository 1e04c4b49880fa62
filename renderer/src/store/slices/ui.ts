/** What the user is looking at: the view, the board's grouping and size, and the filters. */
import type { StateCreator } from 'zustand/vanilla';
import type { SprintState, UiSlice } from '../types';

export const createUiSlice: StateCreator<SprintState, [], [], UiSlice> = (set) => ({
  view: 'board',
  boardMode: 'person',
  largeBoard: false,
  boardActivity: true,
  boardFilter: { person: 'all', state: 'all', text: '' },
  inventoryFilter: { status: 'all', text: '', subsystem: 'all', sort: 'path', descending: false },
  setView: (view) => set({ view }),
  setBoardMode: (boardMode) => set({ boardMode }),
  setLargeBoard: (largeBoard) => set({ largeBoard }),
  setBoardActivity: (boardActivity) => set({ boardActivity }),
  setBoardFilter: (patch) => set((s) => ({ boardFilter: { ...s.boardFilter, ...patch } })),
  setInventoryFilter: (patch) => set((s) => ({ inventoryFilter: { ...s.inventoryFilter, ...patch } })),
});

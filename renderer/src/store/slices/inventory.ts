/** The inventory (every file in scope) and the diff of the selected file. */
import type { StateCreator } from 'zustand/vanilla';
import type { RendererClient } from '../../api/client';
import type { InventorySlice, SprintState } from '../types';

export const createInventorySlice =
  (client: RendererClient): StateCreator<SprintState, [], [], InventorySlice> =>
  (set, get) => {
    let inventoryRequest = 0;
    return {
      inventory: null,
      inventoryError: null,
      inventoryLoading: false,
      selectedPath: null,
      diff: null,
      diffError: null,
      diffLoading: false,

      async loadInventory() {
        const mine = ++inventoryRequest;
        set({ inventoryLoading: true });
        const res = await client.call('inventory.get', {});
        if (mine !== inventoryRequest) return;
        if (res.ok) set({ inventory: res.value, inventoryError: null, inventoryLoading: false });
        else set({ inventoryError: res.error.message, inventoryLoading: false });
      },

      async selectFile(path) {
        set({ selectedPath: path, diff: null, diffError: null, diffLoading: path !== null });
        if (path === null) return;
        const res = await client.call('inventory.diff', { path });
        // The user may have clicked another file meanwhile.
        if (get().selectedPath !== path) return;
        if (res.ok) set({ diff: res.value, diffLoading: false });
        else set({ diffError: res.error.message, diffLoading: false });
      },
    };
  };

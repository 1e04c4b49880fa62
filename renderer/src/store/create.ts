/** Builds the store around a client; the app makes one, tests make their own with a fake client. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RendererClient } from '../api/client';
import { createAppSlice } from './slices/app';
import { createHistorySlice } from './slices/history';
import { createInventorySlice } from './slices/inventory';
import { createPickupSlice } from './slices/pickup';
import { createPlanSlice } from './slices/plan';
import { createRenameSlice } from './slices/renames';
import { createSeriesSlice } from './slices/series';
import { createSyncSlice } from './slices/sync';
import { createTeamSlice } from './slices/team';
import { createUiSlice } from './slices/ui';
import { createUpstreamSlice } from './slices/upstream';
import type { SprintState } from './types';

export type SprintStore = StoreApi<SprintState>;

export function createSprintStore(client: RendererClient): SprintStore {
  return createStore<SprintState>()((...a) => ({
    ...createAppSlice(client)(...a),
    ...createPlanSlice(client)(...a),
    ...createHistorySlice(client)(...a),
    ...createInventorySlice(client)(...a),
    ...createRenameSlice(client)(...a),
    ...createSeriesSlice(client)(...a),
    ...createSyncSlice(client)(...a),
    ...createTeamSlice(client)(...a),
    ...createPickupSlice(client)(...a),
    ...createUpstreamSlice(client)(...a),
    ...createUiSlice(...a),
  }));
}

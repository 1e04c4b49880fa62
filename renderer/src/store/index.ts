/**
 * The renderer's store and API client, for every view (including the Rename and Series views).
 *
 * - `useSprint(selector)`: subscribe to one value of the store, e.g.
 *   `const rules = useSprint((s) => s.plan.renameOrder)` or `const rule = useSprint((s) => s.plan.renames[id])`.
 *   Select one value per call (a record, a list, a primitive): a selector that builds a new
 *   object or array on every call re-renders forever; wrap such a selector in `useShallow`.
 *   `s.plan` is the Plan of shared/model.ts as the board shows it (optimistic changes included).
 * - `sprintStore.getState()`: read or act outside React (event handlers that need fresh state).
 * - Change the plan only through `useSprint((s) => s.applyLocal)` / `sprintStore.getState().applyLocal(change)`:
 *   it applies at once, sends `plan.change`, rolls back with the server's message if refused,
 *   and records the inverse for undo. Other operations: `api.call(channel, request)` (errors are
 *   values); plan snapshots they answer can be shown with `sprintStore.getState().receiveSnapshot(s)`.
 * - Server data a view shows beside the plan (the rename rules' summaries and drift, the series'
 *   numbers and upstream's drift) is in slices too: the view takes a watch from an effect
 *   (`useEffect(() => sprintStore.getState().watchSeries(), [])`) and selects the data; the slice
 *   asks once per plan head or repository change, however many views watch.
 * - `api.subscribe(listener)`: every push (build logs, series logs, plan changes).
 * - `notify('error' | 'info', text)`: show a message in the app's notice area.
 */
import { useStore } from 'zustand';
import { createClient, type RendererClient } from '../api';
import { createSprintStore } from './create';
import type { SprintState } from './types';

export const api: RendererClient = createClient();
export const sprintStore = createSprintStore(api);

export function useSprint<T>(selector: (state: SprintState) => T): T {
  return useStore(sprintStore, selector);
}

export type * from './types';

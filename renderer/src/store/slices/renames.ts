/**
 * The drift of the copied rename rules as the board shows it: one `rename.drift` request for
 * every copied rule at once, asked for when the plan's rules change and after plan pushes
 * (someone synced, committed through the app, or another laptop changed the plan), never per
 * card. Calls made in the same tick, or while a request runs, become one more request.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { RendererClient } from '../../api/client';
import { jsonEqual } from '../reconcile';
import type { RenameSlice, SprintState } from '../types';

export const createRenameSlice =
  (client: RendererClient): StateCreator<SprintState, [], [], RenameSlice> =>
  (set, get) => {
    let queued = false;
    let running = false;
    let again = false;

    const fetchDrift = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const anyCopied = Object.values(get().confirmed.renames).some((r) => r.phase === 'copied');
          const res = anyCopied ? await client.call('rename.drift', {}) : null;
          // A failed request keeps the numbers shown; the Rename view says what went wrong.
          if (res && !res.ok) continue;
          const next: Record<string, number> = {};
          for (const r of res?.value.rules ?? []) next[r.ruleId] = r.files.length;
          if (!jsonEqual(next, get().ruleDrift)) set({ ruleDrift: next });
        } while (again);
      } finally {
        running = false;
      }
    };

    return {
      ruleDrift: {},
      refreshRuleDrift() {
        if (queued) return;
        queued = true;
        queueMicrotask(() => {
          queued = false;
          void fetchDrift();
        });
      },
    };
  };

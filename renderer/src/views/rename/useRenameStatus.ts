/**
 * The Rename view's hooks: keeping the rename slice's summaries and drift fresh while the view
 * shows (the slice asks once per plan head and per `repo.changed`, whatever else watches), and
 * running an operation with its busy state and error notice.
 */
import { useCallback, useEffect, useState } from 'react';
import { sprintStore, useSprint } from '../../store';

/** Watches the rules' summaries and drift while a repository is open; views select them from the store. */
export function useRenameStatus(): void {
  const hasRepo = useSprint((s) => s.repo !== null);
  useEffect(() => (hasRepo ? sprintStore.getState().watchRenameStatus() : undefined), [hasRepo]);
}

/** Runs an API operation: busy while it runs, its error shown as a notice; resolves to the value or null. */
export function useOperation(): [boolean, <T>(run: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => Promise<T | null>] {
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T,>(op: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T | null> => {
    setBusy(true);
    try {
      const result = await op();
      if (result.ok) return result.value;
      sprintStore.getState().notify('error', result.error.message);
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return [busy, run];
}

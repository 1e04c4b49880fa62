/**
 * What the Rename view shows besides the plan itself: each rule's problems and file count, and
 * the drift of copied rules. Reloaded when the plan changes, when the window gets the focus
 * back (someone may have committed with git meanwhile), and after every operation.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DriftFile, RuleSummary } from '../../../../shared/rename/model';
import { api, sprintStore, useSprint } from '../../store';

export interface RenameStatus {
  summaries: Record<string, RuleSummary>;
  drift: Record<string, DriftFile[]>;
  loading: boolean;
  reload(): Promise<void>;
}

export function useRenameStatus(): RenameStatus {
  const planHead = useSprint((s) => s.plan.head);
  const hasRepo = useSprint((s) => s.repo !== null);
  const [summaries, setSummaries] = useState<Record<string, RuleSummary>>({});
  const [drift, setDrift] = useState<Record<string, DriftFile[]>>({});
  const [loading, setLoading] = useState(false);

  const reload = useCallback(async () => {
    if (!sprintStore.getState().repo) return;
    setLoading(true);
    const [list, drifts] = await Promise.all([api.call('rename.list', {}), api.call('rename.drift', {})]);
    setLoading(false);
    if (list.ok) setSummaries(Object.fromEntries(list.value.rules.map((s) => [s.rule.id, s])));
    else sprintStore.getState().notify('error', list.error.message);
    if (drifts.ok) setDrift(Object.fromEntries(drifts.value.rules.map((d) => [d.ruleId, d.files])));
  }, []);

  useEffect(() => {
    if (hasRepo) void reload();
  }, [planHead, hasRepo, reload]);

  useEffect(() => {
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);

  return { summaries, drift, loading, reload };
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

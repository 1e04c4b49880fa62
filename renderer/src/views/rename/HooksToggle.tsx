/**
 * Whether the rename plan's commits run the repository's own git hooks: a setting of this clone
 * (its git config), not of the plan, so it is read and written through its own calls. The box
 * changes at once and goes back if the main process refuses.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, sprintStore, useSprint } from '../../store';
import { useOffInRoom } from '../shell/useOffInRoom';

export function HooksToggle() {
  const repo = useSprint((s) => s.repo?.path ?? null);
  const [on, setOn] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const off = useOffInRoom('rename.setHooks');

  const load = useCallback(async () => {
    const got = await api.call('rename.hooks', {});
    if (got.ok) setOn(got.value.on);
  }, []);

  useEffect(() => {
    if (repo !== null) void load();
  }, [repo, load]);

  const change = async (next: boolean) => {
    const before = on;
    setOn(next);
    setBusy(true);
    const set = await api.call('rename.setHooks', { on: next });
    setBusy(false);
    if (set.ok) setOn(set.value.on);
    else {
      setOn(before);
      sprintStore.getState().notify('error', set.error.message);
    }
  };

  return (
    <div className="rename-hooks">
      <label className="field-inline rename-hooks-label">
        <input type="checkbox" checked={on === true} disabled={on === null || busy || off !== null} title={off ?? undefined} onChange={(e) => void change(e.target.checked)} data-testid="rename-hooks" />
        Run this repository&apos;s git hooks (pre-commit, commit-msg, post-commit) on the app&apos;s commits
      </label>
      <p className="hint">Off by default, and set per clone (merge-sprint.runHooks in .git/config): a hook that fails refuses the commit and nothing changes.</p>
    </div>
  );
}

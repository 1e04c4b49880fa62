/** Start work on a card (a new branch from the sprint branch) and a Review card's branch diff. */
import { useEffect, useState, type FormEvent } from 'react';
import { slugify } from '../../../../shared/plan/ids';
import { checkBranchRef } from '../../../../shared/team/branch-name';
import type { BranchDiff } from '../../../../shared/team/api';
import { api, sprintStore, useSprint } from '../../store';
import { Dialog } from '../common/Dialog';
import { DiffBody } from '../inventory/DiffPanel';

function StartWorkForm({ id, onClose }: { id: string; onClose: () => void }) {
  const name = useSprint((s) => s.plan.subsystems[id]?.name ?? id);
  const owner = useSprint((s) => {
    const o = s.plan.subsystems[id]?.owner;
    return o ? (s.plan.people[o]?.name ?? null) : null;
  });
  const sprintRef = useSprint((s) => s.plan.sprint?.forkRef ?? '');
  const [branch, setBranch] = useState(() => `${owner ? `${slugify(owner.split(' ')[0] ?? owner, 'me')}/` : ''}${slugify(name)}`);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = branch.trim() === '' ? null : checkBranchRef(branch.trim());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem || branch.trim() === '') return;
    setBusy(true);
    const refusal = await sprintStore.getState().startWork(id, branch.trim());
    setBusy(false);
    if (refusal === null) onClose();
    else setError(refusal);
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="dialog-body">
      <label className="field">
        A new branch for {name}, from the sprint branch {sprintRef}
        <input autoFocus className="mono" value={branch} onChange={(e) => setBranch(e.target.value)} maxLength={250} data-testid="start-work-branch" />
      </label>
      {(problem ?? error) && (
        <p className="error-text" role="alert" data-testid="start-work-error">
          {problem ?? error}
        </p>
      )}
      <p className="muted">Your working tree stays as it is: switch to the branch with git when you are ready.</p>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || problem !== null || branch.trim() === ''} data-testid="start-work-confirm">
          Create branch
        </button>
      </div>
    </form>
  );
}

function BranchDiffBody({ id, onClose }: { id: string; onClose: () => void }) {
  const repoChanges = useSprint((s) => s.repoChanges);
  const [diff, setDiff] = useState<BranchDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('team.diff', { subsystemId: id }).then((res) => {
      if (!live) return;
      if (res.ok) setDiff(res.value);
      else setError(res.error.message);
    });
    return () => {
      live = false;
    };
  }, [id, repoChanges]);
  if (error) return <p className="error-text pad" role="alert">{error}</p>;
  if (!diff) return <p className="muted pad">Reading the diff…</p>;
  if (diff.text === '') return <p className="muted pad">{diff.branch} changes none of this card's files yet.</p>;
  return (
    <div className="branch-diff" data-testid="branch-diff">
      {diff.truncated && <p className="notice-inline pad">This diff is long and was cut at the size limit; the full diff is in git.</p>}
      <DiffBody text={diff.text} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose} data-testid="branch-diff-close">
          Close
        </button>
      </div>
    </div>
  );
}

export function TeamDialogs() {
  const dialog = useSprint((s) => s.teamDialog);
  const name = useSprint((s) => (dialog ? (s.plan.subsystems[dialog.subsystemId]?.name ?? dialog.subsystemId) : ''));
  const branch = useSprint((s) => (dialog ? (s.plan.team.branches[dialog.subsystemId] ?? '') : ''));
  const close = () => sprintStore.getState().openTeamDialog(null);
  return (
    <>
      <Dialog open={dialog?.kind === 'start'} title="Start work" onClose={close}>
        {dialog?.kind === 'start' && <StartWorkForm key={dialog.subsystemId} id={dialog.subsystemId} onClose={close} />}
      </Dialog>
      <Dialog open={dialog?.kind === 'diff'} title={`${name}: ${branch} since it left the sprint branch`} onClose={close}>
        {dialog?.kind === 'diff' && <BranchDiffBody id={dialog.subsystemId} onClose={close} />}
      </Dialog>
    </>
  );
}

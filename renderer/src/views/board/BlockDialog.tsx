/** Marks a card blocked with a reason, or clears the flag. */
import { useState, type FormEvent } from 'react';
import { sprintStore, useSprint } from '../../store';
import { Dialog } from '../common/Dialog';

function BlockForm({ id, onClose }: { id: string; onClose: () => void }) {
  const name = useSprint((s) => s.plan.subsystems[id]?.name ?? id);
  const current = useSprint((s) => s.plan.subsystems[id]?.blocked ?? null);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    if (current === null && !text) return;
    void sprintStore.getState().applyLocal({ type: 'card.block', subsystemId: id, reason: current === null ? text : null });
    onClose();
  };
  return (
    <form onSubmit={submit} className="dialog-body">
      {current === null ? (
        <label className="field">
          Why is {name} blocked?
          <input autoFocus value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} placeholder="Waiting for the IRQ rework upstream" data-testid="block-reason" />
        </label>
      ) : (
        <p>
          {name} is blocked: <q>{current}</q>
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={current === null && !reason.trim()} data-testid="block-confirm">
          {current === null ? 'Mark blocked' : 'Unblock'}
        </button>
      </div>
    </form>
  );
}

export function BlockDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  return (
    <Dialog open={id !== null} title="Blocked" onClose={onClose}>
      {id !== null && <BlockForm key={id} id={id} onClose={onClose} />}
    </Dialog>
  );
}

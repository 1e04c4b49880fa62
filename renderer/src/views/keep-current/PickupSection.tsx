/**
 * "Pick up the fork's new work": the commits on the fork's ref that the sprint branch lacks,
 * by commit or by card, with where each file lands through the rename plan, and one button that
 * picks up every commit that applies cleanly, with its progress.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { touchesCard } from '../../../../shared/pickup/lands';
import { api, sprintStore, useSprint } from '../../store';
import { plural } from '../common/format';
import { useOffInRoom } from '../shell/useOffInRoom';
import { useOperation } from '../rename/useRenameStatus';
import { PickupCommitRow } from './PickupCommitRow';

function SetFromForm() {
  const current = useSprint((s) => s.plan.pickup.ref);
  const [ref, setRef] = useState(current ?? '');
  const [busy, run] = useOperation();
  const submit = async () => {
    if ((await run(() => api.call('pickup.setFrom', { ref: ref.trim() }))) !== null) await sprintStore.getState().reloadPickup();
  };
  return (
    <form className="row-inline" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label htmlFor="pickup-ref">Fork&apos;s live ref</label>
      <input id="pickup-ref" value={ref} placeholder="xen-unstable" onChange={(e) => setRef(e.target.value)} data-testid="pickup-ref" />
      <button type="submit" className="btn" disabled={busy || ref.trim() === ''} data-testid="pickup-set-from">
        {current === null ? 'Pick up from this ref' : 'Change'}
      </button>
    </form>
  );
}

function ByCard() {
  const cards = useSprint(useShallow((s) => s.plan.subsystemOrder.filter((id) => (s.pickupPerCard[id] ?? 0) > 0)));
  const subsystems = useSprint((s) => s.plan.subsystems);
  const commits = useSprint((s) => s.pickupList?.commits ?? []);
  const off = useOffInRoom('pickup.apply');
  const [busy, setBusy] = useState(false);
  if (cards.length === 0) return <p className="empty">No waiting commit touches a card&apos;s files.</p>;
  const pick = async (id: string) => {
    setBusy(true);
    await sprintStore.getState().pickUpCard(id);
    setBusy(false);
  };
  return (
    <ul className="plain-list pickup-cards">
      {cards.map((id) => {
        const card = subsystems[id];
        if (!card) return null;
        const mine = commits.filter((c) => c.status !== 'already-there' && touchesCard(c, card));
        return (
          <li key={id} className="row-inline" data-testid={`pickup-card-${id}`}>
            <strong>{card.name}</strong>
            <span>{plural(mine.length, 'commit')}</span>
            <button type="button" className="btn" disabled={busy || off !== null} title={off ?? "Picks up the commits that touch only this card's files"} onClick={() => void pick(id)}>
              Pick up this card&apos;s commits
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function PickupSection() {
  const ref = useSprint((s) => s.plan.pickup.ref);
  const list = useSprint((s) => s.pickupList);
  const error = useSprint((s) => s.pickupError);
  const loading = useSprint((s) => s.pickupLoading);
  const progress = useSprint((s) => s.pickupProgress);
  const off = useOffInRoom('pickup.apply');
  const [by, setBy] = useState<'commit' | 'card'>('commit');
  const commits = list?.commits ?? [];
  const applicable = commits.filter((c) => c.status !== 'conflict').length;
  const pickClean = async () => {
    const done = await sprintStore.getState().pickUpClean();
    if (done) sprintStore.getState().notify('info', `Picked up ${plural(done.picked.length, 'fork commit')}.`);
  };
  return (
    <section className="keep-section" aria-labelledby="pickup-title" data-testid="pickup">
      <h2 id="pickup-title">Pick up the fork&apos;s new work</h2>
      <p className="hint">
        The fork&apos;s developers keep committing to the old layout. Each of their commits is brought onto the sprint branch through the rename plan: a moved folder&apos;s change lands at its new place, a copied folder&apos;s on both copies, merged three-way with the team&apos;s own edits.
      </p>
      <SetFromForm />
      {ref !== null && error && <p className="error-text" data-testid="pickup-error">{error}</p>}
      {ref !== null && list && (
        <>
          {list.warnings.map((w) => (
            <p key={w} className="hint" data-testid="pickup-warning">
              {w}
            </p>
          ))}
          <div className="toolbar">
            <button type="button" className="btn btn-primary" disabled={applicable === 0 || progress !== null || off !== null} title={off ?? undefined} onClick={() => void pickClean()} data-testid="pickup-clean">
              Pick up all that apply cleanly{applicable > 0 ? ` (${plural(applicable, 'commit')})` : ''}
            </button>
            <button type="button" className="btn" disabled={loading} onClick={() => void sprintStore.getState().reloadPickup()}>
              Refresh
            </button>
            <div className="row-inline" role="group" aria-label="Show the list">
              <button type="button" className="btn" aria-pressed={by === 'commit'} onClick={() => setBy('commit')}>By commit</button>
              <button type="button" className="btn" aria-pressed={by === 'card'} onClick={() => setBy('card')}>By card</button>
            </div>
          </div>
          {progress && (
            <progress className="pickup-progress" max={progress.total} value={progress.done} data-testid="pickup-progress">
              {progress.done} of {progress.total}
            </progress>
          )}
          {off && <p className="hint">{off}</p>}
          {commits.length === 0 ? (
            <p className="empty" data-testid="pickup-empty">
              Nothing to pick up: every commit of <code>{list.ref}</code> is on <code>{list.branch}</code>.
            </p>
          ) : by === 'commit' ? (
            <ul className="plain-list pickup-commits" aria-label={`${commits.length} commits of ${list.ref}, oldest first`}>
              {commits.map((c) => (
                <PickupCommitRow key={c.commit} commit={c} />
              ))}
            </ul>
          ) : (
            <ByCard />
          )}
        </>
      )}
    </section>
  );
}

/** The Series view: propose, edit, check and export the patch series. */
import { useState } from 'react';
import type { CheckReport } from '../../../../shared/series/reports';
import { api, sprintStore, useSprint } from '../../store';
import { PatchDetail } from './PatchDetail';
import { PatchList } from './PatchList';
import { SeriesRuns } from './SeriesRuns';
import { useSeriesState } from './useSeriesState';
import './series.css';

function ProposeBar({ hasSeries }: { hasSeries: boolean }) {
  const forkRef = useSprint((s) => s.plan.sprint?.forkRef ?? '');
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const propose = async () => {
    setConfirming(false);
    setBusy(true);
    const st = sprintStore.getState();
    await st.runPlanOperation('propose the series', async () => {
      const res = await api.call('series.propose', target.trim() ? { target: target.trim() } : {});
      if (!res.ok) {
        st.notify('error', res.error.message);
        return null;
      }
      const { unassignedFiles, files } = res.value;
      st.notify('info', `Proposed ${res.value.snapshot.plan.series.patchOrder.length} patches over ${files} files${unassignedFiles.length ? `; ${unassignedFiles.length} in no subsystem went into folder patches` : ''}.`);
      return res.value.snapshot;
    });
    setBusy(false);
  };
  return (
    <div className="toolbar" role="toolbar" aria-label="Propose">
      <label className="field-inline">
        Target
        <input className="mono input-short" value={target} onChange={(e) => setTarget(e.target.value)} placeholder={forkRef || 'fork ref'} data-testid="series-target" />
      </label>
      {confirming ? (
        <span className="row-inline" role="group" aria-label="Confirm proposal">
          Replace the current series (its edits go; exported versions stay)?
          <button type="button" className="btn btn-danger" onClick={() => void propose()} data-testid="propose-confirm">
            Propose again
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => (hasSeries ? setConfirming(true) : void propose())} data-testid="propose">
          {hasSeries ? 'Propose again' : 'Propose a series'}
        </button>
      )}
    </div>
  );
}

export function SeriesView() {
  const hasSprint = useSprint((s) => s.plan.sprint !== null);
  const count = useSprint((s) => s.plan.series.patchOrder.length);
  const problem = useSprint((s) => s.seriesProblem);
  const error = useSprint((s) => s.seriesError);
  useSeriesState();
  const [selected, setSelected] = useState<string | null>(null);
  const [check, setCheck] = useState<CheckReport | null>(null);
  if (!hasSprint) {
    return (
      <section className="page" aria-label="Patch series">
        <p className="empty">Start the sprint first (Setup): the series is cut from the upstream ref to the fork ref.</p>
      </section>
    );
  }
  return (
    <section className="page page-wide" aria-label="Patch series">
      <h1 className="page-title">Patch series</h1>
      <ProposeBar hasSeries={count > 0} />
      {error && <p className="error-text">{error}</p>}
      {problem && count > 0 && (
        <div className="panel panel-warn" role="status" data-testid="series-problem">
          {problem}
        </div>
      )}
      {count === 0 ? (
        <p className="empty">No series yet: propose one. Every change from upstream to the target goes into exactly one patch, one per subsystem.</p>
      ) : (
        <div className={`split-panes series-panes${selected ? '' : ' series-panes-single'}`}>
          <div className="pane">
            <PatchList selected={selected} failedId={check?.failed?.patchId ?? null} onSelect={setSelected} />
          </div>
          {selected && <PatchDetail key={selected} patchId={selected} />}
        </div>
      )}
      {count > 0 && <SeriesRuns onChecked={setCheck} />}
    </section>
  );
}

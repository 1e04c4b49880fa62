/** The sprint's refs and pairings; "Start sprint" records them and derives subsystems from folders. */
import { useState } from 'react';
import { api, sprintStore, useSprint } from '../../store';
import { PairingPicker } from './PairingPicker';
import { mergeSuggestions, rowsFromPairings, type PairingRow } from './pairings';
import { RefField } from './RefField';

function guessRefs(branches: string[], current: string | null): { upstream: string; fork: string } {
  const upstream = ['upstream', 'upstream/master', 'origin/master', 'master', 'main'].find((b) => branches.includes(b) && b !== current) ?? '';
  return { upstream, fork: current ?? '' };
}

export function SprintForm() {
  const sprint = useSprint((s) => s.plan.sprint);
  const repo = useSprint((s) => s.repo);
  const [upstreamRef, setUpstreamRef] = useState(() => sprint?.upstreamRef ?? guessRefs(repo?.branches ?? [], repo?.branch ?? null).upstream);
  const [forkRef, setForkRef] = useState(() => sprint?.forkRef ?? guessRefs(repo?.branches ?? [], repo?.branch ?? null).fork);
  const [rows, setRows] = useState<PairingRow[]>(() => rowsFromPairings(sprint?.pairings ?? []));
  const [busy, setBusy] = useState<'suggest' | 'start' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refsGiven = upstreamRef.trim() !== '' && forkRef.trim() !== '';

  const suggest = async () => {
    if (!refsGiven) return setError('Name the upstream ref and the fork ref first: pairings are found by comparing them.');
    setBusy('suggest');
    const res = await api.call('pairs.suggest', { upstreamRef: upstreamRef.trim(), forkRef: forkRef.trim() });
    setBusy(null);
    if (!res.ok) return setError(res.error.message);
    setError(res.value.length === 0 ? 'No fork folder looks like a copy of an upstream folder; add pairings by hand if you know them.' : null);
    setRows((r) => mergeSuggestions(r, res.value));
  };

  const start = async () => {
    if (!refsGiven) return setError('Name both refs: the upstream ref (what you merge into) and the fork ref (your tree).');
    setBusy('start');
    setError(null);
    const st = sprintStore.getState();
    const pairings = rows.filter((r) => r.checked).map((r) => ({ fork: r.fork, upstream: r.upstream }));
    const res = await api.call('sprint.init', { upstreamRef: upstreamRef.trim(), forkRef: forkRef.trim(), pairings });
    if (!res.ok) {
      setBusy(null);
      return setError(res.error.message);
    }
    st.receiveSnapshot(res.value);
    if (res.value.plan.subsystemOrder.length === 0) {
      await st.runPlanOperation('derive subsystems from folders', async () => {
        const derived = await api.call('subsystems.derive', {});
        if (derived.ok) return derived.value;
        setError(derived.error.message);
        return null;
      });
    }
    void st.loadInventory();
    setBusy(null);
    st.notify('info', 'The sprint is set up.');
    st.setView('board');
  };

  return (
    <div className="panel">
      <h2 className="panel-title">{sprint ? 'Sprint' : 'Start a sprint'}</h2>
      <div className="row">
        <RefField label="Upstream ref" value={upstreamRef} onChange={setUpstreamRef} testId="upstream-ref" hint="What you are merging into: a tag, a branch or a commit." />
        <RefField label="Fork ref" value={forkRef} onChange={setForkRef} testId="fork-ref" hint="Your tree: the fork's branch or tag." />
      </div>
      <PairingPicker rows={rows} onChange={setRows} onSuggest={() => void suggest()} suggesting={busy === 'suggest'} />
      {error && (
        <p className="error-text" role="alert" data-testid="setup-error">
          {error}
        </p>
      )}
      <div className="row row-end">
        <button type="button" className="btn btn-primary" onClick={() => void start()} disabled={busy !== null} data-testid="start-sprint">
          {busy === 'start' ? 'Starting…' : sprint ? 'Update sprint' : 'Start sprint'}
        </button>
      </div>
    </div>
  );
}

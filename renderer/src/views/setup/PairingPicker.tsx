/** Folder pairings: suggestions with checkboxes, plus pairs typed by hand. */
import { useState, type FormEvent } from 'react';
import { checkManualPairing, normaliseFolder, rowWords, type PairingRow } from './pairings';

interface Props {
  rows: PairingRow[];
  onChange: (rows: PairingRow[]) => void;
  onSuggest: () => void;
  suggesting: boolean;
}

export function PairingPicker({ rows, onChange, onSuggest, suggesting }: Props) {
  const [fork, setFork] = useState('');
  const [upstream, setUpstream] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = (e: FormEvent) => {
    e.preventDefault();
    const problem = checkManualPairing(rows, fork, upstream);
    setError(problem);
    if (problem) return;
    onChange([...rows, { fork: normaliseFolder(fork), upstream: normaliseFolder(upstream), checked: true, origin: 'manual', evidence: null }]);
    setFork('');
    setUpstream('');
  };
  const toggle = (i: number) => onChange(rows.map((r, j) => (j === i ? { ...r, checked: !r.checked } : r)));
  return (
    <fieldset className="fieldset">
      <legend>Folder pairings</legend>
      <p className="hint">
        A fork folder and its upstream twin, compared file by file (arch/xen/i386 = arch/i386). Files outside every pairing are compared at the same path.
        Suggestions are ticked when most of the fork folder's files have an identical or similar twin; names every folder has (Makefile, Kconfig) do not count.
      </p>
      <div className="row">
        <button type="button" className="btn" onClick={onSuggest} disabled={suggesting} data-testid="suggest-pairs">
          {suggesting ? 'Looking for pairs…' : 'Suggest pairings'}
        </button>
      </div>
      {rows.length > 0 && (
        <table className="table pairing-table" data-testid="pairings">
          <thead>
            <tr>
              <th scope="col">Use</th>
              <th scope="col">Fork folder</th>
              <th scope="col">Upstream twin</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.fork}=${r.upstream}`} data-testid="pairing-row" data-pair={`${r.fork}=${r.upstream}`} data-checked={r.checked}>
                <td>
                  <input type="checkbox" checked={r.checked} onChange={() => toggle(i)} aria-label={`Pair ${r.fork} with ${r.upstream}`} />
                </td>
                <td className="mono">{r.fork}</td>
                <td className="mono">{r.upstream}</td>
                <td className={r.evidence && !r.evidence.confident ? 'pairing-evidence weak' : 'pairing-evidence'}>{rowWords(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="row" onSubmit={add} aria-label="Add a pairing">
        <label className="field grow">
          Fork folder
          <input value={fork} onChange={(e) => setFork(e.target.value)} placeholder="arch/xen/i386" spellCheck={false} data-testid="pair-fork" />
        </label>
        <span className="row-eq" aria-hidden="true">
          =
        </span>
        <label className="field grow">
          Upstream folder
          <input value={upstream} onChange={(e) => setUpstream(e.target.value)} placeholder="arch/i386" spellCheck={false} data-testid="pair-upstream" />
        </label>
        <button type="submit" className="btn" data-testid="pair-add">
          Add pairing
        </button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

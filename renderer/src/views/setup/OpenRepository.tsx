/** Electron only: open a local clone by path, from the recent list, or the built-in demo. */
import { useState, type FormEvent } from 'react';
import { useSprint } from '../../store';

export function OpenRepository() {
  const recent = useSprint((s) => s.info?.recent ?? []);
  const openRepo = useSprint((s) => s.openRepo);
  const openDemo = useSprint((s) => s.openDemo);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (task: () => Promise<boolean>) => {
    setBusy(true);
    await task();
    setBusy(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) void run(() => openRepo(path.trim()));
  };
  return (
    <div className="panel">
      <h2 className="panel-title">Open a repository</h2>
      <form className="row" onSubmit={submit}>
        <label className="field grow">
          Path of a local git clone
          <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/src/linux-xen" data-testid="open-path" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy || !path.trim()} data-testid="open-repo">
          Open
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void run(openDemo)} data-testid="open-demo">
          Open demo sprint
        </button>
      </form>
      {recent.length > 0 && (
        <>
          <h3 className="subtitle">Recent</h3>
          <ul className="plain-list">
            {recent.map((r) => (
              <li key={r}>
                <button type="button" className="btn-link mono" disabled={busy} onClick={() => void run(() => openRepo(r))}>
                  {r}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

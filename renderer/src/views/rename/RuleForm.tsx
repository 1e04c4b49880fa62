/** Writing a rename rule: source and destination, a live preview of every file it would create, its problems and its warnings. */
import { useEffect, useState } from 'react';
import type { RuleCheck } from '../../../../shared/rename/model';
import { api } from '../../store';
import { plural } from '../common/format';
import { ProblemList, WarningList } from './ProblemList';
import { useOperation } from './useRenameStatus';

const PREVIEW_ROWS = 200;
const PREVIEW_DELAY_MS = 250;

export function RuleForm() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [check, setCheck] = useState<RuleCheck | null>(null);
  const [busy, run] = useOperation();

  useEffect(() => {
    if (from.trim() === '' || to.trim() === '') {
      setCheck(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void api.call('rename.preview', { from, to }).then((r) => {
        if (current) setCheck(r.ok ? r.value : { ruleId: '', files: [], warnings: [], problems: [{ code: 'bad-path', message: r.error.message }] });
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [from, to]);

  const add = async () => {
    const added = await run(() => api.call('rename.add', { from, to }));
    if (!added) return;
    setFrom('');
    setTo('');
  };
  const ready = check !== null && check.problems.length === 0 && check.files.length > 0;

  return (
    <form
      className="panel rename-form"
      aria-label="New rename rule"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) void add();
      }}
    >
      <div className="row">
        <label className="field">
          Source (folder or file)
          <input className="mono" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="arch/xen/kernel" data-testid="rule-from" />
        </label>
        <label className="field">
          Destination
          <input className="mono" value={to} onChange={(e) => setTo(e.target.value)} placeholder="drivers/xen/core" data-testid="rule-to" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={!ready || busy} data-testid="rule-add">
          Add rule
        </button>
      </div>
      {check && <ProblemList problems={check.problems} />}
      {check && <WarningList warnings={check.warnings} />}
      {check && check.files.length > 0 && (
        <details className="rename-preview" open={check.files.length <= 20} data-testid="rule-preview">
          <summary>The copy would create {plural(check.files.length, 'file')}</summary>
          <ul className="plain-list mono">
            {check.files.slice(0, PREVIEW_ROWS).map((f) => (
              <li key={f.to}>
                {f.to} <span className="muted">{f.mode === '120000' ? '(symlink)' : f.mode === '100755' ? '(executable)' : ''}</span>
              </li>
            ))}
            {check.files.length > PREVIEW_ROWS && <li className="muted">and {plural(check.files.length - PREVIEW_ROWS, 'more file')}</li>}
          </ul>
        </details>
      )}
    </form>
  );
}

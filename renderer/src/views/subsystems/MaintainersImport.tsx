/**
 * Import from MAINTAINERS: asks the core what the import would do first (`maintainers.preview`)
 * and, when it replaces cards, says so in a dialog before anything changes ("replaces 51 cards
 * with 12"). A file that gives no card (no F: lines, as before 2009, and no map) is refused with
 * the reason, the cards untouched, and the maintainers map offered. The import is one undo step.
 */
import { useState } from 'react';
import type { ImportPreview } from '../../../../shared/maintainers/api';
import { api, sprintStore } from '../../store';
import { Dialog } from '../common/Dialog';

const cards = (n: number): string => `${n} card${n === 1 ? '' : 's'}`;

function ConfirmImport({ preview, onImport, onCancel }: { preview: ImportPreview; onImport: () => void; onCancel: () => void }) {
  const gone = preview.before - preview.kept;
  return (
    <div className="dialog-body" data-testid="import-confirm">
      <p>
        Importing <span className="mono">{preview.path}</span> replaces {cards(preview.before)} with {preview.after}.
      </p>
      <ul className="plain-list">
        <li>{preview.kept === 0 ? 'No card keeps its owner and state.' : `${cards(preview.kept)} keep their owner and state; ${gone === 0 ? 'no other card goes' : `the other ${gone} go, with theirs`}.`}</li>
        {preview.mapped > 0 && <li>{preview.mapped} section{preview.mapped === 1 ? '' : 's'} take their files from the maintainers map.</li>}
        {preview.unmatched > 0 && <li>{preview.unmatched === 1 ? '1 file falls' : `${preview.unmatched} files fall`} in no section and are listed as files in no subsystem.</li>}
        <li>Undo (Ctrl+Z) puts the cards back as they are now.</li>
      </ul>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="btn btn-danger" onClick={onImport} data-testid="import-confirm-replace">
          Replace {cards(preview.before)}
        </button>
      </div>
    </div>
  );
}

export function MaintainersImport({ onWarnings, onRefused }: { onWarnings: (w: string[]) => void; onRefused: (path: string, message: string) => void }) {
  const [path, setPath] = useState('MAINTAINERS');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const st = sprintStore.getState;
  const file = (): string | undefined => path.trim() || undefined;

  const runImport = async () => {
    setPreview(null);
    setBusy(true);
    const done = await st().runPlanOperation('import subsystems from MAINTAINERS', async () => {
      const res = await api.call('subsystems.importMaintainers', { path: file() });
      if (!res.ok) {
        st().notify('error', res.error.message);
        return null;
      }
      onWarnings(res.value.warnings);
      return res.value.snapshot;
    });
    if (done) st().notify('info', 'Subsystems imported from MAINTAINERS.');
    setBusy(false);
  };

  const ask = async () => {
    setBusy(true);
    const res = await api.call('maintainers.preview', { path: file() });
    setBusy(false);
    if (!res.ok) return onRefused(path.trim() || 'MAINTAINERS', res.error.message);
    if (res.value.before === 0) return void runImport();
    setPreview(res.value);
  };

  return (
    <>
      <label className="field-inline">
        <span className="visually-hidden">MAINTAINERS file</span>
        <input value={path} onChange={(e) => setPath(e.target.value)} className="mono input-short" spellCheck={false} />
      </label>
      <button type="button" className="btn" disabled={busy} onClick={() => void ask()} data-testid="import-maintainers">
        Import from MAINTAINERS
      </button>
      <Dialog open={preview !== null} title="Import from MAINTAINERS" onClose={() => setPreview(null)}>
        {preview && <ConfirmImport preview={preview} onImport={() => void runImport()} onCancel={() => setPreview(null)} />}
      </Dialog>
    </>
  );
}

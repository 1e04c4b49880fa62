/**
 * One patch: its subject, description and author, its files, and the edits that change the
 * series' shape (merge with a neighbour, split ticked files out, move a file to another patch).
 * Every edit is one plan change from shared/series/edit.ts, applied with undo.
 */
import { useState } from 'react';
import type { Result } from '../../../../shared/result';
import type { SeriesEdit } from '../../../../shared/series/events';
import { editPatch, mergePatches, moveFile, splitPatch } from '../../../../shared/series/edit';
import { sprintStore, useSprint } from '../../store';
import { plural } from '../common/format';
import { PatchRecipients } from './PatchRecipients';

async function apply(change: Result<SeriesEdit>, label: string): Promise<boolean> {
  const st = sprintStore.getState();
  if (!change.ok) {
    st.notify('error', change.error.message);
    return false;
  }
  return st.applyLocal(change.value, { label });
}

function FileActions({ patchId, ticked, onDone }: { patchId: string; ticked: string[]; onDone: () => void }) {
  const order = useSprint((s) => s.plan.series.patchOrder);
  const patches = useSprint((s) => s.plan.series.patches);
  const [to, setTo] = useState('');
  const [subject, setSubject] = useState('');
  const split = async () => {
    const change = splitPatch(sprintStore.getState().plan.series, patchId, ticked, subject.trim() ? { subject } : {});
    if (await apply(change, `split ${plural(ticked.length, 'file')} out`)) onDone();
  };
  const move = async () => {
    for (const path of ticked) {
      if (!(await apply(moveFile(sprintStore.getState().plan.series, path, to), `move ${path}`))) return;
    }
    onDone();
  };
  return (
    <div className="toolbar" role="group" aria-label="Ticked files">
      <span className="toolbar-note">{ticked.length} ticked</span>
      <label className="field-inline">
        New patch subject
        <input value={subject} onChange={(e) => setSubject(e.target.value)} placeholder="(part 2)" data-testid="split-subject" />
      </label>
      <button type="button" className="btn" disabled={ticked.length === 0} onClick={() => void split()} data-testid="split">
        Split into a new patch
      </button>
      <label className="field-inline">
        Move to
        <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="move-file-to">
          <option value="">(patch)</option>
          {order
            .filter((id) => id !== patchId)
            .map((id) => (
              <option key={id} value={id}>
                {order.indexOf(id) + 1}. {patches[id]?.subject}
              </option>
            ))}
        </select>
      </label>
      <button type="button" className="btn" disabled={ticked.length === 0 || to === ''} onClick={() => void move()} data-testid="move-files">
        Move
      </button>
    </div>
  );
}

export function PatchDetail({ patchId }: { patchId: string }) {
  const patch = useSprint((s) => s.plan.series.patches[patchId]);
  const order = useSprint((s) => s.plan.series.patchOrder);
  const people = useSprint((s) => s.plan.people);
  const personOrder = useSprint((s) => s.plan.personOrder);
  const [subject, setSubject] = useState(patch?.subject ?? '');
  const [description, setDescription] = useState(patch?.description ?? '');
  const [ticked, setTicked] = useState<string[]>([]);
  if (!patch) return <p className="muted">This patch is no longer in the series.</p>;
  const index = order.indexOf(patchId);
  const series = () => sprintStore.getState().plan.series;
  const save = () => void apply(editPatch(series(), patchId, { subject, description }), 'edit patch');
  const merge = (otherId: string | undefined) => {
    if (otherId) void apply(mergePatches(series(), patchId, otherId), 'merge patches');
  };
  return (
    <section className="pane pane-detail patch-detail" aria-label={`Patch ${index + 1}`} data-testid="patch-detail">
      <h2 className="panel-title">Patch {index + 1} of {order.length}</h2>
      <label className="field">
        Subject
        <input value={subject} onChange={(e) => setSubject(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && save()} data-testid="patch-subject" />
      </label>
      <label className="field">
        Description
        <textarea rows={5} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="patch-description" />
      </label>
      <div className="row-inline">
        <button type="button" className="btn btn-primary" onClick={save} data-testid="patch-save">
          Save subject and description
        </button>
        <label className="field-inline">
          Author
          <select
            value={patch.author ?? ''}
            onChange={(e) => void apply(editPatch(series(), patchId, { author: e.target.value || null }), 'change author')}
            data-testid="patch-author"
          >
            <option value="">The sender</option>
            {personOrder.map((id) => (
              <option key={id} value={id}>
                {people[id]?.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" disabled={index <= 0} onClick={() => merge(order[index - 1])}>
          Merge with previous
        </button>
        <button type="button" className="btn" disabled={index >= order.length - 1} onClick={() => merge(order[index + 1])} data-testid="merge-next">
          Merge with next
        </button>
      </div>
      <PatchRecipients patchId={patchId} />
      <FileActions patchId={patchId} ticked={ticked} onDone={() => setTicked([])} />
      <ul className="plain-list patch-files" aria-label="Files of the patch">
        {patch.files.map((f) => (
          <li key={f} className="frow">
            <input
              type="checkbox"
              checked={ticked.includes(f)}
              onChange={(e) => setTicked((t) => (e.target.checked ? [...t, f] : t.filter((x) => x !== f)))}
              aria-label={`Tick ${f}`}
            />
            <span className="mono frow-path">{f}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One subsystem: rename it, see its files, split the ticked files into a new subsystem. */
import { useEffect, useState, type FormEvent } from 'react';
import { sprintStore, useSprint } from '../../store';
import { plural } from '../common/format';
import { FileList } from './FileList';

function RenameForm({ id, name }: { id: string; name: string }) {
  const [value, setValue] = useState(name);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim() && value.trim() !== name) void sprintStore.getState().applyLocal({ type: 'subsystem.rename', subsystemId: id, name: value.trim() });
  };
  return (
    <form className="row" onSubmit={submit} aria-label="Rename">
      <label className="field grow">
        Name
        <input value={value} onChange={(e) => setValue(e.target.value)} maxLength={200} data-testid="subsystem-name" />
      </label>
      <button type="submit" className="btn" disabled={!value.trim() || value.trim() === name} data-testid="subsystem-rename">
        Rename
      </button>
    </form>
  );
}

function describeSource(source: { kind: string; folder?: string; include?: string[]; exclude?: string[] }): string {
  if (source.kind === 'folder') return `from the folder ${source.folder}`;
  if (source.kind === 'maintainers') return `from MAINTAINERS (F: ${source.include?.join(' ') ?? ''}${source.exclude?.length ? `; X: ${source.exclude.join(' ')}` : ''})`;
  return 'made by hand';
}

export function SubsystemDetail({ id, onGone }: { id: string; onGone: () => void }) {
  const sub = useSprint((s) => s.plan.subsystems[id]);
  const owner = useSprint((s) => {
    const o = s.plan.subsystems[id]?.owner;
    return o ? (s.plan.people[o]?.name ?? null) : null;
  });
  useEffect(() => {
    if (!sub) onGone();
  }, [sub, onGone]);
  if (!sub) return null;
  return (
    <div className="detail" data-testid="subsystem-detail">
      <RenameForm key={sub.name} id={id} name={sub.name} />
      <p className="hint">
        {plural(sub.files.length, 'file')}, {describeSource(sub.source)}. {owner ? `Owned by ${owner}` : 'Unassigned'}, {sub.state}
        {sub.blocked !== null ? `, blocked: ${sub.blocked}` : ''}.
      </p>
      <FileList files={sub.files} source={id} />
    </div>
  );
}

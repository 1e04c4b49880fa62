/** One waiting fork commit: subject, author, status, and each file with where it lands. */
import { memo, useState } from 'react';
import type { PickupCommit } from '../../../../shared/pickup/model';
import { ConflictHunks } from './ConflictHunks';
import { plural } from '../common/format';

const STATUS_WORDS: Record<PickupCommit['status'], string> = { clean: 'applies cleanly', conflict: 'conflict', 'already-there': 'already there' };

export const PickupCommitRow = memo(function PickupCommitRow({ commit }: { commit: PickupCommit }) {
  const [open, setOpen] = useState(commit.status === 'conflict');
  return (
    <li className={`pickup-commit pickup-${commit.status}`} data-testid={`pickup-commit-${commit.commit.slice(0, 12)}`} data-status={commit.status}>
      <div className="row-inline">
        <button type="button" className="btn" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide files' : plural(commit.files.length, 'file')}
        </button>
        <code>{commit.commit.slice(0, 12)}</code>
        <span className="pickup-subject">{commit.subject}</span>
        <span className="muted">{commit.author}</span>
        {commit.merge && <span className="muted" title="A merge in the fork's history: its change against its first parent is picked up">merge</span>}
        <span className="pickup-status">{STATUS_WORDS[commit.status]}</span>
      </div>
      {open && (
        <ul className="plain-list pickup-files">
          {commit.files.map((f) => (
            <li key={f.path}>
              {f.from !== undefined && (
                <>
                  <code>{f.from}</code> ⇒{' '}
                </>
              )}
              <code>{f.path}</code> → {f.lands.length === 0 ? <em>deleted</em> : f.lands.map((l, i) => <code key={l}>{i > 0 ? ', ' : ''}{l}</code>)}
            </li>
          ))}
        </ul>
      )}
      {open && commit.conflicts.map((c) => <ConflictHunks key={`${c.path}\0${c.lands}`} conflict={c} />)}
    </li>
  );
});

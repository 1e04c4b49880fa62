/**
 * The header's sync with the clone's git remote: where the plan stands (in sync, N changes to
 * send, N new, offline, the last error in words), a Sync button, and in the window how often it
 * syncs by itself. And who else has a board open in the room right now.
 */
import { useEffect } from 'react';
import { useSprint } from '../../store';
import { syncWords } from '../../text/sync';
import { useOffInRoom } from './useOffInRoom';
import './sync.css';

const EVERY_CHOICES: Array<{ seconds: number | null; label: string }> = [
  { seconds: null, label: 'When asked' },
  { seconds: 30, label: 'Every 30 s' },
  { seconds: 60, label: 'Every minute' },
  { seconds: 300, label: 'Every 5 min' },
];

function SyncEvery({ every }: { every: number | null }) {
  const setEvery = useSprint((s) => s.setSyncEvery);
  const off = useOffInRoom('sync.setEvery');
  if (off) return null;
  const known = EVERY_CHOICES.some((c) => c.seconds === every);
  return (
    <select
      className="sync-every"
      aria-label="Sync by itself"
      data-testid="sync-every"
      value={every === null ? '' : String(every)}
      onChange={(e) => void setEvery(e.target.value === '' ? null : Number(e.target.value))}
    >
      {EVERY_CHOICES.map((c) => (
        <option key={c.label} value={c.seconds === null ? '' : String(c.seconds)}>
          {c.label}
        </option>
      ))}
      {!known && every !== null && <option value={String(every)}>Every {every} s</option>}
    </select>
  );
}

export function SyncStatus() {
  const state = useSprint((s) => s.syncState);
  const watch = useSprint((s) => s.watchSync);
  const syncNow = useSprint((s) => s.syncNow);
  const repoPath = useSprint((s) => s.repo?.path ?? null);
  useEffect(() => {
    if (repoPath !== null) watch();
  }, [watch, repoPath]);
  if (!state) return null;
  const words = syncWords(state);
  return (
    <div className={`sync sync-${state.syncing ? 'syncing' : state.status}`} role="group" aria-label="Sync with the git remote">
      <span className="sync-state" data-testid="sync-state" title={words.long}>
        {words.short}
      </span>
      <button type="button" className="btn" data-testid="sync-now" disabled={state.status === 'no-remote' || state.syncing} title={words.long} onClick={() => void syncNow()}>
        Sync
      </button>
      <SyncEvery every={state.every} />
    </div>
  );
}

/** Who has the board open in the room now: initials with the names as a tooltip. */
export function Presence() {
  const presence = useSprint((s) => s.presence);
  if (!presence || presence.people.length + presence.anonymous === 0) return null;
  const names = presence.people.map((p) => p.name);
  const others = presence.anonymous > 0 ? [`${presence.anonymous} not named yet`] : [];
  const title = `In the room now: ${[...names, ...others].join(', ')}`;
  return (
    <span className="presence" data-testid="presence" title={title} aria-label={title}>
      {presence.people.slice(0, 6).map((p) => (
        <span key={`${p.name} ${p.email}`} className="presence-person">
          {p.name
            .split(/\s+/)
            .map((w) => w.charAt(0))
            .join('')
            .slice(0, 2)
            .toUpperCase()}
        </span>
      ))}
      {presence.people.length > 6 && <span className="presence-person">+{presence.people.length - 6}</span>}
      {presence.anonymous > 0 && <span className="presence-person presence-anonymous">+{presence.anonymous}</span>}
    </span>
  );
}

/**
 * Who changed what, when: the plan's recent events in words, times refreshed every half minute;
 * above them, the changes a sync's merge made impossible (kept in the log, not applied), with why.
 */
import { useEffect, useMemo, useState } from 'react';
import { useSprint } from '../../store';
import { describeActivity } from '../../text/describe';
import { ActivityList } from './ActivityList';

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

/** One empty list, so a board with nothing to report selects the same value every time. */
const NO_NOT_APPLIED: never[] = [];

function NotApplied() {
  const notApplied = useSprint((s) => s.syncState?.notApplied ?? NO_NOT_APPLIED);
  if (notApplied.length === 0) return null;
  return (
    <ol className="activity activity-not-applied" data-testid="not-applied" aria-label="Not applied after a sync">
      {notApplied.map((n) => (
        <li key={n.id} className="activity-item">
          <span className="activity-text">
            Not applied after a sync: {n.words} ({n.reason})
          </span>
        </li>
      ))}
    </ol>
  );
}

export function ActivityFeed({ limit }: { limit?: number }) {
  const activity = useSprint((s) => s.activity);
  const plan = useSprint((s) => s.plan);
  const now = useNow(30_000);
  const lines = useMemo(() => describeActivity(activity, plan), [activity, plan]);
  const events = limit ? activity.slice(0, limit) : activity;
  if (events.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <>
      <NotApplied />
      <ActivityList events={events} lines={lines} now={now} testId="activity" />
    </>
  );
}

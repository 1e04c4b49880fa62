/** The card's history: the activity feed's events that concern it, in words, newest first. */
import { useMemo } from 'react';
import { useSprint } from '../../store';
import { describeActivity, timeAgo } from '../../text/describe';
import { touchesCard } from './history';

export function CardHistory({ id }: { id: string }) {
  const activity = useSprint((s) => s.activity);
  const plan = useSprint((s) => s.plan);
  const events = useMemo(() => activity.filter((e) => touchesCard(e, id)), [activity, id]);
  const lines = useMemo(() => describeActivity(events, plan), [events, plan]);
  if (events.length === 0) return <p className="muted">No changes to this card in the recent activity.</p>;
  const now = Date.now();
  return (
    <ol className="activity" data-testid="card-history">
      {events.map((e, i) => (
        <li key={e.id} className="activity-item">
          <span className="activity-text">{lines[i]}</span>
          <time className="activity-time" dateTime={e.at} title={new Date(e.at).toLocaleString()}>
            {' · '}
            {timeAgo(e.at, now)}
          </time>
        </li>
      ))}
    </ol>
  );
}

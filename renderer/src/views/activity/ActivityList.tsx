/** Plan events in words, each with how long ago it happened: the activity feed and a card's history. */
import type { PlanEvent } from '../../../../shared/plan/events';
import { timeAgo } from '../../text/describe';

export function ActivityList({ events, lines, now, testId }: { events: readonly PlanEvent[]; lines: readonly string[]; now: number; testId: string }) {
  return (
    <ol className="activity" data-testid={testId}>
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

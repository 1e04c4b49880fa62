/** The card's history: the activity feed's events that concern it, in words, newest first. */
import { useMemo } from 'react';
import { useSprint } from '../../store';
import { describeActivity } from '../../text/describe';
import { ActivityList } from '../activity/ActivityList';
import { touchesCard } from './history';

export function CardHistory({ id }: { id: string }) {
  const activity = useSprint((s) => s.activity);
  const plan = useSprint((s) => s.plan);
  const events = useMemo(() => activity.filter((e) => touchesCard(e, id)), [activity, id]);
  const lines = useMemo(() => describeActivity(events, plan), [events, plan]);
  if (events.length === 0) return <p className="muted">No changes to this card in the recent activity.</p>;
  const now = Date.now();
  return <ActivityList events={events} lines={lines} now={now} testId="card-history" />;
}

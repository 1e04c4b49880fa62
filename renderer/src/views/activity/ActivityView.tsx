/** The full activity feed. */
import { ActivityFeed } from './ActivityFeed';

export function ActivityView() {
  return (
    <section className="page page-narrow" aria-labelledby="activity-title">
      <h1 id="activity-title" className="page-title">
        Activity
      </h1>
      <p className="muted">Every change to the plan, newest first: from this window, other browsers in the room, and the command line.</p>
      <ActivityFeed />
    </section>
  );
}

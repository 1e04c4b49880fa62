/** The plan's whole event log in fold order, read once per plan head (the burndown and the report fold it by day). */
import type { PlanEvent } from '../../../shared/plan/events';
import { orderEvents } from '../../../shared/plan/fold';
import type { RepoServices } from '../context';
import { readMessages } from '../git/log';
import { eventsOf } from '../plan/log';

export function planEvents(ctx: Pick<RepoServices, 'repo' | 'caches'>, head: string): Promise<PlanEvent[]> {
  if (head === '') return Promise.resolve([]);
  return ctx.caches.planEvents.getOrCompute(head, async () => orderEvents(eventsOf(await readMessages(ctx.repo, head)).events));
}

/** The week at a glance: the burndown and the standup report, from the plan's event log, the inventory and git. */
import { ok, type Result } from '../../../shared/result';
import type { Plan } from '../../../shared/model';
import { burndown, type Burndown } from '../../../shared/team/burndown';
import { linesCounter, type LinesOf } from '../../../shared/team/lines';
import { standupReport, type StandupReport } from '../../../shared/team/report';
import { parseSince } from '../../../shared/team/since';
import type { RepoServices } from '../context';
import { commitsSince } from '../git/log';
import { sprintInventory } from '../inventory/sprint-inventory';
import { planEvents } from './plan-events';
import { sprintCommitOf, teamStatusOf } from './status';
import { waitingPickups } from './waiting-pickups';

/** Line counts from the inventory; when it cannot be computed now, none, and why. */
async function linesOfPlan(ctx: RepoServices, plan: Plan): Promise<{ linesOf: LinesOf; problem: string | null }> {
  if (!plan.sprint) return { linesOf: linesCounter(null), problem: null };
  const inventory = await sprintInventory(ctx);
  if (inventory.ok) return { linesOf: linesCounter(inventory.value), problem: null };
  return { linesOf: linesCounter(null), problem: `The changed lines are not shown: ${inventory.error.message}` };
}

export async function burndownOf(ctx: RepoServices, now = Date.now()): Promise<Result<Burndown>> {
  const { plan } = await ctx.plan.snapshot();
  const [events, lines] = await Promise.all([planEvents(ctx, plan.head), linesOfPlan(ctx, plan)]);
  return ok({ ...burndown(events, lines.linesOf, now), problem: lines.problem });
}

export async function reportOf(ctx: RepoServices, since: string, now = Date.now()): Promise<Result<StandupReport>> {
  const from = parseSince(since, now);
  if (!from.ok) return from;
  const { plan } = await ctx.plan.snapshot();
  const sprint = plan.sprint ? await sprintCommitOf(ctx.repo, plan) : null;
  if (sprint && !sprint.ok) return sprint;
  const waiting = await waitingPickups(ctx, plan);
  const [events, lines, status, landed] = await Promise.all([
    planEvents(ctx, plan.head),
    linesOfPlan(ctx, plan),
    teamStatusOf(ctx, plan, waiting.list?.commits ?? []),
    sprint ? commitsSince(ctx.repo, sprint.value, from.value) : Promise.resolve([]),
  ]);
  const pickUp = waiting.list ? { ref: waiting.list.ref, commits: waiting.list.commits } : { note: waiting.problem };
  return ok(standupReport({ events, plan, since: from.value, now: new Date(now), landed, status: status.ok ? status.value : null, linesOf: lines.linesOf, pickUp }));
}

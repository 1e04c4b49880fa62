/**
 * A plan store in memory, for testing the rename engine on its own: the same apply rules as the
 * real store (shared/plan/apply.ts), without the plan ref.
 */
import type { PlanEventsPush, PlanSnapshot, PlanWritten } from '../../../shared/api';
import { emptyPlan, type Actor, type Plan } from '../../../shared/model';
import { applyChange } from '../../../shared/plan/apply';
import type { ClientCommand, PlanChange, PlanEvent } from '../../../shared/plan/events';
import { historyOf } from '../../../shared/plan/history';
import { parseClientCommand } from '../../../shared/plan/schema';
import { ok, type Result } from '../../../shared/result';
import type { PlanAccess, PlanStore, RepoServices } from '../../../electron/core/context';
import { createRunRegistry } from '../../../electron/core/host/runs';

export function memoryPlanStore(repo: string, initial: Plan = emptyPlan()): PlanStore & { events: PlanEvent[] } {
  let plan = initial;
  const events: PlanEvent[] = [];
  const listeners = new Set<(s: PlanSnapshot, news: PlanEventsPush) => void>();
  const snapshot = (): PlanSnapshot => ({ plan, activity: [...events].reverse() });
  const recordAll = async (changes: PlanChange[], actor: Actor): Promise<Result<PlanWritten>> => {
    let next = plan;
    for (const change of changes) {
      const applied = applyChange(next, change);
      if (!applied.ok) return applied;
      next = applied.value;
    }
    const from = plan.head;
    const fresh: PlanEvent[] = [];
    for (const change of changes) {
      const at = new Date().toISOString();
      fresh.push({ ...change, id: `${at}-${events.length + fresh.length}`, at, by: actor });
    }
    events.push(...fresh);
    plan = { ...next, head: `memory-${events.length}` };
    const news: PlanEventsPush = { type: 'plan.events', from, to: plan.head, events: fresh };
    for (const l of listeners) l(snapshot(), news);
    return ok({ ...snapshot(), news });
  };
  // As the real store: a client's command is checked as one before it is applied.
  const changeAll = async (commands: ClientCommand[], actor: Actor): Promise<Result<PlanWritten>> => {
    for (const command of commands) {
      const parsed = parseClientCommand(command);
      if (!parsed.ok) return parsed;
    }
    return recordAll(commands, actor);
  };
  return {
    repo,
    events,
    snapshot: async () => snapshot(),
    history: async (actor) => historyOf(events, actor),
    change: (command, actor) => changeAll([command], actor),
    changeAll,
    record: (change, actor) => recordAll([change], actor),
    recordAll,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
    },
  };
}

export const ACTOR: Actor = { name: 'Ada Fixture', email: 'ada@example.org' };

export function renameContext(repo: string, initial?: Plan): PlanAccess & Pick<RepoServices, 'builds'> & { plan: ReturnType<typeof memoryPlanStore> } {
  return { repo, actor: ACTOR, plan: memoryPlanStore(repo, initial), builds: createRunRegistry() };
}

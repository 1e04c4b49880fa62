/** The team's changes applied to the plan (pure, as the board's rules in shared/plan/apply.ts). */
import type { Plan } from '../model';
import { fail, ok, type Result } from '../result';
import type { TeamChange } from './events';

export function applyTeamChange(plan: Plan, change: TeamChange): Result<Plan> {
  if (change.type === 'card.branch') {
    if (!(change.subsystemId in plan.subsystems)) return fail('not-found', `There is no subsystem with id "${change.subsystemId}": it may have been removed or merged meanwhile; reload the board.`);
    const { [change.subsystemId]: _old, ...rest } = plan.team.branches;
    const branches = change.branch === null ? rest : { ...rest, [change.subsystemId]: change.branch };
    return ok({ ...plan, team: { ...plan.team, branches } });
  }
  if (change.type === 'state.wipLimit') {
    const { [change.state]: _old, ...rest } = plan.team.stateLimits ?? {};
    const stateLimits = change.limit === null ? rest : { ...rest, [change.state]: change.limit };
    // No limits left: no key, as in a plan from before column limits, so an undo gives back the same plan.
    const { stateLimits: _all, ...team } = plan.team;
    return ok({ ...plan, team: Object.keys(stateLimits).length === 0 ? team : { ...team, stateLimits } });
  }
  if (!(change.personId in plan.people)) return fail('not-found', `There is no person with id "${change.personId}": add the person first, or reload the board.`);
  const { [change.personId]: _old, ...rest } = plan.team.wipLimits;
  const wipLimits = change.limit === null ? rest : { ...rest, [change.personId]: change.limit };
  return ok({ ...plan, team: { ...plan.team, wipLimits } });
}

/** The change that puts back what `change` replaced (undo). */
export function invertTeamChange(before: Plan, change: TeamChange): TeamChange {
  if (change.type === 'card.branch') return { type: 'card.branch', subsystemId: change.subsystemId, branch: before.team.branches[change.subsystemId] ?? null };
  if (change.type === 'state.wipLimit') return { type: 'state.wipLimit', state: change.state, limit: before.team.stateLimits?.[change.state] ?? null };
  return { type: 'person.wipLimit', personId: change.personId, limit: before.team.wipLimits[change.personId] ?? null };
}

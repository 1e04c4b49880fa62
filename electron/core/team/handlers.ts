/** API handlers of the team's work (channels in shared/team/api.ts). */
import { fail, ok } from '../../../shared/result';
import type { teamChannels } from '../../../shared/team/api';
import type { Handlers } from '../context';
import { diffSinceMergeBase } from '../git/diff';
import { branchTips } from '../git/refs';
import { truncateDiff } from '../inventory/file-diff';
import { startWork } from './start-work';
import { sprintCommitOf, teamStatusOf } from './status';
import { waitingPickups } from './waiting-pickups';
import { burndownOf, reportOf } from './week';

export const teamHandlers: Handlers<keyof typeof teamChannels> = {
  'team.status': async (ctx) => {
    const { plan } = await ctx.plan.snapshot();
    // Only a Done card's verdict reads the pick-up list; without one it is not asked for.
    const anyDone = plan.subsystemOrder.some((id) => plan.subsystems[id]?.state === 'Done');
    const waiting = anyDone ? await waitingPickups(ctx, plan) : null;
    return teamStatusOf(ctx, plan, waiting?.list?.commits ?? []);
  },
  'team.startWork': async (ctx, { subsystemId, branch }) => startWork(ctx, subsystemId, branch),
  'team.diff': async (ctx, { subsystemId }) => {
    const { plan } = await ctx.plan.snapshot();
    const sub = plan.subsystems[subsystemId];
    const branch = plan.team.branches[subsystemId];
    if (!sub) return fail('not-found', `There is no subsystem with id "${subsystemId}": reload the board.`);
    if (branch === undefined) return fail('not-found', `"${sub.name}" names no branch: start work on it, or name its owner's branch first.`);
    const sprint = await sprintCommitOf(ctx.repo, plan);
    if (!sprint.ok) return sprint;
    const tip = (await branchTips(ctx.repo)).find((t) => t.name === branch);
    if (!tip) return fail('not-found', `There is no branch ${branch} in this clone: create it, or fetch it from the remote (\`git fetch\`).`);
    const { text, truncated } = truncateDiff(await diffSinceMergeBase(ctx.repo, sprint.value, tip.commit, sub.files));
    return ok({ branch, text, truncated });
  },
  'team.burndown': async (ctx) => burndownOf(ctx),
  'team.report': async (ctx, { since }) => reportOf(ctx, since),
};

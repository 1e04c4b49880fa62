/** API handlers of the inventory: suggested pairings, the files in scope and each one's diff. */
import type { Channel } from '../../../shared/api';
import { checkRepoPath } from '../../../shared/paths';
import { fail } from '../../../shared/result';
import type { Handlers } from '../context';
import { resolveCommit } from '../git/refs';
import { NO_PLAN } from '../plan/no-plan';
import { fileDiff } from './file-diff';
import { sprintInventory } from './sprint-inventory';
import { suggestPairings } from './suggest';

export const inventoryHandlers: Handlers<Extract<Channel, 'pairs.suggest' | 'inventory.get' | 'inventory.diff'>> = {
  'pairs.suggest': async (ctx, { upstreamRef, forkRef }) => {
    const [up, fork] = await Promise.all([resolveCommit(ctx.repo, upstreamRef), resolveCommit(ctx.repo, forkRef)]);
    if (!up.ok) return up;
    if (!fork.ok) return fork;
    return suggestPairings(ctx.repo, upstreamRef, forkRef);
  },

  'inventory.get': async (ctx) => sprintInventory(ctx),

  'inventory.diff': async (ctx, { path }) => {
    const bad = checkRepoPath(path, 'file path');
    if (bad) return fail('bad-path', bad);
    const { plan } = await ctx.plan.snapshot();
    if (!plan.sprint) return fail('no-plan', NO_PLAN);
    return fileDiff(ctx.repo, plan.sprint, path);
  },
};

/**
 * Handlers of the core channels (shared/api.ts `coreChannels`): repository, inventory, plan,
 * subsystems and people. As written here they serve the room server and the command line, which
 * each serve one repository; the Electron main process answers app.info, repo.open and
 * repo.openDemo itself, since only it can switch a window to another repository.
 */
import type { coreChannels } from '../../../shared/api';
import { checkRepoPath } from '../../../shared/paths';
import { fail, ok } from '../../../shared/result';
import type { Handlers } from '../context';
import { resolveCommit } from '../git/refs';
import { fileDiff } from '../inventory/file-diff';
import { suggestPairings } from '../inventory/suggest';
import { changePlan, initSprint, NO_PLAN, planSnapshot, repoSummary, sprintInventory, subsystemsFromFolders } from '../sprint';
import { importAuthors, importMaintainers } from './import';

const ONE_REPOSITORY = 'The room server serves one repository: start another `merge-sprint serve --repo PATH` to share a different one.';

export const coreHandlers: Handlers<keyof typeof coreChannels> = {
  'app.info': async (ctx) =>
    ok({
      mode: 'room',
      repoPath: ctx.repo,
      recent: [],
      // A browser is who it chose to be, or nobody yet: never the server's own git user.
      actor: ctx.client.kind === 'room' ? ctx.client.actor : ctx.actor,
      canOpen: false,
      allowRepoChanges: ctx.client.kind === 'owner' || ctx.client.allowRepoChanges,
    }),

  'repo.open': async (ctx, { path }) => (path === ctx.repo ? ok(await repoSummary(ctx)) : fail('refused', ONE_REPOSITORY)),

  'repo.openDemo': async () => fail('refused', ONE_REPOSITORY),

  'repo.summary': async (ctx) => ok(await repoSummary(ctx)),

  'pairs.suggest': async (ctx, { upstreamRef, forkRef }) => {
    const [up, fork] = await Promise.all([resolveCommit(ctx.repo, upstreamRef), resolveCommit(ctx.repo, forkRef)]);
    if (!up.ok) return up;
    if (!fork.ok) return fork;
    return suggestPairings(ctx.repo, upstreamRef, forkRef);
  },

  'sprint.init': async (ctx, settings) => initSprint(ctx, settings),

  'inventory.get': async (ctx) => sprintInventory(ctx),

  'inventory.diff': async (ctx, { path }) => {
    const bad = checkRepoPath(path, 'file path');
    if (bad) return fail('bad-path', bad);
    const { plan } = await ctx.plan.snapshot();
    if (!plan.sprint) return fail('no-plan', NO_PLAN);
    return fileDiff(ctx.repo, plan.sprint, path);
  },

  'plan.get': async (ctx) => ok(await planSnapshot(ctx)),

  // A client's command, never an engine event: the store's `change`, not the services' `record`.
  'plan.change': async (ctx, { change }) => ctx.plan.change(change, ctx.actor),

  'subsystems.derive': async (ctx, opts) => {
    const inventory = await sprintInventory(ctx);
    if (!inventory.ok) return inventory;
    const { plan } = await ctx.plan.snapshot();
    const subsystems = subsystemsFromFolders(inventory.value, plan.subsystems, {
      ...(opts.depth === undefined ? {} : { depth: opts.depth }),
      ...(opts.minFiles === undefined ? {} : { minFiles: opts.minFiles }),
    });
    return changePlan(ctx, [{ type: 'subsystems.replace', subsystems }]);
  },

  'subsystems.importMaintainers': async (ctx, { path }) => importMaintainers(ctx, path ?? 'MAINTAINERS'),

  'people.importAuthors': async (ctx, { limit }) => importAuthors(ctx, limit ?? 20),
};

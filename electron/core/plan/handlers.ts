/** API handlers of the plan: starting the sprint, reading and changing the board, imports. */
import type { Channel } from '../../../shared/api';
import { ok } from '../../../shared/result';
import type { Handlers } from '../context';
import { sprintInventory } from '../inventory/sprint-inventory';
import { changePlan } from './change';
import { importAuthors, importMaintainers, previewMaintainersImport } from './import';
import { maintainersMap } from './maintainers';
import { initSprint } from './sprint-init';
import { subsystemsFromFolders } from './subsystems';

type PlanChannel = Extract<
  Channel,
  'sprint.init' | 'plan.get' | 'plan.change' | 'plan.history' | 'subsystems.derive' | 'subsystems.importMaintainers' | 'people.importAuthors' | 'maintainers.preview' | 'maintainers.map'
>;

export const planHandlers: Handlers<PlanChannel> = {
  'sprint.init': async (ctx, settings) => initSprint(ctx, settings),

  'plan.get': async (ctx) => ok(await ctx.plan.snapshot()),

  // A client's command, never an engine event: the store's `change`, not the services' `record`.
  'plan.change': async (ctx, { change }) => {
    const written = await ctx.plan.change(change, ctx.actor);
    return written.ok ? ok(written.value.news) : written;
  },

  'plan.history': async (ctx) => ok(await ctx.plan.history(ctx.actor)),

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

  'maintainers.preview': async (ctx, { path }) => previewMaintainersImport(ctx, path ?? 'MAINTAINERS'),

  'maintainers.map': async (ctx, { path }) => maintainersMap(ctx, path ?? 'MAINTAINERS'),

  'people.importAuthors': async (ctx, { limit }) => importAuthors(ctx, limit ?? 20),
};

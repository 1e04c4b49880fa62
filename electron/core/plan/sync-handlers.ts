/** API handlers of the plan's sync through a git remote: sync now, where the clone stands, how often it syncs by itself. */
import type { Channel } from '../../../shared/api';
import { ok } from '../../../shared/result';
import type { Handlers } from '../context';

type SyncChannel = Extract<Channel, 'plan.sync' | 'sync.state' | 'sync.setEvery'>;

export const syncHandlers: Handlers<SyncChannel> = {
  // The merge commit, if one is needed, is signed by whoever asked (a room's browser as the person it chose).
  'plan.sync': async (ctx, { remote }) => ctx.sync.sync(ctx.actor, remote),
  'sync.state': async (ctx) => ok(await ctx.sync.state()),
  'sync.setEvery': async (ctx, { seconds }) => ctx.sync.setEvery(seconds),
};

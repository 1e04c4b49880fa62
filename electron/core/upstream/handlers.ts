/** API handlers of the upstream move (channels in shared/upstream/api.ts). */
import type { Channel } from '../../../shared/api';
import { ok } from '../../../shared/result';
import type { Handlers } from '../context';
import { applyUpstreamMove } from './apply';
import { planUpstreamMove } from './preview';

export const upstreamHandlers: Handlers<Extract<Channel, `upstream.${string}`>> = {
  'upstream.preview': async (ctx, req) => {
    const planned = await planUpstreamMove(ctx, req.to);
    return planned.ok ? ok(planned.value.preview) : planned;
  },
  'upstream.apply': (ctx, req) => applyUpstreamMove(ctx, req.to, req.keep ?? []),
};

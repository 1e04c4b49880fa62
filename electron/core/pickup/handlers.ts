/** API handlers of the pick-up (channels in shared/pickup/api.ts). */
import type { Channel } from '../../../shared/api';
import type { Handlers } from '../context';
import { applyPickup } from './apply';
import { pickupList, setPickupFrom } from './list';

export const pickupHandlers: Handlers<Extract<Channel, `pickup.${string}`>> = {
  'pickup.list': (ctx, req) => pickupList(ctx, req.from),
  'pickup.setFrom': (ctx, req) => setPickupFrom(ctx, req.ref),
  'pickup.apply': (ctx, req) => applyPickup(ctx, req),
};

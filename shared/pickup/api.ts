/** Channels of the pick-up (see shared/api.ts). */
import { z } from 'zod';
import { channel } from '../channel';
import { refSchema } from '../plan/field-rules';
import type { PickupApplied, PickupList } from './model';

const commitText = z.string().regex(/^[0-9a-fA-F]{4,64}$/, 'A commit is given by its id (4 to 64 hex digits).');

export const pickupChannels = {
  /** The pick-up list of the plan's fork ref, or of `from` when given. */
  'pickup.list': channel<PickupList>()(z.object({ from: refSchema.optional() })),
  /** Checks the ref and records it, with where the sprint branch left it, as the plan's fork ref for pick-ups. */
  'pickup.setFrom': channel<{ ref: string; base: string }>()(z.object({ ref: refSchema })),
  /** Picks up every commit that applies, or the ones named, or one card's; stops before a conflict. */
  'pickup.apply': channel<PickupApplied>()(
    z.object({ from: refSchema.optional(), commits: z.array(commitText).max(10000).optional(), card: z.string().min(1).max(200).optional() }),
  ),
} as const;

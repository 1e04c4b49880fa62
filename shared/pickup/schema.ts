/**
 * The pick-up's plan events as zod schemas (types in ./model.ts). Both are engine events: the
 * pick-up service writes `pickup.from` once it has checked the ref against git (and found where
 * the sprint branch left it, the fork base), and `pickup.record` once the picked-up commits are
 * on the sprint branch.
 */
import { z } from 'zod';
import { refSchema } from '../plan/field-rules';

const commitIdSchema = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/);

export const pickupEventSchemas = [
  z.object({
    type: z.literal('pickup.from'),
    /** The fork's live ref as the user typed it (`xen-unstable`, `origin/master`). */
    ref: refSchema,
    /** Where the sprint branch left that ref when it was set: the fork base. */
    base: commitIdSchema,
  }),
  z.object({
    type: z.literal('pickup.record'),
    /** Each fork commit with the sprint commit that brought it in (null: its change was there already). */
    picked: z.array(z.object({ from: commitIdSchema, commit: commitIdSchema.nullable() })).min(1),
  }),
] as const;

export const pickupEventSchema = z.discriminatedUnion('type', pickupEventSchemas);

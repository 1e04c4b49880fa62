/**
 * The upstream move's plan event, as a zod schema: an engine event, written only by
 * `upstream apply` once its merge commit is on the branch; a client never sends one.
 */
import { z } from 'zod';

const commitSchema = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/);

export const upstreamEngineSchemas = [
  z.object({
    type: z.literal('upstream.move'),
    /** The sprint's new upstream ref, as the user named it. */
    upstreamRef: z.string().min(1).max(4096),
    /** The old base, the new upstream's commit and the merge commit that brought it in. */
    from: commitSchema,
    to: commitSchema,
    merge: commitSchema,
  }),
] as const;

export type UpstreamEvent = z.infer<(typeof upstreamEngineSchemas)[number]>;

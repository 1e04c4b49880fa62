/** Channels of the upstream move (see shared/api.ts). */
import { z } from 'zod';
import { channel } from '../channel';
import { commandRules } from '../plan/field-rules';
import type { UpstreamApplied, UpstreamPreview } from './model';

export const upstreamChannels = {
  'upstream.preview': channel<UpstreamPreview>()(z.object({ to: commandRules.ref('new upstream ref') })),
  'upstream.apply': channel<UpstreamApplied>()(
    z.object({
      to: commandRules.ref('new upstream ref'),
      /** Fork copies whose conflicting port the team resolved by hand on the branch: kept as they are. */
      keep: z.array(commandRules.path('fork copy')).max(10000).optional(),
    }),
  ),
} as const;

/** Channels of the upstream move (see shared/api.ts). */
import { z } from 'zod';
import { channel } from '../channel';
import { commandRules } from '../plan/field-rules';
import type { UpstreamApplied, UpstreamPreview } from './model';

export const upstreamChannels = {
  'upstream.preview': channel<UpstreamPreview>()(z.object({ to: commandRules.ref('new upstream ref') })),
  'upstream.apply': channel<UpstreamApplied>()(z.object({ to: commandRules.ref('new upstream ref') })),
} as const;

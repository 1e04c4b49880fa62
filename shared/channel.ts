/**
 * The channel helper, on its own so that the per-feature API files (shared/rename/api.ts,
 * shared/series/api.ts) can declare channels without importing shared/api.ts, which imports them.
 */
import type { z } from 'zod';

/** A channel: its request schema, and its response type carried as a phantom. */
export interface ChannelDef<Req extends z.ZodType, Res> {
  request: Req;
  response?: Res;
}

export const channel =
  <Res>() =>
  <Req extends z.ZodType>(request: Req): ChannelDef<Req, Res> => ({ request });

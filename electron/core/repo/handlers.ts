/** API handlers of the open repository itself. Opening another one is the host's (host/entries). */
import type { Channel } from '../../../shared/api';
import { ok } from '../../../shared/result';
import type { Handlers } from '../context';
import { repoSummary } from './summary';

export const repoHandlers: Handlers<Extract<Channel, 'repo.summary'>> = {
  'repo.summary': async (ctx) => ok(await repoSummary(ctx)),
};

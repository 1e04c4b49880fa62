/** Every feature's handler table, composed once; the compiler checks that together they answer every channel a host does not. */
import type { Channel } from '../../../shared/api';
import { buildHandlers } from '../builds/handlers';
import type { Handlers } from '../context';
import { inventoryHandlers } from '../inventory/handlers';
import { pickupHandlers } from '../pickup/handlers';
import { planHandlers } from '../plan/handlers';
import { renameHandlers } from '../rename/handlers';
import { repoHandlers } from '../repo/handlers';
import { seriesHandlers } from '../series/handlers';
import { syncHandlers } from '../plan/sync-handlers';
import { upstreamHandlers } from '../upstream/handlers';
import { teamHandlers } from '../team/handlers';

/** Answered by the host itself: which repository a caller sees is the host's to know. */
export type HostChannel = Extract<Channel, 'app.info' | 'repo.open' | 'repo.openDemo'>;

export const featureHandlers: Handlers<Exclude<Channel, HostChannel>> = {
  ...repoHandlers,
  ...inventoryHandlers,
  ...planHandlers,
  ...renameHandlers,
  ...buildHandlers,
  ...seriesHandlers,
  ...syncHandlers,
  ...upstreamHandlers,
  ...teamHandlers,
  ...pickupHandlers,
};

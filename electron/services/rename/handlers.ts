/** API handlers of the rename plan (channels in shared/rename/api.ts). */
import type { Handlers } from '../context';
import type { renameChannels } from '../../../shared/rename/api';

export const renameHandlers: Handlers<keyof typeof renameChannels> = {};

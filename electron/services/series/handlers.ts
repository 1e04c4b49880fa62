/** API handlers of the patch series (channels in shared/series/api.ts). */
import type { Handlers } from '../context';
import type { seriesChannels } from '../../../shared/series/api';

export const seriesHandlers: Handlers<keyof typeof seriesChannels> = {};

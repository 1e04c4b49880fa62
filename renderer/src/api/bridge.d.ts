/**
 * What Electron's preload exposes as `window.mergeSprint` (contextBridge): one function per API
 * channel and a push subscription. Absent when the page is served by the room server.
 */
import type { Channel, Push, Req, Res } from '../../../shared/api';
import type { Result } from '../../../shared/result';

export type BridgeApi = { [C in Channel]: (request: Req<C>) => Promise<Result<Res<C>>> };

export interface MergeSprintBridge {
  api: BridgeApi;
  /** Calls the listener for every push; returns the unsubscribe function. */
  onPush(listener: (push: Push) => void): () => void;
}

declare global {
  interface Window {
    mergeSprint?: MergeSprintBridge;
  }
}

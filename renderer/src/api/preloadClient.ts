/** `ApiClient` over Electron's preload bridge (`window.mergeSprint`). */
import type { Channel, Req, Res } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import type { MergeSprintBridge } from './bridge';
import { transportError, type RendererClient } from './client';

export function electronClient(bridge: MergeSprintBridge | undefined = window.mergeSprint): RendererClient {
  if (!bridge) throw new Error('electronClient() needs window.mergeSprint, which only the Electron preload provides.');
  return {
    async call<C extends Channel>(channel: C, request: Req<C>): Promise<Result<Res<C>>> {
      const fn = bridge.api[channel] as ((r: Req<C>) => Promise<Result<Res<C>>>) | undefined;
      if (!fn) return transportError(`The app does not offer "${channel}": update Merge Sprint so both sides match.`);
      try {
        return await fn(request);
      } catch (err) {
        // The preload returns errors as values; a throw means the IPC channel itself broke.
        return transportError(`The main process did not answer "${channel}": ${err instanceof Error ? err.message : String(err)}. Restart the app.`);
      }
    },
    subscribe: (listener) => bridge.onPush(listener),
    // IPC is up for as long as the window lives.
    onConnection(listener) {
      listener('open');
      return () => {};
    },
  };
}

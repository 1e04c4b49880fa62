/** Picks the transport: Electron's preload bridge when present, else the room server the page came from. */
import { createActorChoice } from './actor';
import { electronClient } from './preloadClient';
import { httpClient } from './http';
import { stripJoinToken } from './token';
import type { RendererClient } from './client';

export type { RendererClient, ConnectionState } from './client';
export { electronClient, httpClient, stripJoinToken };
export type { ChosenActor } from './actor';

/** Who this browser acts as in the room (the header's "I am …"); unused in Electron. */
export const actorChoice = createActorChoice();

export function createClient(): RendererClient {
  if (window.mergeSprint) return electronClient(window.mergeSprint);
  stripJoinToken({ href: window.location.href, replaceUrl: (url) => window.history.replaceState(window.history.state, '', url) });
  return httpClient(window.location.origin, { actor: { get: () => actorChoice.get()?.actor ?? null, subscribe: actorChoice.subscribe } });
}

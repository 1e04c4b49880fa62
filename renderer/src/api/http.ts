/**
 * `ApiClient` over the room server: `POST /api/<channel>` answers a JSON `Result`; pushes come
 * over one WebSocket at `/api/push`, reopened after a drop for as long as someone listens. The
 * join token travels in the cookie the page's first load set. Who acts is told to the server
 * whenever the choice changes (actor.ts), and every call waits until the server knows it.
 */
import type { Channel, Push, Req, Res } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import { transportError, type ConnectionState, type RendererClient } from './client';
import type { Actor } from '../../../shared/model';
import { SESSION_PATH } from './actor';

/** The person this browser chose, as the client watches it. */
export interface ActorSource {
  get(): Actor | null;
  /** Calls the listener after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface HttpClientOptions {
  /** Who acts; told to the server on every change and after the push socket reconnects. */
  actor?: ActorSource;
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
  /** Delays before each reconnection attempt, in ms; the last one repeats. */
  retryDelaysMs?: number[];
}

const isResult = (v: unknown): v is Result<unknown> =>
  typeof v === 'object' && v !== null && 'ok' in v && typeof (v as { ok: unknown }).ok === 'boolean';

export function pushUrl(baseUrl: string): string {
  const url = new URL('/api/push', baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

const unreachable = (baseUrl: string, err: unknown) =>
  transportError(`Could not reach the room server at ${baseUrl} (${err instanceof Error ? err.message : String(err)}). Check that \`merge-sprint serve\` is still running.`);

export function httpClient(baseUrl: string, options: HttpClientOptions = {}): RendererClient {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const delays = options.retryDelaysMs ?? [250, 500, 1000, 2000, 4000];

  // The choice last told to the server (undefined: none yet), and the telling in progress.
  let told: Actor | null | undefined;
  let telling: Promise<unknown> = Promise.resolve();
  const tell = (force: boolean) => {
    const actor = options.actor?.get() ?? null;
    if (!force && told !== undefined && told?.name === actor?.name && told?.email === actor?.email) return;
    told = actor;
    const body = JSON.stringify({ actor: actor ? { name: actor.name, email: actor.email } : null });
    telling = telling.then(() =>
      doFetch(new URL(SESSION_PATH, baseUrl).href, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).catch(() => undefined),
    );
  };
  options.actor?.subscribe(() => tell(false));
  if (options.actor?.get()) tell(false);

  const pushListeners = new Set<(push: Push) => void>();
  const connListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'closed';
  let socket: WebSocket | null = null;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const l of connListeners) l(next);
  };

  const connect = () => {
    retryTimer = null;
    if (socket || pushListeners.size === 0) return;
    setState('connecting');
    const Socket = options.WebSocket ?? WebSocket;
    const ws = new Socket(pushUrl(baseUrl));
    socket = ws;
    const reconnecting = attempt > 0;
    ws.onopen = () => {
      attempt = 0;
      // A server that restarted forgot who this browser is.
      if (reconnecting && told) tell(true);
      setState('open');
    };
    ws.onmessage = (ev: MessageEvent) => {
      if (typeof ev.data !== 'string') return;
      let push: Push;
      try {
        push = JSON.parse(ev.data) as Push;
      } catch {
        return;
      }
      for (const l of pushListeners) l(push);
    };
    ws.onclose = () => {
      socket = null;
      setState('closed');
      if (pushListeners.size === 0) return;
      const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1000;
      attempt += 1;
      retryTimer = setTimeout(connect, delay);
    };
  };

  const disconnectIfIdle = () => {
    if (pushListeners.size > 0) return;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const ws = socket;
    socket = null;
    ws?.close();
    setState('closed');
  };

  return {
    async call<C extends Channel>(channel: C, request: Req<C>): Promise<Result<Res<C>>> {
      // A change made just after choosing who you are must reach the server after the choice.
      await telling;
      let response: Response;
      try {
        response = await doFetch(new URL(`/api/${channel}`, baseUrl).href, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
      } catch (err) {
        return unreachable(baseUrl, err);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return transportError(`The room server answered "${channel}" with HTTP ${response.status} and no readable result. Check the server's log.`);
      }
      if (isResult(body)) return body as Result<Res<C>>;
      return transportError(`The room server answered "${channel}" with something that is not a result (HTTP ${response.status}).`);
    },
    subscribe(listener) {
      pushListeners.add(listener);
      connect();
      return () => {
        pushListeners.delete(listener);
        disconnectIfIdle();
      };
    },
    onConnection(listener) {
      connListeners.add(listener);
      listener(state);
      return () => {
        connListeners.delete(listener);
      };
    },
  };
}

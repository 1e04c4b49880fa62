/**
 * `ApiClient` over the room server: `POST /api/<channel>` answers a JSON `Result`; pushes come
 * over one WebSocket at `/api/push`, reopened after a drop for as long as someone listens.
 * Every POST carries the join token and, once chosen, who acts (actor.ts).
 */
import type { Channel, Push, Req, Res } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import { transportError, type ConnectionState, type RendererClient } from './client';
import type { Actor } from '../../../shared/model';
import { ACTOR_HEADER, encodeActorHeader } from './actor';
import { TOKEN_HEADER } from './token';

export interface HttpClientOptions {
  token?: string | null;
  /** Who acts, asked on every call (the choice can change at any time); null: the server's git user. */
  actor?: () => Actor | null;
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
  /** Delays before each reconnection attempt, in ms; the last one repeats. */
  retryDelaysMs?: number[];
}

const isResult = (v: unknown): v is Result<unknown> =>
  typeof v === 'object' && v !== null && 'ok' in v && typeof (v as { ok: unknown }).ok === 'boolean';

export function pushUrl(baseUrl: string, token: string | null | undefined): string {
  const url = new URL('/api/push', baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (token) url.searchParams.set('token', token);
  return url.href;
}

export function httpClient(baseUrl: string, options: HttpClientOptions = {}): RendererClient {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const delays = options.retryDelaysMs ?? [250, 500, 1000, 2000, 4000];
  const token = options.token ?? null;

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
    const ws = new Socket(pushUrl(baseUrl, token));
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
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
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers[TOKEN_HEADER] = token;
      const actor = options.actor?.() ?? null;
      if (actor) headers[ACTOR_HEADER] = encodeActorHeader(actor);
      let response: Response;
      try {
        response = await doFetch(new URL(`/api/${channel}`, baseUrl).href, { method: 'POST', headers, body: JSON.stringify(request) });
      } catch (err) {
        return transportError(
          `Could not reach the room server at ${baseUrl} (${err instanceof Error ? err.message : String(err)}). Check that \`merge-sprint serve\` is still running.`,
        );
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

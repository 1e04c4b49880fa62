/**
 * The push socket at /api/push: every open board gets each Push as one JSON message. The
 * handshake passes the same Host/Origin checks as a POST, and presents the join token as a POST
 * does (the page's cookie, or the header), or as `?token=` for clients that can set neither.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Push } from '../../../shared/api';
import { presentedToken, refuseCrossSite, TOKEN_HEADER, tokenMatches, type GuardSettings } from './guard';

export const PUSH_PATH = '/api/push';

/** Who opened a socket: the session its cookie names (server/actor.ts), read at the handshake. */
export interface PushHubOptions {
  sessionOf?(cookieHeader: string | undefined): string | undefined;
  /** Called when a board opens or closes its socket. */
  onMembers?(): void;
}

export interface PushHub {
  /** Handles an HTTP upgrade; refuses anything but an allowed handshake on PUSH_PATH. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  broadcast(push: Push): void;
  /** How many boards are listening. */
  size(): number;
  /** The session of each open socket (undefined for one without a session). */
  sessions(): Array<string | undefined>;
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: number, reason: string): void {
  const body = JSON.stringify({ ok: false, error: { code: 'refused', message: reason } });
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Forbidden'}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function createPushHub(settings: GuardSettings, opts: PushHubOptions = {}): PushHub {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const clients = new Map<WebSocket, string | undefined>();
  const leave = (ws: WebSocket): void => {
    if (clients.delete(ws)) opts.onMembers?.();
  };
  // Boards only listen; a message from one is ignored rather than trusted.
  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const cookie = req.headers.cookie;
    clients.set(ws, opts.sessionOf?.(Array.isArray(cookie) ? cookie[0] : cookie));
    ws.on('close', () => leave(ws));
    ws.on('error', () => leave(ws));
    opts.onMembers?.();
  });

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://placeholder');
      if (url.pathname !== PUSH_PATH) return refuse(socket, 404, `Nothing listens at ${url.pathname}; the push socket is ${PUSH_PATH}.`);
      const header = (name: string): string | undefined => {
        const v = req.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      const crossSite = refuseCrossSite(
        { method: 'UPGRADE', host: header('host'), origin: header('origin'), secFetchSite: header('sec-fetch-site') },
        settings,
      );
      if (crossSite) return refuse(socket, 403, crossSite);
      const presented = presentedToken({ token: header(TOKEN_HEADER), cookie: header('cookie') }, settings.port) ?? url.searchParams.get('token');
      if (!tokenMatches(presented, settings.token)) {
        return refuse(socket, 401, 'This board needs its join token: open the address the room server printed (it ends in ?token=…).');
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    broadcast(push) {
      const message = JSON.stringify(push);
      for (const ws of clients.keys()) if (ws.readyState === ws.OPEN) ws.send(message);
    },
    size: () => clients.size,
    sessions: () => [...clients.values()],
    close() {
      for (const ws of clients.keys()) ws.close(1001, 'The room server is shutting down.');
      clients.clear();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}

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

export interface PushHub {
  /** Handles an HTTP upgrade; refuses anything but an allowed handshake on PUSH_PATH. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  broadcast(push: Push): void;
  /** How many boards are listening. */
  size(): number;
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: number, reason: string): void {
  const body = JSON.stringify({ ok: false, error: { code: 'refused', message: reason } });
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Forbidden'}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function createPushHub(settings: GuardSettings): PushHub {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const clients = new Set<WebSocket>();
  // Boards only listen; a message from one is ignored rather than trusted.
  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('error', () => clients.delete(ws));
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
      for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(message);
    },
    size: () => clients.size,
    close() {
      for (const ws of clients) ws.close(1001, 'The room server is shutting down.');
      clients.clear();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}

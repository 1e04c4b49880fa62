/**
 * The room server (`merge-sprint serve`): the same board and API as the Electron window, for any
 * browser in the room. `POST /api/<channel>` answers a JSON Result; `/api/push` is a WebSocket
 * of pushes. Every request, on every address (loopback included, since any process on this
 * computer can reach a loopback port), needs the join token the printed address carries.
 * Its browsers are room clients (shared/access.ts): they change the board as the person they
 * chose (`POST /api/session`, see actor.ts), and run the repository's named operations only
 * when the organiser allowed it (`allowRepoChanges`).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Actor } from '../../../shared/model';
import { fail, ok, type AppError, type Result } from '../../../shared/result';
import { oneRepositoryHost } from '../host/one-repository';
import { openRepoServices } from '../host/services';
import { createActorSessions, describeChoice, OLD_ACTOR_HEADER, OLD_ACTOR_HEADER_REFUSED, parseActorChoice, SESSION_PATH, sessionCookie, sessionCookieName } from './actor';
import { cookieValue, isLoopback, newToken, presentedToken, refuseCrossSite, securityHeaders, tokenCookie, TOKEN_HEADER, tokenMatches } from './guard';
import { createPushHub, PUSH_PATH, type PushHub } from './push-hub';
import { presenceOf } from './presence';

export interface RoomServerOptions {
  repo: string;
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1 (this computer only). */
  host?: string;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** The join token to require (tests); default: a new random one. */
  token?: string;
  /** Whether browsers may run the repository's named operations (copies, builds, series checks). */
  allowRepoChanges?: boolean;
  /** The server's git identity, which signs only what the owner does (recovery on opening). */
  actor?: Actor;
  /** Seconds between automatic syncs of the plan with the clone's remote (`--sync-every`). */
  syncEvery?: number;
  /** Where the server says who joined as whom; default: nowhere. */
  log?: (line: string) => void;
}

export interface RoomServer {
  /** The address to open, with its `?token=`. */
  url: string;
  /** Other addresses of this machine the board is reachable at (when bound to all interfaces). */
  otherUrls: string[];
  token: string;
  port: number;
  close(): Promise<void>;
}

/** A failure to start, with a message for the user (port taken, address not ours...). */
export class RoomServerError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'RoomServerError';
  }
}

const header = (req: FastifyRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function listenFailure(error: unknown, host: string, port: number): AppError {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return { code: 'refused', message: `Port ${port} on ${host} is already in use: stop the other server or choose another port with --port.` };
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return { code: 'bad-input', message: `${host} is not an address of this computer: use 127.0.0.1, 0.0.0.0 or one of its own addresses.` };
  if (code === 'EACCES') return { code: 'refused', message: `Port ${port} needs administrator rights: choose a port above 1024 with --port.` };
  return { code: 'internal', message: `The room server could not listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}` };
}

const hostInUrl = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/** Addresses to print: the bound one, or for a wildcard bind this machine's external IPv4 addresses. */
function addressesFor(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  const found: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) if (!a.internal && a.family === 'IPv4') found.push(a.address);
  return found.length > 0 ? found : [os.hostname()];
}

const NEEDS_TOKEN = 'This board needs its join token: open the address the room server printed (it ends in ?token=…).';

const needsTokenPage = `<!doctype html><meta charset="utf-8"><title>Merge Sprint</title>
<p>${NEEDS_TOKEN.replace('…', '&hellip;')}</p>`;

/** A request body as JSON, or a Result error in words. */
function parseBody(body: unknown): Result<unknown> {
  const text = typeof body === 'string' ? body : '';
  if (text.trim() === '') return ok({});
  try {
    return ok(JSON.parse(text));
  } catch (error) {
    return fail('bad-input', `The request body is not valid JSON (${error instanceof Error ? error.message : 'parse error'}): send a JSON object.`);
  }
}

const notBuiltPage = `<!doctype html><meta charset="utf-8"><title>Merge Sprint</title>
<p>The board is not built yet: run <code>npm run build</code> in the project folder, then reload.</p>`;

export async function startRoomServer(opts: RoomServerOptions): Promise<RoomServer> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? newToken();
  const allowRepoChanges = opts.allowRepoChanges ?? false;
  const log = opts.log ?? (() => undefined);
  const opened = await openRepoServices(opts.repo, { ...(opts.actor ? { actor: opts.actor } : {}), ...(opts.syncEvery === undefined ? {} : { syncEvery: opts.syncEvery }) });
  if (!opened.ok) throw new RoomServerError(opened.error);
  const ctx = opened.value;
  // The guard needs the real port, known only after listen; requests cannot arrive before that.
  const settings = { port: opts.port, token, loopbackOnly: isLoopback(host) };
  const sessions = createActorSessions();
  const sessionOf = (req: FastifyRequest): string | undefined => cookieValue(header(req, 'cookie'), sessionCookieName(settings.port));
  // Who is in the room: the boards with an open socket, by the person each session chose.
  let hub: PushHub | null = null;
  const tellPresence = (): void => {
    if (hub) hub.broadcast({ type: 'presence', presence: presenceOf(hub.sessions().map((id) => sessions.actorOf(id))) });
  };
  hub = createPushHub(settings, { sessionOf: (cookie) => cookieValue(cookie, sessionCookieName(settings.port)), onMembers: tellPresence });
  const pushes = hub;
  const unsubscribe = ctx.subscribe((push) => pushes.broadcast(push));

  const app = fastify({ logger: false, bodyLimit: 4 * 1024 * 1024 });
  // Bodies are parsed here, not by fastify, so bad JSON is answered as a Result like any error.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  const deny = (reply: FastifyReply, status: number, code: AppError['code'], message: string): FastifyReply =>
    reply.code(status).type('application/json').send(fail(code, message));

  app.addHook('onRequest', async (req, reply) => {
    reply.headers(securityHeaders(header(req, 'host')));
    const refused = refuseCrossSite(
      { method: req.method, host: header(req, 'host'), origin: header(req, 'origin'), secFetchSite: header(req, 'sec-fetch-site') },
      settings,
    );
    if (refused) return deny(reply, 403, 'refused', refused);
    if (tokenMatches(presentedToken({ token: header(req, TOKEN_HEADER), cookie: header(req, 'cookie') }, settings.port), token)) return undefined;
    const url = new URL(req.url, 'http://placeholder');
    const isPage = !url.pathname.startsWith('/api/') && (req.method === 'GET' || req.method === 'HEAD');
    // The page's first load brings the token in the address; the cookie then carries it for
    // the page's assets, its API calls and its push socket.
    if (isPage && tokenMatches(url.searchParams.get('token'), token)) {
      // A session from the first load on (choosing nobody yet), so the board's push socket and
      // its later "Who are you?" share one: the room's presence then shows the name it chooses.
      const session = sessionOf(req) ?? sessions.choose(undefined, null).id;
      reply.header('set-cookie', [tokenCookie(token, settings.port), sessionCookie(session, settings.port)]);
      return undefined;
    }
    if (isPage) return reply.code(401).type('text/html; charset=utf-8').send(needsTokenPage);
    return deny(reply, 401, 'refused', `${NEEDS_TOKEN} A script sends the token as the X-Merge-Sprint-Token header.`);
  });

  app.post(SESSION_PATH, async (req, reply) => {
    const body = parseBody(req.body);
    if (!body.ok) return reply.code(400).type('application/json').send(body);
    const actor = parseActorChoice(body.value);
    if (!actor.ok) return reply.code(400).type('application/json').send(actor);
    const choice = sessions.choose(sessionOf(req), actor.value);
    const line = describeChoice(choice, actor.value);
    if (line) log(line);
    if (choice.changed) tellPresence();
    reply.header('set-cookie', sessionCookie(choice.id, settings.port));
    return reply.type('application/json').send(ok({ actor: actor.value }));
  });

  app.post('/api/:channel', async (req, reply) => {
    const { channel } = req.params as { channel: string };
    // Who acts is the session's choice; a request naming someone itself is refused, not believed.
    if (req.headers[OLD_ACTOR_HEADER] !== undefined) return deny(reply, 400, 'bad-input', OLD_ACTOR_HEADER_REFUSED);
    const client = { kind: 'room', allowRepoChanges, actor: sessions.actorOf(sessionOf(req)) } as const;
    const request = parseBody(req.body);
    if (!request.ok) return reply.type('application/json').send(request);
    return reply.type('application/json').send(await oneRepositoryHost.call({ services: ctx, client }, channel, request.value));
  });
  app.all('/api/*', async (req, reply) => {
    if (req.method !== 'POST' && new URL(req.url, 'http://placeholder').pathname !== PUSH_PATH) {
      return deny(reply, 405, 'bad-input', `Call the API with POST /api/<channel> and a JSON body (got ${req.method}).`);
    }
    return deny(reply, 404, 'not-found', `Nothing answers ${req.url.split('?')[0]}: the API is POST /api/<channel>, pushes come from the WebSocket ${PUSH_PATH}.`);
  });

  if (existsSync(path.join(opts.staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.resolve(opts.staticDir), index: ['index.html'], wildcard: true });
  } else {
    app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(notBuiltPage));
  }
  app.setErrorHandler(async (error, _req, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    const code: AppError['code'] = status === 413 ? 'bad-input' : status < 500 ? 'bad-input' : 'internal';
    return reply.code(status).type('application/json').send(fail(code, status === 413 ? 'The request is too large.' : (error as Error).message));
  });
  app.server.on('upgrade', (req, socket, head) => pushes.handleUpgrade(req, socket, head));

  try {
    await app.listen({ port: opts.port, host });
  } catch (error) {
    unsubscribe();
    ctx.dispose();
    await app.close().catch(() => undefined);
    throw new RoomServerError(listenFailure(error, host, opts.port));
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  settings.port = port;
  const urls = addressesFor(host).map((h) => `http://${hostInUrl(h)}:${port}/?token=${token}`);

  let closing: Promise<void> | null = null;
  return {
    url: urls[0] ?? `http://${hostInUrl(host)}:${port}/?token=${token}`,
    otherUrls: urls.slice(1),
    token,
    port,
    close() {
      closing ??= (async () => {
        unsubscribe();
        await pushes.close();
        await app.close();
        ctx.dispose();
      })();
      return closing;
    },
  };
}

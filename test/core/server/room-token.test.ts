/**
 * The join token, on every address: 127.0.0.1 included (any process on this computer can reach
 * a loopback port), and 127.0.0.2 when this machine lets a process bind there. The printed
 * address carries it; opening it sets an HttpOnly, SameSite=Strict cookie named after the port;
 * the page's assets, its API calls and its push socket need the cookie or the header, and get
 * 401 and words without it.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startRoomServer, type RoomServer } from '../../../electron/core/server/room';
import { cleanup } from '../../helpers/repo';
import { makeForkRepo } from '../cli/core-helpers';
import { fakeBoardDir, newBrowser, openBoard, setCookies } from './room-browser';

let repo: string;
let staticDir: string;
const servers: RoomServer[] = [];

function wsStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(0));
  });
}

function canBind(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(0, host, () => probe.close(() => resolve(true)));
  });
}

async function start(host?: string): Promise<RoomServer> {
  const server = await startRoomServer({ repo, port: 0, staticDir, ...(host ? { host } : {}) });
  servers.push(server);
  return server;
}

beforeAll(() => {
  repo = makeForkRepo();
  staticDir = fakeBoardDir();
});
afterAll(async () => {
  for (const s of servers) await s.close();
  cleanup(repo, staticDir);
});

async function expectTokenRequired(server: RoomServer, host: string): Promise<void> {
  const { token } = server;
  const base = `http://${host}:${server.port}`;
  expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  expect(server.url).toBe(`${base}/?token=${token}`);

  // Without anything: the API, the page, an asset and the push socket are all refused.
  const stranger = newBrowser(base);
  const without = await stranger.call('app.info');
  expect(without.status).toBe(401);
  expect(without.json).toMatchObject({ ok: false, error: { code: 'refused' } });
  expect(!without.json.ok && without.json.error.message).toMatch(/join token.*\?token=/);
  const page = await stranger.get('/');
  expect(page.status).toBe(401);
  expect(await page.text()).toMatch(/needs its join token/);
  expect((await stranger.get('/app.js')).status).toBe(401);
  expect((await stranger.get(`/?token=${token}x`)).status).toBe(401);
  expect(stranger.cookies.size).toBe(0);
  expect(await wsStatus(`ws://${host}:${server.port}/api/push`)).toBe(401);

  // A script: the header.
  expect((await stranger.call('app.info', {}, { 'x-merge-sprint-token': `${token}x` })).status).toBe(401);
  const scripted = await stranger.call('app.info', {}, { 'x-merge-sprint-token': token });
  expect(scripted.status).toBe(200);
  expect(scripted.json).toMatchObject({ ok: true, value: { mode: 'room', canOpen: false } });

  // A browser: the printed address once, then the cookie it set.
  const opened = await fetch(server.url);
  expect(opened.status).toBe(200);
  // The token's cookie, and a session (nobody chosen yet) that the board's push socket and its "Who are you?" share.
  const [cookie, session, ...others] = setCookies(opened);
  expect(others).toEqual([]);
  expect(session?.name).toMatch(/^merge-sprint-session-/);
  expect(session?.attributes).toMatch(/HttpOnly/);
  expect(cookie?.value).toBe(token);
  expect(cookie?.name).toContain(String(server.port));
  expect(cookie?.attributes).toMatch(/HttpOnly/);
  expect(cookie?.attributes).toMatch(/SameSite=Strict/);
  expect(cookie?.attributes).not.toMatch(/Domain/i);

  const browser = await openBoard(server);
  expect((await browser.get('/app.js')).status).toBe(200);
  expect((await browser.get('/')).status).toBe(200);
  const info = await browser.call('app.info');
  expect(info.status).toBe(200);
  expect(info.json.ok).toBe(true);
  expect(await wsStatus(`ws://${host}:${server.port}/api/push`, { cookie: browser.cookieHeader() })).toBe(101);
  expect(await wsStatus(`ws://${host}:${server.port}/api/push`, { cookie: `${cookie?.name}=nope` })).toBe(401);
}

describe('join token', () => {
  it('is required on 127.0.0.1, the default address', async () => {
    await expectTokenRequired(await start(), '127.0.0.1');
  });

  it('is required on another address too', async (t) => {
    if (!(await canBind('127.0.0.2'))) return t.skip();
    await expectTokenRequired(await start('127.0.0.2'), '127.0.0.2');
  });

  it('is new for every server, and one room\'s cookie opens nothing in another on the same host', async () => {
    const [a, b] = [await start(), await start()];
    expect(a.token).not.toBe(b.token);
    const inA = await openBoard(a);
    const res = await fetch(`http://127.0.0.1:${b.port}/api/app.info`, { method: 'POST', body: '{}', headers: { cookie: inA.cookieHeader() } });
    expect(res.status).toBe(401);
    // And opening both keeps both cookies apart, as a browser keeps one per name.
    const inB = await openBoard(b);
    expect([...inA.cookies.keys()]).not.toEqual([...inB.cookies.keys()]);
  });
});

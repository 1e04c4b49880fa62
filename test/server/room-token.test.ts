/**
 * The join token: with one, every API call, the page and the push socket need it; without it
 * they get 401 and a Result error. Tested on 127.0.0.1 with the token forced on, and on
 * 127.0.0.2 (another address, where the server makes a token by itself) when this machine
 * lets a process bind there.
 */
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startRoomServer, type RoomServer } from '../../electron/server/room';
import { cleanup, tempDir } from '../helpers/repo';
import { makeForkRepo } from '../cli/core-helpers';

let repo: string;
let staticDir: string;
const servers: RoomServer[] = [];

function wsStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
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

beforeAll(() => {
  repo = makeForkRepo();
  staticDir = tempDir();
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>board</title>');
  writeFileSync(path.join(staticDir, 'app.js'), 'console.log(1);');
});
afterAll(async () => {
  for (const s of servers) await s.close();
  cleanup(repo, staticDir);
});

async function expectTokenRequired(server: RoomServer, host: string): Promise<void> {
  const token = server.token;
  if (!token) throw new Error('the server has no token');
  const base = `http://${host}:${server.port}`;
  expect(server.url).toBe(`${base}/?token=${token}`);

  const without = await fetch(`${base}/api/app.info`, { method: 'POST', body: '{}' });
  expect(without.status).toBe(401);
  expect(await without.json()).toMatchObject({ ok: false, error: { code: 'refused' } });
  const wrong = await fetch(`${base}/api/app.info`, { method: 'POST', body: '{}', headers: { 'x-merge-sprint-token': `${token}x` } });
  expect(wrong.status).toBe(401);
  const withToken = await fetch(`${base}/api/app.info`, { method: 'POST', body: '{}', headers: { 'x-merge-sprint-token': token } });
  expect(withToken.status).toBe(200);
  expect(await withToken.json()).toMatchObject({ ok: true, value: { mode: 'room', canOpen: false } });

  expect((await fetch(`${base}/`)).status).toBe(401);
  const page = await fetch(`${base}/?token=${token}`);
  expect(page.status).toBe(200);
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(page.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  // The page's script loads carry the cookie the page set, not the token.
  expect((await fetch(`${base}/app.js`, { headers: { cookie } })).status).toBe(200);
  expect((await fetch(`${base}/app.js`)).status).toBe(401);
  // The cookie does not stand in for the header on the API.
  expect((await fetch(`${base}/api/app.info`, { method: 'POST', body: '{}', headers: { cookie } })).status).toBe(401);

  expect(await wsStatus(`ws://${host}:${server.port}/api/push`)).toBe(401);
  expect(await wsStatus(`ws://${host}:${server.port}/api/push?token=nope`)).toBe(401);
  expect(await wsStatus(`ws://${host}:${server.port}/api/push?token=${token}`)).toBe(101);
}

describe('join token', () => {
  it('is required on 127.0.0.1 when forced on', async () => {
    const server = await startRoomServer({ repo, port: 0, staticDir, token: true });
    servers.push(server);
    await expectTokenRequired(server, '127.0.0.1');
  });

  it('is made and required on any address but the loopback default', async (t) => {
    if (!(await canBind('127.0.0.2'))) return t.skip();
    const server = await startRoomServer({ repo, port: 0, staticDir, host: '127.0.0.2' });
    servers.push(server);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await expectTokenRequired(server, '127.0.0.2');
  });

  it('is not needed on 127.0.0.1 by default', async () => {
    const server = await startRoomServer({ repo, port: 0, staticDir });
    servers.push(server);
    expect(server.token).toBeNull();
    const res = await fetch(`http://127.0.0.1:${server.port}/api/app.info`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
  });
});

/**
 * The real room server on a free port, over real HTTP and WebSocket, as a browser that opened
 * the printed address uses it (with the token's cookie): the API answers Results, pushes arrive
 * after a change made here and after one made by another process (the CLI), and the security
 * headers and cross-site refusals are in place.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { PlanSnapshot, Push } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import { RoomServerError, startRoomServer, type RoomServer } from '../../../electron/core/server/room';
import { cleanup, tempDir } from '../../helpers/repo';
import { makeForkRepo, runCli } from '../cli/core-helpers';
import { openBoard, type RoomBrowser } from './room-browser';

let repo: string;
let staticDir: string;
let server: RoomServer;
let base: string;
let browser: RoomBrowser;

async function post(channel: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: Result<unknown>; headers: Headers }> {
  const res = await fetch(`${base}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: browser.cookieHeader(), ...headers }, body });
  return { status: res.status, json: (await res.json()) as Result<unknown>, headers: res.headers };
}

/** A POST with exactly the headers given (fetch would fix Host itself). */
function rawPost(pathname: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: pathname, method: 'POST', headers: { cookie: browser.cookieHeader(), ...headers, 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

/** Opens the push socket and resolves the next push matching `accept`. */
function openPushSocket(url: string, headers: Record<string, string> = {}): Promise<{ ws: WebSocket; next(accept: (p: Push) => boolean): Promise<Push> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { cookie: browser.cookieHeader(), ...headers } });
    const waiting: Array<{ accept: (p: Push) => boolean; done: (p: Push) => void }> = [];
    ws.on('message', (data) => {
      const push = JSON.parse(String(data)) as Push;
      const i = waiting.findIndex((w) => w.accept(push));
      if (i >= 0) waiting.splice(i, 1)[0]?.done(push);
    });
    ws.on('open', () => resolve({ ws, next: (accept) => new Promise((done) => waiting.push({ accept, done })) }));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

beforeAll(async () => {
  repo = makeForkRepo();
  staticDir = tempDir();
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>board</title><script type="module" src="./app.js"></script>');
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'app.js'), 'console.log(1);');
  const init = await runCli(['init', '--repo', repo, '--upstream', 'v1', '--fork', 'fork', '--pair', 'xen/i386=arch/i386']);
  expect(init.code).toBe(0);
  expect((await runCli(['people', 'add', '--repo', repo, '--name', 'Ian Pratt'])).code).toBe(0);
  server = await startRoomServer({ repo, port: 0, staticDir });
  base = `http://127.0.0.1:${server.port}`;
  browser = await openBoard(server);
  expect((await browser.choose({ name: 'Ian Pratt', email: '' })).json.ok).toBe(true);
});
afterAll(async () => {
  await server?.close();
  cleanup(repo, staticDir);
});

describe('the API over HTTP', () => {
  it('answers a channel with a Result', async () => {
    const res = await post('plan.get', '{}');
    expect(res.status).toBe(200);
    expect(res.json.ok).toBe(true);
    const snapshot = (res.json as { ok: true; value: PlanSnapshot }).value;
    expect(snapshot.plan.sprint?.forkRef).toBe('fork');
    // The plan and its feed only: a board derives the files in no subsystem from its inventory.
    expect(Object.keys(snapshot).sort()).toEqual(['activity', 'plan']);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
  });

  it('answers bad JSON, an unknown channel and an invalid request as Result errors', async () => {
    const bad = await post('plan.get', '{"oops":');
    expect(bad.status).toBe(200);
    expect(bad.json).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect((bad.json as { ok: false; error: { message: string } }).error.message).toMatch(/not valid JSON/);

    const unknown = await post('plan.nothing', '{}');
    expect(unknown.json).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect((unknown.json as { ok: false; error: { message: string } }).error.message).toMatch(/no API call named "plan\.nothing"/);

    const invalid = await post('sprint.init', JSON.stringify({ forkRef: 'fork', pairings: [{ fork: 3, upstream: 'arch/i386' }] }));
    expect(invalid.json).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const message = (invalid.json as { ok: false; error: { message: string } }).error.message;
    expect(message).toMatch(/upstreamRef is missing/);
    expect(message).toMatch(/pairings\[0\]\.fork: expected string/);
  });

  it('refuses other methods on the API', async () => {
    const res = await browser.get('/api/plan.get');
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({ ok: false });
  });

  it('serves the board with a strict CSP, nosniff and no referrer', async () => {
    const res = await browser.get('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>board</title>');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain(`ws://127.0.0.1:${server.port}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await post('plan.get', '{}')).headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('refuses a cross-origin POST and a rebound Host name', async () => {
    const cross = await post('plan.get', '{}', { origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
    expect(cross.json).toMatchObject({ ok: false, error: { code: 'refused' } });
    // fetch will not send a Host of our choosing; a page whose name was rebound to 127.0.0.1 does.
    const rebound = await rawPost(`/api/plan.get`, { host: `evil.example:${server.port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toMatch(/not one of its addresses/);
    const same = await post('plan.get', '{}', { origin: base });
    expect(same.status).toBe(200);
  });

  it('refuses a push socket from another origin', async () => {
    await expect(openPushSocket(`ws://127.0.0.1:${server.port}/api/push`, { origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });
});

describe('pushes', () => {
  it('arrive after a plan.change made through the API', async () => {
    const socket = await openPushSocket(`ws://127.0.0.1:${server.port}/api/push`, { origin: base });
    const snapshot = (await post('plan.get', '{}')).json as { ok: true; value: PlanSnapshot };
    const card = snapshot.value.plan.subsystemOrder[0] as string;
    const pushed = socket.next((p) => p.type === 'plan.events' && p.events.some((e) => e.type === 'card.state' && e.subsystemId === card && e.state === 'Review'));
    const res = await post('plan.change', JSON.stringify({ change: { type: 'card.state', subsystemId: card, state: 'Review' } }));
    expect(res.json.ok).toBe(true);
    const push = await pushed;
    expect(push.type === 'plan.events' && push.from).toBe(snapshot.value.plan.head);
    socket.ws.close();
  });

  it('arrive after another process changes the plan (merge-sprint assign)', async () => {
    const socket = await openPushSocket(`ws://127.0.0.1:${server.port}/api/push`);
    const snapshot = (await post('plan.get', '{}')).json as { ok: true; value: PlanSnapshot };
    const card = snapshot.value.plan.subsystems[snapshot.value.plan.subsystemOrder[0] as string];
    if (!card) throw new Error('no subsystem');
    const ian = snapshot.value.plan.personOrder[0] as string;
    const pushed = socket.next((p) => p.type === 'plan.events' && p.events.some((e) => e.type === 'card.assign' && e.subsystemId === card.id && e.owner === ian));
    const run = await runCli(['assign', '--repo', repo, '--subsystem', card.name, '--to', 'Ian Pratt']);
    expect(run.code).toBe(0);
    await pushed;
    socket.ws.close();
  });
});

describe('starting', () => {
  it('says clearly when the port is in use', async () => {
    const error = await startRoomServer({ repo, port: server.port, staticDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RoomServerError);
    expect((error as Error).message).toMatch(new RegExp(`Port ${server.port} .*already in use.*--port`));
  });

  it('refuses a folder that is not a repository', async () => {
    const dir = tempDir();
    const error = await startRoomServer({ repo: dir, port: 0, staticDir }).catch((e: unknown) => e);
    cleanup(dir);
    expect((error as RoomServerError).error.code).toBe('not-a-repository');
  });
});

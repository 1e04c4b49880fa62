/**
 * Who a change in the room is by, over real HTTP: a browser says once who it is (POST
 * /api/session), and every change it makes afterwards is that person's (read back through the
 * API, a fresh plan store and git's own log of the plan ref). A browser that said nothing
 * cannot change the plan, so nothing is ever written under the server's git identity; a request
 * naming someone itself (the old X-Merge-Sprint-Actor header) or a session the server never
 * gave out changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, PlanSnapshot } from '../../../shared/api';
import type { Actor, CardState } from '../../../shared/model';
import { sessionCookieName } from '../../../electron/core/server/actor';
import { startRoomServer, type RoomServer } from '../../../electron/core/server/room';
import { openPlanStore } from '../../../electron/core/plan/store';
import { cleanup, git } from '../../helpers/repo';
import { makeForkRepo, runCli } from '../cli/core-helpers';
import { fakeBoardDir, openBoard, type RoomBrowser } from './room-browser';

const PLAN_REF = 'refs/merge-sprint/plan';
const SERVER_ACTOR: Actor = { name: 'Room Server', email: 'room@server.invalid' };
const IAN: Actor = { name: 'Ian Pratt', email: 'ian@xensource.com' };

let repo: string;
let staticDir: string;
let server: RoomServer;
const logged: string[] = [];

async function snapshot(browser: RoomBrowser): Promise<PlanSnapshot> {
  const res = await browser.call<PlanSnapshot>('plan.get');
  if (!res.json.ok) throw new Error(res.json.error.message);
  return res.json.value;
}

/** Author name and email of the plan ref's newest commit, as git reports them. */
const planHeadAuthor = (): string[] => git(repo, ['log', '-1', '--format=%an%x00%ae', PLAN_REF, '--']).trim().split('\0');
const planHead = (): string => git(repo, ['rev-parse', PLAN_REF]).trim();

async function moveFirstCard(browser: RoomBrowser, state: CardState, headers: Record<string, string> = {}) {
  const card = (await snapshot(browser)).plan.subsystemOrder[0] as string;
  return browser.call<PlanSnapshot>('plan.change', { change: { type: 'card.state', subsystemId: card, state } }, headers);
}

beforeAll(async () => {
  repo = makeForkRepo();
  staticDir = fakeBoardDir();
  const init = await runCli(['init', '--repo', repo, '--upstream', 'v1', '--fork', 'fork', '--pair', 'xen/i386=arch/i386']);
  expect(init.code, init.stderr).toBe(0);
  server = await startRoomServer({ repo, port: 0, staticDir, actor: SERVER_ACTOR, log: (line) => logged.push(line) });
});
afterAll(async () => {
  await server?.close();
  cleanup(repo, staticDir);
});

describe('who a browser in the room is', () => {
  it('is chosen once, in a session cookie of its own, and signs every later change', async () => {
    const browser = await openBoard(server);
    const chosen = await browser.choose({ name: ` ${IAN.name} `, email: IAN.email });
    expect(chosen.json).toEqual({ ok: true, value: { actor: IAN } });
    expect(browser.cookies.has(sessionCookieName(server.port))).toBe(true);

    expect((await moveFirstCard(browser, 'Review')).json.ok).toBe(true);
    expect((await snapshot(browser)).activity[0]?.by).toEqual(IAN);
    expect((await moveFirstCard(browser, 'In progress')).json.ok).toBe(true);
    expect((await snapshot(browser)).activity[0]?.by).toEqual(IAN);
    // Another process reading the plan ref sees the same author.
    const store = await openPlanStore(repo);
    try {
      expect((await store.snapshot()).activity[0]?.by).toEqual(IAN);
    } finally {
      store.close();
    }
    expect(planHeadAuthor()).toEqual([IAN.name, IAN.email]);
    const info = await browser.call<AppInfo>('app.info');
    expect(info.json.ok && info.json.value.actor).toEqual(IAN);
    expect(logged).toContain(`A browser joined as ${IAN.name} <${IAN.email}>.`);
  });

  it('keeps two browsers apart, and non-ASCII names intact', async () => {
    const keir: Actor = { name: 'Kéir Fräser', email: 'keir@xensource.com' };
    const [a, b] = [await openBoard(server), await openBoard(server)];
    await a.choose(IAN);
    await b.choose(keir);
    expect((await moveFirstCard(b, 'Done')).json.ok).toBe(true);
    expect(planHeadAuthor()).toEqual([keir.name, keir.email]);
    expect((await moveFirstCard(a, 'Review')).json.ok).toBe(true);
    expect(planHeadAuthor()).toEqual([IAN.name, IAN.email]);
  });

  it('changes only by choosing again, which the server reports', async () => {
    const browser = await openBoard(server);
    await browser.choose(IAN);
    const chris: Actor = { name: 'Chris Wright', email: '' };
    await browser.choose(chris);
    expect((await moveFirstCard(browser, 'Backlog')).json.ok).toBe(true);
    expect((await snapshot(browser)).activity[0]?.by).toEqual(chris);
    expect(logged).toContain(`A browser changed who it is from ${IAN.name} <${IAN.email}> to Chris Wright.`);
  });

  it('is nobody until chosen: a change is refused in words, and nothing is written as the server', async () => {
    const browser = await openBoard(server);
    const head = planHead();
    const refused = await moveFirstCard(browser, 'Review');
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(!refused.json.ok && refused.json.error.message).toMatch(/Choose who you are/);
    for (const [channel, body] of [['subsystems.derive', {}], ['people.importAuthors', {}], ['rename.add', { from: 'xen/i386', to: 'arch/i386/xen' }]] as const) {
      expect((await browser.call(channel, body)).json).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
    expect(planHead()).toBe(head);
    expect(git(repo, ['log', '--format=%an', PLAN_REF, '--'])).not.toContain(SERVER_ACTOR.name);
    // Looking is fine.
    expect((await browser.call('plan.get')).json.ok).toBe(true);
    const info = await browser.call<AppInfo>('app.info');
    expect(info.json.ok && info.json.value.actor).toBeNull();

    // Forgetting the choice makes a browser nobody again.
    await browser.choose(IAN);
    await browser.choose(null);
    expect((await moveFirstCard(browser, 'Review')).json.ok).toBe(false);
    expect(planHead()).toBe(head);
  });

  it('cannot be claimed by a request: the old header is refused, a made-up session is nobody', async () => {
    const browser = await openBoard(server);
    await browser.choose(IAN);
    const head = planHead();
    const forged = await moveFirstCard(browser, 'Done', { 'X-Merge-Sprint-Actor': encodeURIComponent(JSON.stringify({ name: 'Keir Fraser', email: 'keir@xensource.com' })) });
    expect(forged.status).toBe(400);
    expect(forged.json).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(!forged.json.ok && forged.json.error.message).toMatch(/header is not accepted.*POST \/api\/session/);

    const made = await openBoard(server);
    made.cookies.set(sessionCookieName(server.port), 'made-up-session-id');
    expect((await moveFirstCard(made, 'Done')).json).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(planHead()).toBe(head);
  });

  it('refuses a bad choice with 400 and a message in words', async () => {
    const browser = await openBoard(server);
    const cases: Array<[unknown, RegExp]> = [
      [{}, /missing/],
      [{ actor: 'Ian' }, /not a \{ name, email \} object/],
      [{ actor: { name: '', email: 'a@b' } }, /empty name/],
      [{ actor: { name: 'Ian', email: 'not an address' } }, /not an address/],
      [{ actor: { name: 'Ian\nPratt', email: '' } }, /line break/],
      [{ actor: { name: 'x'.repeat(201), email: '' } }, /more than the 200 allowed/],
    ];
    for (const [body, why] of cases) {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/session`, { method: 'POST', headers: { cookie: browser.cookieHeader() }, body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      const json = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(json.error.code).toBe('bad-input');
      expect(json.error.message).toMatch(why);
    }
    expect((await moveFirstCard(browser, 'Review')).json.ok).toBe(false);
  });
});

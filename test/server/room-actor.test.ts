/**
 * Who a change in the room is by: the room server over real HTTP records the person a browser
 * names in `X-Merge-Sprint-Actor` as the plan event's author (read back through the API, a
 * fresh plan store and git's own log of the plan ref), the server's own actor without it, and
 * refuses a bad header in words without changing the plan.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanSnapshot } from '../../shared/api';
import type { Actor, CardState } from '../../shared/model';
import type { Result } from '../../shared/result';
import { startRoomServer, type RoomServer } from '../../electron/server/room';
import { openPlanStore } from '../../electron/services/plan/store';
import { cleanup, git, tempDir } from '../helpers/repo';
import { makeForkRepo, runCli } from '../cli/core-helpers';

const PLAN_REF = 'refs/merge-sprint/plan';
const SERVER_ACTOR: Actor = { name: 'Room Server', email: 'room@server.invalid' };

let repo: string;
let staticDir: string;
let server: RoomServer;
let base: string;

async function post<T>(channel: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Result<T> }> {
  const res = await fetch(`${base}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Result<T> };
}

const actorHeader = (actor: unknown): Record<string, string> => ({ 'X-Merge-Sprint-Actor': encodeURIComponent(JSON.stringify(actor)) });

async function snapshot(): Promise<PlanSnapshot> {
  const res = await post<PlanSnapshot>('plan.get', {});
  if (!res.json.ok) throw new Error(res.json.error.message);
  return res.json.value;
}

/** Author name and email of the plan ref's newest commit, as git reports them. */
const planHeadAuthor = (): string[] => git(repo, ['log', '-1', '--format=%an%x00%ae', PLAN_REF, '--']).trim().split('\0');

async function moveFirstCard(state: CardState, headers: Record<string, string>) {
  const card = (await snapshot()).plan.subsystemOrder[0] as string;
  return post<PlanSnapshot>('plan.change', { change: { type: 'card.state', subsystemId: card, state } }, headers);
}

beforeAll(async () => {
  repo = makeForkRepo();
  staticDir = tempDir();
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>board</title>');
  const init = await runCli(['init', '--repo', repo, '--upstream', 'v1', '--fork', 'fork', '--pair', 'xen/i386=arch/i386']);
  expect(init.code, init.stderr).toBe(0);
  server = await startRoomServer({ repo, port: 0, staticDir, actor: SERVER_ACTOR });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server?.close();
  cleanup(repo, staticDir);
});

describe('X-Merge-Sprint-Actor', () => {
  it('makes the named person the author of the change', async () => {
    const ian: Actor = { name: 'Ian Pratt', email: 'ian@xensource.com' };
    const res = await moveFirstCard('Review', actorHeader(ian));
    expect(res.status).toBe(200);
    expect(res.json.ok).toBe(true);

    expect((await snapshot()).activity[0]?.by).toEqual(ian);
    // Another process reading the plan ref sees the same author.
    const store = await openPlanStore(repo);
    try {
      expect((await store.snapshot()).activity[0]?.by).toEqual(ian);
    } finally {
      store.close();
    }
    expect(planHeadAuthor()).toEqual([ian.name, ian.email]);
  });

  it('keeps non-ASCII names intact on the way through', async () => {
    const keir: Actor = { name: 'Kéir Fräser', email: 'keir@xensource.com' };
    expect((await moveFirstCard('In progress', actorHeader(keir))).json.ok).toBe(true);
    expect((await snapshot()).activity[0]?.by).toEqual(keir);
    expect(planHeadAuthor()).toEqual([keir.name, keir.email]);
  });

  it("leaves the server's own actor for a request without the header", async () => {
    expect((await moveFirstCard('Done', {})).json.ok).toBe(true);
    expect((await snapshot()).activity[0]?.by).toEqual(SERVER_ACTOR);
    expect(planHeadAuthor()).toEqual([SERVER_ACTOR.name, SERVER_ACTOR.email]);
  });

  it('is what app.info reports as the actor of that request', async () => {
    const chris: Actor = { name: 'Chris Wright', email: '' };
    const info = await post<{ actor: Actor }>('app.info', {}, actorHeader(chris));
    expect(info.json.ok && info.json.value.actor).toEqual(chris);
    const plain = await post<{ actor: Actor }>('app.info', {});
    expect(plain.json.ok && plain.json.value.actor).toEqual(SERVER_ACTOR);
  });

  it('refuses a bad header with 400 and a message in words, and changes nothing', async () => {
    const before = git(repo, ['rev-parse', PLAN_REF]);
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ 'X-Merge-Sprint-Actor': '%7Bnot-json' }, /is not JSON/],
      [actorHeader({ name: '', email: 'a@b' }), /name/],
      [actorHeader({ name: 'Ian', email: 'not an address' }), /not an address/],
      [{ 'X-Merge-Sprint-Actor': encodeURIComponent(JSON.stringify({ name: 'x'.repeat(3000), email: '' })) }, /name/],
    ];
    for (const [headers, why] of cases) {
      const res = await moveFirstCard('Backlog', headers);
      expect(res.status).toBe(400);
      expect(res.json.ok).toBe(false);
      if (!res.json.ok) {
        expect(res.json.error.code).toBe('bad-input');
        expect(res.json.error.message).toMatch(why);
      }
    }
    expect(git(repo, ['rev-parse', PLAN_REF])).toBe(before);
  });
});

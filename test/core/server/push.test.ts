/**
 * What a push carries, over the real room server's socket: after a change, the events since the
 * head a board has (with that head and the new one), not the plan; its size is that of the
 * event, whatever the plan's size; a board folding it gets the plan a snapshot gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { PlanEventsPush, PlanSnapshot, Push } from '../../../shared/api';
import { foldOnto } from '../../../shared/plan/fold';
import type { Subsystem } from '../../../shared/model';
import { startRoomServer, type RoomServer } from '../../../electron/core/server/room';
import { cleanup } from '../../helpers/repo';
import { makeForkRepo, runCli } from '../cli/core-helpers';
import { fakeBoardDir, openBoard, type RoomBrowser } from './room-browser';

let repo: string;
let staticDir: string;
let server: RoomServer;
let browser: RoomBrowser;

/** A push socket that keeps every message it receives, raw and parsed. */
function listen(): Promise<{ ws: WebSocket; raw: string[]; next(accept: (p: Push) => boolean): Promise<Push> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/push`, { headers: { cookie: browser.cookieHeader(), origin: `http://127.0.0.1:${server.port}` } });
    const raw: string[] = [];
    const waiting: Array<{ accept: (p: Push) => boolean; done: (p: Push) => void }> = [];
    ws.on('message', (data) => {
      raw.push(String(data));
      const push = JSON.parse(String(data)) as Push;
      const i = waiting.findIndex((w) => w.accept(push));
      if (i >= 0) waiting.splice(i, 1)[0]?.done(push);
    });
    ws.on('open', () => resolve({ ws, raw, next: (accept) => new Promise((done) => waiting.push({ accept, done })) }));
    ws.on('error', reject);
  });
}

const snapshotNow = async (): Promise<PlanSnapshot> => {
  const res = await browser.call<PlanSnapshot>('plan.get');
  if (!res.json.ok) throw new Error(res.json.error.message);
  return res.json.value;
};

beforeAll(async () => {
  repo = makeForkRepo();
  staticDir = fakeBoardDir();
  expect((await runCli(['init', '--repo', repo, '--upstream', 'v1', '--fork', 'fork', '--pair', 'xen/i386=arch/i386'])).code).toBe(0);
  expect((await runCli(['people', 'add', '--repo', repo, '--name', 'Ian Pratt'])).code).toBe(0);
  server = await startRoomServer({ repo, port: 0, staticDir });
  browser = await openBoard(server);
  expect((await browser.choose({ name: 'Ian Pratt', email: '' })).json.ok).toBe(true);
  // Many cards with many files, so that the whole plan is far bigger than one event.
  const subsystems: Subsystem[] = Array.from({ length: 300 }, (_, i) => ({
    id: `card-${i}`,
    name: `card ${i}`,
    files: Array.from({ length: 5 }, (_, j) => `drivers/part${i}/file${j}.c`),
    source: { kind: 'manual' },
    owner: null,
    state: 'Backlog',
    blocked: null,
  }));
  expect((await browser.call('plan.change', { change: { type: 'subsystems.put', subsystems, remove: [] } })).json.ok).toBe(true);
});
afterAll(async () => {
  await server?.close();
  cleanup(repo, staticDir);
});

describe('a push after a change', () => {
  it('carries only the new event, from the head the board had, whatever the size of the plan', async () => {
    const before = await snapshotNow();
    const socket = await listen();
    const pushed = socket.next((p) => p.type === 'plan.events' && p.from === before.plan.head);
    const answer = await browser.call<PlanEventsPush>('plan.change', { change: { type: 'card.state', subsystemId: 'card-7', state: 'Review' } });
    if (!answer.json.ok) throw new Error(answer.json.error.message);
    const push = (await pushed) as PlanEventsPush;
    socket.ws.close();

    // The answer is the same news as the push, not the plan.
    expect(answer.json.value).toEqual(push);
    expect(JSON.stringify(answer.json).length).toBeLessThan(JSON.stringify(before.plan).length / 10);
    expect(push.events.map((e) => [e.type, e.by.name])).toEqual([['card.state', 'Ian Pratt']]);
    const message = socket.raw.find((m) => m.includes(push.to)) ?? '';
    // The event itself, its two heads and the envelope; the plan is many times that.
    const bound = JSON.stringify(push.events[0]).length + 2 * push.to.length + 100;
    expect(message.length).toBeLessThanOrEqual(bound);
    expect(JSON.stringify(before.plan).length).toBeGreaterThan(10 * bound);
  });

  it('folded onto the plan at its `from` head, gives the plan a snapshot gives', async () => {
    const before = await snapshotNow();
    const socket = await listen();
    const pushed = socket.next((p) => p.type === 'plan.events' && p.from === before.plan.head);
    // Another process: the command line moves a card.
    expect((await runCli(['assign', '--repo', repo, '--subsystem', 'card 9', '--to', 'Ian Pratt'])).code).toBe(0);
    const push = (await pushed) as PlanEventsPush;
    socket.ws.close();
    const after = await snapshotNow();
    expect(push.to).toBe(after.plan.head);
    const folded = foldOnto(before.plan, push.events);
    expect(folded.skipped).toEqual([]);
    expect({ ...folded.plan, head: push.to }).toEqual(after.plan);
  });
});

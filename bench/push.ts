/**
 * What a change costs the room: 50 browsers' push sockets on the real room server process
 * (`merge-sprint serve`, joined with its token) and a plan of 1,000 cards; one client moves a
 * card over HTTP, 100 times. Measured: the bytes each socket received per change, against the
 * whole snapshot (what `plan.get` answers, the size every push used to carry), and the time from
 * sending the change until all 50 sockets have it (p50, p95).
 * Standalone: `npx tsx bench/push.ts` (after `npm run build`).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import type { PlanEventsPush, PlanSnapshot, Push } from '../shared/api';
import { CARD_STATES } from '../shared/model';
import { tempDir } from '../test/helpers/repo';
import { runCli, startRoom } from '../test/renderer/room-process';
import { joinRoom, makeBoardRepo, post, seedPlan } from '../test/helpers/board-room';

const BROWSERS = 50;
const CHANGES = 100;
const WARM_UP = 5;

export interface PushBench {
  browsers: number;
  changes: number;
  cards: number;
  bytesPerChange: number;
  snapshotBytes: number;
  p50Ms: number;
  p95Ms: number;
  /** Until the sender's own answer: the change written to the plan ref. */
  answerP50Ms: number;
  /** From the first socket to the last of the 50 receiving one change. */
  spreadP95Ms: number;
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

interface Board {
  ws: WebSocket;
  /** Bytes of every plan push received. */
  bytes: number;
  /** When each plan head arrived. */
  heads: Map<string, number>;
}

/** A browser's push socket, presenting the join token as the page's cookie would. */
function openBoard(base: string, joined: Record<string, string>, onHead: () => void): Promise<Board> {
  const url = new URL('/api/push', base);
  url.protocol = 'ws:';
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.href, { headers: { ...joined, origin: new URL(base).origin } });
    const board: Board = { ws, bytes: 0, heads: new Map() };
    ws.on('message', (data: Buffer) => {
      const push = JSON.parse(data.toString('utf8')) as Push;
      if (push.type !== 'plan.events') return;
      board.bytes += data.length;
      board.heads.set((push as PlanEventsPush).to, performance.now());
      onHead();
    });
    ws.once('open', () => resolve(board));
    ws.once('error', reject);
  });
}

export async function benchPush(): Promise<PushBench> {
  const dir = tempDir('merge-sprint-push-bench-');
  const repo = makeBoardRepo(path.join(dir, 'repo'));
  const init = runCli(['init', '--repo', repo, '--upstream', 'upstream', '--fork', 'fork']);
  if (init.status !== 0) throw new Error(`merge-sprint init failed: ${init.stderr}`);
  const room = await startRoom(['--repo', repo, '--port', '0']);
  const boards: Board[] = [];
  try {
    await seedPlan(room.url);
    const joined = await joinRoom(room.url);
    const snapshot = (await post(room.url, 'plan.get', {}, joined)) as PlanSnapshot;
    // What every socket received per change before: the snapshot as JSON, as plan.get answers it.
    const snapshotBytes = Buffer.byteLength(JSON.stringify({ type: 'plan.changed', snapshot }));
    const cards = snapshot.plan.subsystemOrder;

    let wake: () => void = () => undefined;
    for (let i = 0; i < BROWSERS; i++) boards.push(await openBoard(room.url, joined, () => wake()));
    const allHave = (head: string) => boards.every((b) => b.heads.has(head));
    const waitAll = (head: string) =>
      new Promise<void>((resolve) => {
        const check = () => (allHave(head) ? resolve() : (wake = check));
        check();
      });

    const latencies: number[] = [];
    const answers: number[] = [];
    const spreads: number[] = [];
    let bytesBefore = 0;
    for (let i = 0; i < WARM_UP + CHANGES; i++) {
      if (i === WARM_UP) bytesBefore = boards.reduce((n, b) => n + b.bytes, 0);
      const card = cards[(i * 7) % cards.length] as string;
      const current = snapshot.plan.subsystems[card]?.state ?? 'Backlog';
      const state = CARD_STATES[(CARD_STATES.indexOf(current) + 1 + Math.floor(i / cards.length)) % CARD_STATES.length] ?? 'Review';
      const sent = performance.now();
      const answer = (await post(room.url, 'plan.change', { change: { type: 'card.state', subsystemId: card, state } }, joined)) as PlanEventsPush;
      const answered = performance.now();
      await waitAll(answer.to);
      const arrivals = boards.map((b) => b.heads.get(answer.to) ?? Infinity);
      const shown = Math.max(...arrivals);
      if (i >= WARM_UP) {
        latencies.push(shown - sent);
        answers.push(answered - sent);
        spreads.push(shown - Math.min(...arrivals));
      }
    }
    const bytes = boards.reduce((n, b) => n + b.bytes, 0) - bytesBefore;
    return {
      browsers: BROWSERS,
      changes: CHANGES,
      cards: cards.length,
      bytesPerChange: bytes / (CHANGES * BROWSERS),
      snapshotBytes,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      answerP50Ms: percentile(answers, 50),
      spreadP95Ms: percentile(spreads, 95),
    };
  } finally {
    for (const b of boards) b.ws.close();
    await room.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function describePush(r: PushBench): string[] {
  return [
    `push: ${r.bytesPerChange.toFixed(0)} bytes per change per browser (target < 2048); the whole snapshot is ${r.snapshotBytes.toLocaleString('en')} bytes, ratio ${(r.snapshotBytes / r.bytesPerChange).toFixed(0)}x`,
    `push: ${r.browsers} browsers all show a change after p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms (target p95 < 100), over ${r.changes} changes on ${r.cards.toLocaleString('en')} cards; the answer to the sender p50 ${r.answerP50Ms.toFixed(1)} ms, first to last socket p95 ${r.spreadP95Ms.toFixed(1)} ms`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const l of describePush(await benchPush())) process.stdout.write(`${l}\n`);
}

/**
 * The board's speed in Chromium, through the real room server: first render of 1,000
 * subsystem cards (navigation start to all cards in the DOM and painted) and the time from a
 * mouse drop to the card in its new column. The page sets performance marks
 * (renderer/src/views/board/boardActions.ts); this script reads them.
 * Standalone: `npx tsx bench/board.ts` (builds first when dist/ is missing).
 */
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { actorStorageKey } from '../renderer/src/api/actor';
import type { Actor, Subsystem } from '../shared/model';
import type { PlanChange } from '../shared/plan/events';
import { makeCommit, makeRepo, tempDir } from '../test/helpers/repo';
import { PROJECT, runCli, startRoom } from '../test/renderer/room-process';

const CARDS = 1_000;
const FILES_PER_CARD = 3;
const PEOPLE = ['Ada', 'Grace', 'Linus', 'Keir'];
const RENDER_RUNS = 5;
const DROPS = 12;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const folder = (i: number) => `drivers/gen/d${String(i).padStart(4, '0')}`;

/** An upstream with 1,000 three-file (or `filesPerCard`-file) folders, and a fork that changes one file in each. */
export function makeBoardRepo(dir: string, filesPerCard = FILES_PER_CARD): string {
  const repo = makeRepo(dir);
  const upstream: Record<string, string> = {};
  for (let i = 0; i < CARDS; i++)
    for (let f = 0; f < filesPerCard; f++) upstream[`${folder(i)}/f${f}.c`] = `int f${i}_${f}(void)\n{\n\treturn ${i + f};\n}\n`;
  makeCommit(repo, { files: upstream, message: 'upstream' });
  spawnSync('git', ['-C', repo, 'branch', 'upstream'], { stdio: 'ignore' });
  const fork: Record<string, string> = {};
  for (let i = 0; i < CARDS; i++) fork[`${folder(i)}/f0.c`] = `int f${i}_0(void)\n{\n\treturn hypercall(${i});\n}\n`;
  makeCommit(repo, { files: fork, message: 'fork', branch: 'fork' });
  return repo;
}

/** Who seeds the plan and drags the cards: the room signs nothing with the server's git user. */
const BENCH_ACTOR: Actor = { name: 'Ada', email: 'ada@example.org' };

/** The headers of a client that has the room's token and said who it is (its session cookie). */
export async function joinRoom(url: string): Promise<Record<string, string>> {
  const token = new URL(url).searchParams.get('token') ?? '';
  const res = await fetch(new URL('/api/session', url), { method: 'POST', headers: { 'x-merge-sprint-token': token }, body: JSON.stringify({ actor: BENCH_ACTOR }) });
  if (!res.ok) throw new Error(`Joining the room failed with HTTP ${res.status}.`);
  return { 'x-merge-sprint-token': token, cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}

export async function post(base: string, channel: string, body: unknown, joined: Record<string, string>): Promise<unknown> {
  const res = await fetch(new URL(`/api/${channel}`, base), { method: 'POST', headers: { 'content-type': 'application/json', ...joined }, body: JSON.stringify(body) });
  const result = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message ?? 'failed'}`);
  return result.value;
}

/** Four people and 1,000 cards: a quarter unassigned, the rest spread over people and states; a rename rule over them. */
export async function seedPlan(base: string, filesPerCard = FILES_PER_CARD): Promise<string> {
  const joined = await joinRoom(base);
  const ids = PEOPLE.map((name) => `person-${name.toLowerCase()}`);
  for (const [i, name] of PEOPLE.entries()) {
    const change: PlanChange = { type: 'person.put', person: { id: ids[i] as string, name, email: `${name.toLowerCase()}@example.org`, color: ['#1f6feb', '#b0361e', '#1a7f37', '#8250df'][i] as string } };
    await post(base, 'plan.change', { change }, joined);
  }
  const states = ['Backlog', 'In progress', 'Review', 'Done'] as const;
  const subsystems: Subsystem[] = Array.from({ length: CARDS }, (_, i) => ({
    id: `card-${i}`,
    name: folder(i),
    files: Array.from({ length: filesPerCard }, (_, f) => `${folder(i)}/f${f}.c`),
    source: { kind: 'folder', folder: folder(i) },
    owner: i % 4 === 0 ? null : (ids[i % PEOPLE.length] ?? null),
    state: states[i % states.length] as Subsystem['state'],
    blocked: i % 50 === 7 ? 'Waiting for the upstream review' : null,
  }));
  await post(base, 'plan.change', { change: { type: 'subsystems.replace', subsystems } }, joined);
  // A rename rule over every card's folder: a badge on each of the 1,000 cards.
  await post(base, 'rename.add', { from: 'drivers/gen', to: 'drivers/generated' }, joined);
  return ((await post(base, 'app.info', {}, joined)) as { repoPath: string }).repoPath;
}

/** Loads the board and returns the marks' times (ms since navigation start) and the card count. */
async function firstRender(page: Page, url: string): Promise<{ rendered: number; painted: number; cards: number }> {
  // A fresh document each time: going to the same address with a hash would not reload.
  await page.goto('about:blank');
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => {
      const painted = performance.getEntriesByName('merge-sprint:board-painted')[0] as PerformanceMark | undefined;
      const rendered = performance.getEntriesByName('merge-sprint:board-rendered')[0] as PerformanceMark | undefined;
      if (!painted || !rendered) return null;
      return { rendered: rendered.startTime, painted: painted.startTime, cards: (painted.detail as { cards: number }).cards };
    },
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  return (await handle.jsonValue()) as { rendered: number; painted: number; cards: number };
}

/** Drags the first unassigned card onto a person's column; returns ms from drop to the card in that column's DOM. */
async function dropOnce(page: Page, personId: string): Promise<number> {
  const source = page.getByTestId('column-unassigned').locator('[data-testid^="card-"]').first();
  const cardTestId = (await source.getAttribute('data-testid')) as string;
  const target = page.getByTestId(`column-${personId}`);
  await page.evaluate(
    ({ column, card }) => {
      const col = document.querySelector(`[data-testid="${column}"]`) as HTMLElement;
      const w = window as unknown as { __landed: Promise<number> };
      w.__landed = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!col.querySelector(`[data-testid="${card}"]`)) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(col, { childList: true, subtree: true });
      });
    },
    { column: `column-${personId}`, card: cardTestId },
  );
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('The card or the column is off screen.');
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 8, from.y + 18, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 150, { steps: 10 });
  await page.mouse.up();
  return page.evaluate(async () => {
    const landed = await (window as unknown as { __landed: Promise<number> }).__landed;
    const drops = performance.getEntriesByName('merge-sprint:drop');
    const drop = drops[drops.length - 1];
    if (!drop) throw new Error('The drop handler set no mark.');
    return landed - drop.startTime;
  });
}

export async function benchBoard(): Promise<{ firstRenderMs: number; dropToColumnMs: number }> {
  if (!existsSync(path.join(PROJECT, 'dist', 'cli.mjs')) || !existsSync(path.join(PROJECT, 'dist', 'renderer', 'index.html'))) {
    const built = spawnSync(process.execPath, [path.join(PROJECT, 'scripts', 'build.mjs')], { cwd: PROJECT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed.');
  }
  const dir = tempDir('merge-sprint-board-bench-');
  const repo = makeBoardRepo(path.join(dir, 'repo'));
  const init = runCli(['init', '--repo', repo, '--upstream', 'upstream', '--fork', 'fork']);
  if (init.status !== 0) throw new Error(`merge-sprint init failed: ${init.stderr}`);
  const room = await startRoom(['--repo', repo, '--port', '0']);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const repoPath = await seedPlan(room.url);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // The page remembers who it is, as a browser that chose "I am …" before does.
    await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [actorStorageKey(repoPath), JSON.stringify({ actor: BENCH_ACTOR, personId: 'person-ada' })] as const);
    const url = `${room.url}#/board/person`;
    const renders: number[] = [];
    // The first load warms the server's and the browser's caches; it is not counted.
    for (let run = 0; run <= RENDER_RUNS; run++) {
      const r = await firstRender(page, url);
      if (r.cards !== CARDS) throw new Error(`The board rendered ${r.cards} cards, not ${CARDS}.`);
      if (run > 0) renders.push(r.painted);
    }
    const drops: number[] = [];
    for (let i = 0; i < DROPS; i++) drops.push(await dropOnce(page, `person-${(PEOPLE[i % PEOPLE.length] as string).toLowerCase()}`));
    return { firstRenderMs: median(renders), dropToColumnMs: median(drops) };
  } finally {
    await browser.close();
    await room.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchBoard();
  process.stdout.write(
    `board: first render of 1,000 cards ${r.firstRenderMs.toFixed(0)} ms (target < 1000); drop to new column ${r.dropToColumnMs.toFixed(1)} ms (target < 50)\n`,
  );
}

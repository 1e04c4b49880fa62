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
import { BENCH_ACTOR, CARDS, makeBoardRepo, PEOPLE, seedPlan } from '../test/helpers/board-room';
import { tempDir } from '../test/helpers/repo';
import { PROJECT, runCli, startRoom } from '../test/renderer/room-process';

const RENDER_RUNS = 5;
const DROPS = 12;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Loads the board and returns the marks' times (ms since navigation start), the cards its columns hold and the cards drawn. */
async function firstRender(page: Page, url: string): Promise<{ rendered: number; painted: number; cards: number; drawn: number }> {
  // A fresh document each time: going to the same address with a hash would not reload.
  await page.goto('about:blank');
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => {
      const painted = performance.getEntriesByName('merge-sprint:board-painted')[0] as PerformanceMark | undefined;
      const rendered = performance.getEntriesByName('merge-sprint:board-rendered')[0] as PerformanceMark | undefined;
      if (!painted || !rendered) return null;
      const detail = painted.detail as { cards: number; drawn: number };
      return { rendered: rendered.startTime, painted: painted.startTime, cards: detail.cards, drawn: detail.drawn };
    },
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  return (await handle.jsonValue()) as { rendered: number; painted: number; cards: number; drawn: number };
}

/**
 * Drags the first unassigned card onto a person's column; returns ms from the drop to the frame
 * in which the card has left Unassigned and the person's column counts one more (a long column
 * draws only the cards near its view, so the count is what shows the card arrived).
 */
async function dropOnce(page: Page, personId: string): Promise<number> {
  const source = page.getByTestId('column-unassigned').locator('[data-testid^="card-"]').first();
  const cardTestId = (await source.getAttribute('data-testid')) as string;
  const target = page.getByTestId(`column-${personId}`);
  await page.evaluate(
    ({ column, card }) => {
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      const counter = `[data-testid="${column}"] .column-count`;
      const before = Number((document.querySelector(counter)?.textContent ?? '').replace(/\D/g, ''));
      const w = window as unknown as { __landed: Promise<number> };
      w.__landed = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector(`[data-testid="column-unassigned"] [data-testid="${card}"]`) || Number((document.querySelector(counter)?.textContent ?? '').replace(/\D/g, '')) !== before + 1) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
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

export async function benchBoard(): Promise<{ firstRenderMs: number; dropToColumnMs: number; drawn: number }> {
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
    let drawn = 0;
    // The first load warms the server's and the browser's caches; it is not counted.
    for (let run = 0; run <= RENDER_RUNS; run++) {
      const r = await firstRender(page, url);
      if (r.cards !== CARDS) throw new Error(`The board rendered ${r.cards} cards, not ${CARDS}.`);
      if (run > 0) renders.push(r.painted);
      drawn = r.drawn;
    }
    const drops: number[] = [];
    for (let i = 0; i < DROPS; i++) drops.push(await dropOnce(page, `person-${(PEOPLE[i % PEOPLE.length] as string).toLowerCase()}`));
    return { firstRenderMs: median(renders), dropToColumnMs: median(drops), drawn };
  } finally {
    await browser.close();
    await room.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const describeBoard = (r: Awaited<ReturnType<typeof benchBoard>>): string =>
  `board: first render of 1,000 cards (${r.drawn} drawn) ${r.firstRenderMs.toFixed(0)} ms (target < 1000); drop to new column ${r.dropToColumnMs.toFixed(1)} ms (target < 50)`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${describeBoard(await benchBoard())}\n`);
}

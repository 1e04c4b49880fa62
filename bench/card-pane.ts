/**
 * The card pane and the bulk move in Chromium, through the real room server, on a plan of
 * 1,000 cards and 20,000 files: from Enter on a focused card to the frame after its pane shows
 * the card, and from choosing a state for 50 selected cards to the frame after all 50 stand in
 * their new column; one card moved the same way is the baseline (the ratio, last). The page
 * sets the start marks (renderer/src/views/card/cardUi.ts, cardActions.ts).
 * Standalone: `npx tsx bench/card-pane.ts` (builds first when dist/ is missing).
 */
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { actorStorageKey } from '../renderer/src/api/actor';
import { tempDir } from '../test/helpers/repo';
import { PROJECT, runCli, startRoom } from '../test/renderer/room-process';
import { makeBoardRepo, seedPlan } from '../test/helpers/board-room';

const FILES_PER_CARD = 20;
const OPENS = 15;
const BULK = 50;
const MOVES = 4;
const progress = (what: string): void => {
  if (process.env.BENCH_VERBOSE) process.stderr.write(`card pane bench: ${what}\n`);
};
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** A column's card count, as its header shows it. */
const countOf = (page: Page, column: string) => page.locator(`[data-testid="${column}"] .column-count`).evaluate((el) => Number((el.textContent ?? '').replace(/\D/g, '')));

/**
 * Resolves in the page at the frame after `done()` first holds, checked at each DOM change: the
 * pane shows the card, or both columns' counts read the move and none of the moved cards is
 * still drawn in Backlog (a long column draws only the cards near its view).
 */
async function armWatch(page: Page, kind: 'pane' | 'column', arg: { name?: string; counts?: Record<string, number>; gone?: { column: string; ids: string[] } }): Promise<void> {
  await page.evaluate(
    ({ kind, arg }) => {
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      const w = window as unknown as { __shown: Promise<number> };
      w.__shown = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          const counted = Object.entries(arg.counts ?? {}).every(([column, n]) => Number((document.querySelector(`[data-testid="${column}"] .column-count`)?.textContent ?? '').replace(/\D/g, '')) === n);
          const from = arg.gone ? document.querySelector(`[data-testid="${arg.gone.column}"]`) : null;
          const left = !!from && (arg.gone?.ids ?? []).every((id) => !from.querySelector(`[data-card-id="${id}"]`));
          const done = kind === 'pane' ? document.querySelector('#card-pane-title')?.textContent === arg.name : counted && left;
          if (!done) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now()));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    },
    { kind, arg },
  );
}

const shownSince = (page: Page, mark: string) =>
  page.evaluate(async (mark) => {
    const shown = await (window as unknown as { __shown: Promise<number> }).__shown;
    const marks = performance.getEntriesByName(mark);
    const start = marks[marks.length - 1];
    if (!start) throw new Error(`The page set no ${mark} mark.`);
    return shown - start.startTime;
  }, mark);

const idsIn = (page: Page, column: string) => page.locator(`[data-testid="${column}"] [data-card-id]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-card-id') ?? ''));

async function openPane(page: Page, id: string): Promise<number> {
  const card = page.locator(`[data-card-id="${id}"]`);
  const name = (await card.locator('.card-name').getAttribute('title')) ?? '';
  await card.focus();
  await armWatch(page, 'pane', { name });
  await page.keyboard.press('Enter');
  return shownSince(page, 'merge-sprint:pane-open');
}

/** Selects `count` cards from the top of the Backlog with Shift+ArrowDown and moves them to Review with `s`. */
async function move(page: Page, count: number): Promise<number> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  const backlog = await countOf(page, 'column-backlog');
  const review = await countOf(page, 'column-review');
  const first = (await idsIn(page, 'column-backlog'))[0];
  await page.locator(`[data-card-id="${first}"]`).focus();
  // The column may be scrolled: Home goes to its first card.
  await page.keyboard.press('Home');
  for (let i = 1; i < count; i++) await page.keyboard.press('Shift+ArrowDown');
  const ids = count === 1 ? [await page.evaluate(() => document.activeElement?.getAttribute('data-card-id') ?? '')] : await page.locator('[data-testid="column-backlog"] .card-selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-card-id') ?? ''));
  await page.keyboard.press('s');
  await page.getByTestId('palette-input').fill('Review');
  await armWatch(page, 'column', { counts: { 'column-backlog': backlog - count, 'column-review': review + count }, gone: { column: 'column-backlog', ids } });
  await page.keyboard.press('Enter');
  return shownSince(page, 'merge-sprint:cards-change');
}

export async function benchCardPane(): Promise<{ openMs: number; bulkMs: number; oneMs: number; ratio: number }> {
  if (!existsSync(path.join(PROJECT, 'dist', 'cli.mjs')) || !existsSync(path.join(PROJECT, 'dist', 'renderer', 'index.html'))) {
    const built = spawnSync(process.execPath, [path.join(PROJECT, 'scripts', 'build.mjs')], { cwd: PROJECT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed.');
  }
  const dir = tempDir('merge-sprint-pane-bench-');
  const repo = makeBoardRepo(path.join(dir, 'repo'), FILES_PER_CARD);
  const init = runCli(['init', '--repo', repo, '--upstream', 'upstream', '--fork', 'fork']);
  if (init.status !== 0) throw new Error(`merge-sprint init failed: ${init.stderr}`);
  progress('repository made');
  const room = await startRoom(['--repo', repo, '--port', '0']);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const repoPath = await seedPlan(room.url, FILES_PER_CARD);
    progress('plan seeded');
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [actorStorageKey(repoPath), JSON.stringify({ actor: { name: 'Ada', email: 'ada@example.org' }, personId: 'person-ada' })] as const);
    await page.goto(`${room.url}#/board/state`);
    await page.locator('[data-testid="column-done"] [data-card-id]').first().waitFor({ state: 'attached', timeout: 60_000 });
    let shown = 0;
    for (const column of ['column-backlog', 'column-in-progress', 'column-review', 'column-done']) shown += await countOf(page, column);
    if (shown !== 1_000) throw new Error(`The board counts ${shown} cards, not 1,000.`);
    const opens: number[] = [];
    // The first opening loads nothing extra but warms the code paths; it is not counted.
    for (let i = 0; i <= OPENS; i++) {
      // A long column draws only the cards near its view: pick among the cards drawn now.
      const order = await page.locator('[data-card-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-card-id') ?? ''));
      const ms = await openPane(page, order[(i * 7) % order.length] as string);
      progress(`opened ${i}: ${ms.toFixed(1)} ms`);
      if (i > 0) opens.push(ms);
    }
    const bulks: number[] = [];
    const ones: number[] = [];
    for (let i = 0; i < MOVES; i++) {
      bulks.push(await move(page, BULK));
      progress(`moved ${BULK}: ${bulks.at(-1)?.toFixed(1)} ms`);
      ones.push(await move(page, 1));
      progress(`moved 1: ${ones.at(-1)?.toFixed(1)} ms`);
    }
    const bulkMs = median(bulks);
    const oneMs = median(ones);
    return { openMs: median(opens), bulkMs, oneMs, ratio: bulkMs / oneMs };
  } finally {
    await browser.close();
    await room.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const describeCardPane = (r: Awaited<ReturnType<typeof benchCardPane>>): string =>
  `card pane (1,000 cards, 20,000 files): open ${r.openMs.toFixed(1)} ms (target < 100); bulk move of ${BULK} cards shown ${r.bulkMs.toFixed(1)} ms (target < 100); one card ${r.oneMs.toFixed(1)} ms; bulk against one card: ratio ${r.ratio.toFixed(2)}`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${describeCardPane(await benchCardPane())}\n`);
}

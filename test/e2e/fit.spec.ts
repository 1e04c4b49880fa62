/**
 * A board that fits: at 1024×700 and 1440×900 every view is reachable from the header (the tabs
 * that do not fit are in More), nothing in the header, the board's toolbar or its columns
 * overlaps, and nothing sticks out of the window. Screenshots of each view are saved. In
 * swimlanes a drop on another person's cell of another state is one undo step.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { demoRoom, dragWithMouse, iAm, openView, SHOTS } from './demo-room';

const room = demoRoom();

const VIEWS = ['setup', 'inventory', 'subsystems', 'people', 'board', 'activity', 'burndown', 'rename', 'keep-current', 'series'];

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes of the visible elements `selector` finds, named for the failure message. */
async function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.flatMap((el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') return [];
      const name = (el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.className) || el.tagName;
      return [{ name: `${name} "${(el.textContent ?? '').trim().slice(0, 24)}"`, x: r.x, y: r.y, width: r.width, height: r.height }];
    }),
  );
}

/** Pairs of boxes that share more than a pixel of area. */
function overlaps(list: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!;
      const b = list[j]!;
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 1 && h > 1) out.push(`${a.name} overlaps ${b.name}`);
    }
  return out;
}

async function expectInsideWindow(page: Page, what: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${what}: the page is wider than the window`).toBeLessThanOrEqual(width);
  for (const b of await boxes(page, '.app-header > *, .header-end > *, .tabs > .tab, .tabs > .tab-more')) {
    expect(b.x + b.width, `${what}: ${b.name} sticks out of the window`).toBeLessThanOrEqual(width + 0.5);
  }
}

for (const size of [{ width: 1024, height: 700 }, { width: 1440, height: 900 }]) {
  test(`at ${size.width}×${size.height} every view is reachable and nothing overlaps`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto(room().url);
    await expect(page.getByTestId('board')).toBeVisible();
    await iAm(page, { name: 'Christian Limpach', email: 'cl@example.org' });

    for (const view of VIEWS) {
      await openView(page, view);
      await expect(page.locator(`[data-testid="tab-${view}"][aria-current="page"]`)).toBeVisible();
      await expectInsideWindow(page, view);
      expect(overlaps(await boxes(page, '.brand, .tabs > .tab, .tabs > .tab-more, .header-end > *')), `header on ${view}`).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `fit-${size.width}-${view}.png`) });
    }

    for (const mode of ['person', 'state', 'lanes']) {
      await openView(page, 'board');
      await page.getByTestId(`mode-${mode}`).click();
      await expect(page.getByTestId('board')).toBeVisible();
      await expectInsideWindow(page, `board ${mode}`);
      const toolbar = await boxes(page, '.board-toolbar > *');
      expect(overlaps(toolbar), `toolbar by ${mode}`).toEqual([]);
      for (const b of toolbar) expect(b.x + b.width, `toolbar by ${mode}: ${b.name} is cut off at the window's edge`).toBeLessThanOrEqual(size.width - 16 + 0.5);
      // One row: every control's middle on the same line.
      const middles = toolbar.map((b) => Math.round(b.y + b.height / 2));
      expect(Math.max(...middles) - Math.min(...middles), `toolbar by ${mode} wraps: ${JSON.stringify(toolbar)}`).toBeLessThanOrEqual(4);
      const [bar] = await boxes(page, '.board-toolbar');
      const [help] = await boxes(page, '.board-help-row');
      const columns = await boxes(page, mode === 'lanes' ? '.lane-cell > .column' : '.board > .column');
      expect(columns.length).toBeGreaterThan(0);
      expect(overlaps([bar!, help!, ...columns]), `board by ${mode}`).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `fit-${size.width}-board-${mode}.png`) });
    }
  });
}

test('columns that do not fit say how many more there are, and the cue scrolls to them', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(room().url.replace(/#.*$/, '') + '#/board/person');
  await expect(page.getByTestId('column-unassigned')).toBeVisible();
  // Unassigned, where all the work starts, is the first column.
  const first = await page.locator('.board > .column').first().getAttribute('data-testid');
  expect(first).toBe('column-unassigned');
  const cue = page.getByTestId('scroll-cue');
  await expect(cue).toHaveText(/more column/);
  const hidden = await page.getByTestId('board').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(hidden).toBeGreaterThan(0);
  await cue.click();
  await expect.poll(() => page.getByTestId('board').evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await expect(page.getByTestId('scroll-cue-left')).toBeVisible();
});

test('swimlanes: a drop on another person and another state is undone in one step, and redone', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(room().url);
  await expect(page.getByTestId('board')).toBeVisible();
  await iAm(page, { name: 'Christian Limpach', email: 'cl@example.org' });
  await page.getByTestId('mode-lanes').click();
  // One card in Unassigned's lane, so that the other lanes are on screen for the drag.
  await page.getByTestId('filter-text').fill('drivers/xen/console');
  const person = (await page.locator('.lane-header').nth(1).getAttribute('data-testid'))!.slice('lane-'.length);
  const from = page.getByTestId('column-lane:unassigned:backlog');
  const to = page.getByTestId(`column-lane:${person}:in-progress`);
  const card = from.locator('[data-testid^="card-"]').first();
  const id = await card.getAttribute('data-testid');
  await dragWithMouse(page, card, to);
  await expect(to.getByTestId(id!)).toBeVisible();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /^Undo: assigned .+ to .+ and moved it to In progress/);
  await page.screenshot({ path: path.join(SHOTS, 'lanes-drop.png') });

  await page.getByTestId('undo').click();
  await expect(from.getByTestId(id!)).toBeVisible();
  await expect(to.getByTestId(id!)).toHaveCount(0);
  await page.getByTestId('redo').click();
  await expect(to.getByTestId(id!)).toBeVisible();
  await expect(from.getByTestId(id!)).toHaveCount(0);
});

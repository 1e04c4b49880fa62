/**
 * Reviewable sizes and steps that build, in Chromium through the room server on the demo sprint:
 * the patch limit set in the Series view is a plan setting, the proposal says what it did to
 * keep every step whole and every patch under the limit, each patch shows its size against the
 * limit, and the check holds every step.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { runCli } from '../renderer/room-process';
import { demoRoom, iAm, SHOTS } from './demo-room';

const room = demoRoom({ allowRepoChanges: true });

interface CliState {
  series: { patchOrder: string[]; settings?: { maxPatchKb: number; wholeSupport: boolean } };
  sizes: { patchId: string; bytes: number; overLimit: boolean }[];
  limitKb: number;
}

function cliState(): CliState {
  const r = runCli(['series', 'list', '--repo', room().repo, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CliState;
}

test('series sizes: the limit is a plan setting, each patch shows its size bar, and every step holds together', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${room().url.replace(/#.*$/, '')}#/series`);
  await iAm(page, { name: 'Keir Fraser', email: 'keir@xensource.com' });

  // A limit small enough that the demo's new support needs cutting.
  await page.getByTestId('series-limit').fill('4');
  await page.getByTestId('series-limit').press('Enter');
  await expect.poll(() => cliState().series.settings?.maxPatchKb).toBe(4);
  await page.getByTestId('propose').click();
  await expect(page.getByTestId('patch-list')).toBeVisible();
  await expect(page.getByTestId('proposal-notes')).toBeVisible();

  const state = cliState();
  expect(state.limitKb).toBe(4);
  expect(state.sizes.map((s) => s.patchId)).toEqual(state.series.patchOrder);
  // Every patch has its bar, and the page says the same size as the command line.
  for (const s of state.sizes) {
    const bar = page.getByTestId(`size-${s.patchId}`);
    await expect(bar).toBeVisible();
    await expect(bar.getByRole('meter')).toHaveAttribute('aria-valuenow', String(Math.round(s.bytes / 1024)));
    await expect(bar).toHaveClass(s.overLimit ? /size-over/ : /^size-bar$/);
  }
  await page.screenshot({ path: path.join(SHOTS, 'series-sizes.png'), fullPage: true });
  await page.getByTestId('patch-list').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'series-size-bars.png') });

  await page.getByTestId('check').click();
  await expect(page.getByTestId('check-summary')).toContainText(`All ${state.series.patchOrder.length} patches apply`);
  // The seed's shape is a choice kept in the plan too.
  await page.getByTestId('series-whole-support').check();
  await expect.poll(() => cliState().series.settings).toEqual({ maxPatchKb: 4, wholeSupport: true });
  expect(problems).toEqual([]);
});

/**
 * The patch series end to end, in Debian's Chromium through the real room server on the demo
 * sprint: propose, reorder by mouse and by keyboard, check, export (a .zip download in the
 * browser), and verify the downloaded files with git from the test (git am on a fresh clone of
 * upstream rebuilds the fork's tree).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import path from 'node:path';
import { cleanup, git, tempDir } from '../helpers/repo';
import { runCli } from '../renderer/room-process';
import { demoRoom, iAm, SHOTS } from './demo-room';


const room = demoRoom({ allowRepoChanges: true });
const scratch: string[] = [];

test.afterAll(() => cleanup(...scratch));

interface CliSeries {
  series: { patchOrder: string[]; target: string; base: string };
}

function cliSeries(): CliSeries {
  const r = runCli(['series', 'list', '--repo', room().repo, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CliSeries;
}

/** Patch ids in the order the page shows them. */
async function shownOrder(page: Page): Promise<string[]> {
  const ids = await page.getByTestId('patch-list').locator('[data-testid^="patch-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.slice('patch-'.length));
}

async function dragWithMouse(page: Page, handle: Locator, target: Locator): Promise<void> {
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('The patch rows are not on screen.');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 8, { steps: 4 });
  await page.mouse.move(from.x + from.width / 2, to.y + 2, { steps: 20 });
  await page.mouse.up();
}

test('series: propose, reorder by mouse and keyboard, check, export as a download, verified with git am', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${room().url.replace(/#.*$/, '')}#/series`);
  await iAm(page, { name: 'Keir Fraser', email: 'keir@xensource.com' });
  await page.getByTestId('propose').click();
  const list = page.getByTestId('patch-list');
  await expect(list).toBeVisible();
  const proposed = cliSeries().series.patchOrder;
  expect(proposed.length).toBeGreaterThanOrEqual(3);
  await expect.poll(() => shownOrder(page)).toEqual(proposed);
  await page.screenshot({ path: path.join(SHOTS, 'series-proposed.png'), fullPage: true });

  // 1. Mouse: the second patch's handle dragged above the first.
  const [a, b, c] = proposed as [string, string, string];
  await dragWithMouse(page, page.getByTestId(`patch-${b}`).getByRole('button', { name: /^Move patch 2/ }), page.getByTestId(`patch-${a}`));
  const afterMouse = [b, a, ...proposed.slice(2)];
  await expect.poll(() => shownOrder(page)).toEqual(afterMouse);
  await expect.poll(() => cliSeries().series.patchOrder).toEqual(afterMouse);

  // 2. Keyboard: the third patch picked up with Space, moved up one, dropped with Space.
  const handle = page.getByTestId(`patch-${c}`).getByRole('button', { name: /^Move patch 3/ });
  await handle.focus();
  await page.keyboard.press('Space');
  const picked = page.getByTestId(`patch-${c}`);
  await expect(picked).toHaveClass(/patch-dragging/);
  // dnd-kit's keyboard sensor starts listening for arrows a moment after the pick-up: press Up
  // until the row has moved (and only then), then wait until the row it passed makes room below.
  const movedUp = /translate3d\([^,]+, -[1-9]/;
  await expect(async () => {
    if (!movedUp.test((await picked.getAttribute('style')) ?? '')) await page.keyboard.press('ArrowUp');
    expect(await picked.getAttribute('style')).toMatch(movedUp);
  }).toPass();
  await expect(page.getByTestId(`patch-${a}`)).toHaveAttribute('style', /translate3d\([^,]+, [1-9]/);
  await page.keyboard.press('Space');
  const afterKeys = [b, c, a, ...proposed.slice(3)];
  await expect.poll(() => shownOrder(page)).toEqual(afterKeys);
  await expect.poll(() => cliSeries().series.patchOrder).toEqual(afterKeys);

  // 3. Edit the first patch's subject in its detail pane; undo and redo it like a board move.
  await page.getByTestId(`patch-${b}`).getByRole('button', { name: /^(?!Move)/ }).click();
  await page.getByTestId('patch-subject').fill('x86: hooks the Xen port needs');
  await page.getByTestId('patch-save').click();
  const subjectOf = (id: string): string => {
    const r = runCli(['series', 'list', '--repo', room().repo, '--json']);
    return (JSON.parse(r.stdout) as { series: { patches: Record<string, { subject: string }> } }).series.patches[id]?.subject ?? '';
  };
  await expect.poll(() => subjectOf(b)).toBe('x86: hooks the Xen port needs');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => subjectOf(b)).not.toBe('x86: hooks the Xen port needs');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(() => subjectOf(b)).toBe('x86: hooks the Xen port needs');
  await page.screenshot({ path: path.join(SHOTS, 'series-patch-detail.png'), fullPage: true });

  // 4. Check: every patch applies and the tree is the fork's.
  await page.getByTestId('check').click();
  await expect(page.getByTestId('check-summary')).toContainText(`All ${proposed.length} patches apply`);
  await expect(page.getByTestId('check-summary')).toContainText("the tree equals the target's");

  // 5. Export: in a browser it is a download, a .zip of the patch files, never a folder on the
  // server's disk; git am of its patches on a fresh clone of upstream gives the fork's tree.
  await expect(page.getByTestId('export-out')).toHaveCount(0);
  const unpacked = tempDir();
  const clone = tempDir();
  scratch.push(unpacked, clone);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-v1\.zip$/);
  const zipFile = path.join(unpacked, download.suggestedFilename());
  await download.saveAs(zipFile);
  await expect(page.getByTestId('export-result')).toContainText(`Exported v1 as ${download.suggestedFilename()}`);
  await page.screenshot({ path: path.join(SHOTS, 'series-exported.png'), fullPage: true });
  const entries = unzipSync(readFileSync(zipFile));
  const files = Object.keys(entries).sort();
  const folder = download.suggestedFilename().replace(/\.zip$/, '');
  expect(files[0]).toBe(`${folder}/0000-cover-letter.patch`);
  expect(files).toHaveLength(proposed.length + 1);
  const patchFiles = files.slice(1).map((name) => {
    const file = path.join(unpacked, path.basename(name));
    writeFileSync(file, entries[name] as Uint8Array);
    return file;
  });
  expect(readFileSync(patchFiles[0] as string, 'utf8')).toMatch(new RegExp(`^Subject: \\[PATCH v1 0?1/${proposed.length}\\] x86: hooks the Xen port needs$`, 'm'));
  const { series } = cliSeries();
  git(clone, ['clone', '-q', '--no-checkout', room().repo, clone]);
  git(clone, ['checkout', '-q', '--detach', series.base]);
  git(clone, ['am', '-q', ...patchFiles]);
  expect(git(clone, ['rev-parse', 'HEAD^{tree}'])).toBe(git(room().repo, ['rev-parse', `${series.target}^{tree}`]));
  expect(git(clone, ['log', '--format=%s', `${series.base}..HEAD`, '--reverse']).trim().split('\n')).toHaveLength(proposed.length);

  // 6. Upstream moves on (its release tag now names a commit that drops a file a patch
  // changes): without a click, the view says which patch no longer applies.
  await expect(page.getByTestId('drift-result')).toHaveCount(0);
  const upstreamRef = (JSON.parse(runCli(['plan', '--repo', room().repo, '--json']).stdout) as { sprint: { upstreamRef: string } }).sprint.upstreamRef;
  const index = { GIT_INDEX_FILE: path.join(tempDir(), 'index') };
  git(room().repo, ['read-tree', upstreamRef], { env: index });
  git(room().repo, ['update-index', '--force-remove', '--', 'drivers/char/mem.c'], { env: index });
  const tree = git(room().repo, ['write-tree'], { env: index }).trim();
  const moved = git(room().repo, ['commit-tree', '-p', `${upstreamRef}^{commit}`, '-m', 'char: drop mem.c', tree]).trim();
  git(room().repo, ['tag', '-f', upstreamRef, moved]);
  // The patch that changes mem.c, wherever the proposal's order put it.
  const listed = JSON.parse(runCli(['series', 'list', '--repo', room().repo, '--json']).stdout) as { series: { patches: Record<string, { subject: string; files: string[] }> } };
  const memPatch = Object.values(listed.series.patches).find((p) => p.files.includes('drivers/char/mem.c'));
  expect(memPatch).toBeDefined();
  await expect(page.getByTestId('drift-result')).toContainText(`no longer applies: ${memPatch?.subject}`);
  await expect(page.getByTestId('drift-result')).toContainText(`${moved.slice(0, 12)} char: drop mem.c`);
  await page.getByTestId('drift-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'series-upstream-moved.png') });
  expect(problems).toEqual([]);
});

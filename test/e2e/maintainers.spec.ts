/**
 * Import from MAINTAINERS in Debian's Chromium through the real room server, on the demo sprint
 * (whose MAINTAINERS has F: lines): the app asks first in a dialog that says how many cards the
 * import replaces with how many, Cancel changes nothing, Replace does, and one undo puts the
 * cards back. Saves a screenshot of the dialog.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { runCli } from '../renderer/room-process';
import { demoRoom, iAm, SHOTS } from './demo-room';

const room = demoRoom();

const cliPlan = (): { people: { id: string }[]; subsystems: { name: string }[] } => {
  const r = runCli(['plan', '--repo', room().repo, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { people: { id: string }[]; subsystems: { name: string }[] };
};
const cardNames = (): string[] => cliPlan().subsystems.map((s) => s.name).sort();

test('the MAINTAINERS import asks what it replaces, and one undo puts the cards back', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${room().url}#/subsystems`);
  await expect(page.getByTestId('subsystems')).toBeVisible();
  await iAm(page, { personId: cliPlan().people[0]!.id });
  const before = cardNames();
  expect(before.length).toBeGreaterThan(0);

  await page.getByTestId('import-maintainers').click();
  const dialog = page.getByTestId('import-confirm');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(new RegExp(`replaces ${before.length} cards with \\d+`));
  await page.screenshot({ path: path.join(SHOTS, 'maintainers-import-confirm.png') });

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(cardNames()).toEqual(before);

  await page.getByTestId('import-maintainers').click();
  await page.getByTestId('import-confirm-replace').click();
  await expect.poll(cardNames).toContain('XEN HYPERVISOR INTERFACE');
  const imported = cardNames();
  expect(imported).not.toEqual(before);

  await page.keyboard.press('Control+z');
  await expect.poll(cardNames).toEqual(before);
});

test('the Series view shows each patch\'s recipients and why each is there', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${room().url.replace(/#.*$/, '')}#/series`);
  await iAm(page, { personId: cliPlan().people[0]!.id });
  await page.getByTestId('propose').click();
  const list = page.getByTestId('patch-list');
  await expect(list).toBeVisible();
  // The patch holding the fork's x86_64 copies: To its XEN maintainers and, through the twin, X86-64 PORT's.
  await list.locator('.patch-row', { hasText: /x86_64/ }).first().locator('.patch-subject').click();
  const recipients = page.getByTestId('patch-recipients');
  await expect(recipients).toContainText('ak@suse.example');
  await expect(recipients).toContainText('M: of X86-64 PORT, twin of arch/xen/x86_64');
  await recipients.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'series-recipients.png') });
});

test('Map sections to folders lists the sections without F: lines and binds one as a plan change', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${room().url.replace(/#.*$/, '')}#/subsystems`);
  await iAm(page, { personId: cliPlan().people[0]!.id });
  await page.getByTestId('open-maintainers-map').click();
  const panel = page.getByTestId('maintainers-map');
  await expect(panel).toContainText('This file has F: lines');
  const row = panel.getByTestId('map-row').filter({ hasText: 'THE REST' });
  await row.getByRole('textbox').fill('Documentation');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => (JSON.parse(runCli(['maintainers', 'map', '--repo', room().repo, '--json']).stdout) as { map: unknown[] }).map).toEqual([{ section: 'THE REST', folders: ['Documentation'] }]);
  await page.screenshot({ path: path.join(SHOTS, 'maintainers-map.png') });
});

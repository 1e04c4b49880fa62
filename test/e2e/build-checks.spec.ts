/**
 * The Rename view's build checks in Chromium through the room server on the demo sprint: each
 * shows the command this clone defines for it; a check whose command this clone lacks (as one
 * from a colleague's plan) says "not defined on this machine" and cannot be run. The room allows
 * repository changes, so only the missing command keeps Run off.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { git } from '../helpers/repo';
import { demoRoom, SHOTS } from './demo-room';

const room = demoRoom({ allowRepoChanges: true });

test("build checks show this clone's commands; one it does not define cannot run", async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${room().url.replace(/#.*$/, '')}#/rename`);
  const command = (name: string) => git(room().repo, ['config', '--local', '--get', `merge-sprint.build.${name}.command`]).trim();
  const oldRow = page.getByTestId('build-build-old-layout');
  const newRow = page.getByTestId('build-build-new-layout');
  await expect(oldRow).toContainText(command('old layout'));
  await expect(newRow).toContainText(command('new layout'));
  await expect(page.getByTestId('build-run-build-new-layout')).toBeEnabled();

  git(room().repo, ['config', '--local', '--unset', 'merge-sprint.build.new layout.command']);
  await page.reload();
  await expect(page.getByTestId('build-undefined-build-new-layout')).toHaveText('not defined on this machine');
  await expect(page.getByTestId('build-run-build-new-layout')).toBeDisabled();
  await expect(oldRow).toContainText(command('old layout'));
  await page.screenshot({ path: path.join(SHOTS, 'build-checks-not-defined.png') });
  expect(problems).toEqual([]);
});

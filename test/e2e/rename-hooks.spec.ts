/**
 * The Rename view's "Run this repository's git hooks" box, in Chromium through the room server on
 * the demo sprint: it shows the clone's setting, but a browser in the room cannot change it (the
 * hooks are commands that run on the server), so it is greyed out with the reason; turned on from
 * the command line, the interim copy made from the browser then runs the repository's
 * commit-msg hook.
 */
import { expect, test } from '@playwright/test';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { git } from '../helpers/repo';
import { runCli } from '../renderer/room-process';
import { demoRoom, iAm, SHOTS } from './demo-room';

const room = demoRoom({ allowRepoChanges: true });

/** merge-sprint.runHooks in the clone's own config, or null when unset. */
const localSetting = (): string | null => {
  try {
    return git(room().repo, ['config', '--local', '--get', 'merge-sprint.runHooks']).trim();
  } catch {
    return null;
  }
};

test("rename hooks: the box shows the clone's setting, is the owner's to change; on, the interim copy runs the commit-msg hook", async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${room().url.replace(/#.*$/, '')}#/rename`);
  const box = page.getByTestId('rename-hooks');
  await expect(box).not.toBeChecked();
  await expect(box).toBeDisabled();
  await expect(box).toHaveAttribute('title', /only possible in the Merge Sprint window or on the command line/);
  await expect(page.getByTestId('rename')).toContainText('Off by default, and set per clone');

  const on = runCli(['rename', 'hooks', 'on', '--repo', room().repo]);
  expect(on.status, on.stderr).toBe(0);
  expect(localSetting()).toBe('true');
  await page.reload();
  await expect(page.getByTestId('rename-hooks')).toBeChecked();

  await iAm(page, { name: 'Keir Fraser', email: 'keir@xensource.com' });
  const hook = path.join(room().repo, '.git', 'hooks', 'commit-msg');
  writeFileSync(hook, '#!/bin/sh\ngit interpret-trailers --in-place --trailer "Change-Id: I123" "$1"\n');
  chmodSync(hook, 0o755);
  await page.getByTestId('rule-from').fill('arch/xen/kernel');
  await page.getByTestId('rule-to').fill('drivers/xen/kernel');
  await expect(page.getByTestId('rule-add')).toBeEnabled();
  await page.getByTestId('rule-add').click();
  const rule = page.locator('[data-testid^="rule-"]').filter({ hasText: 'arch/xen/kernel → drivers/xen/kernel' });
  await expect(rule).toBeVisible();
  const ruleId = ((await rule.getAttribute('data-testid')) ?? '').slice('rule-'.length);
  await page.getByTestId('copy-all').click();
  await expect(page.getByTestId(`phase-${ruleId}`)).toHaveText('copied');
  expect(git(room().repo, ['log', '-1', '--format=%B']).trim()).toBe('Interim copy: arch/xen/kernel -> drivers/xen/kernel\n\nChange-Id: I123');
  await page.screenshot({ path: path.join(SHOTS, 'rename-hooks-on.png') });

  const off = runCli(['rename', 'hooks', 'off', '--repo', room().repo]);
  expect(off.status, off.stderr).toBe(0);
  await page.reload();
  await expect(page.getByTestId('rename-hooks')).not.toBeChecked();
  expect(localSetting()).toBeNull();
  expect(problems).toEqual([]);
});

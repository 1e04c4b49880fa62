/**
 * "Switch references" end to end, in Chromium through the room server: after the move of
 * arch/xen/i386 to arch/i386/xen, the References panel lists the lines still naming the old path,
 * the switch is previewed as the commit's diff with the make-variable line left for you, and one
 * click commits it, as git itself then shows.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT, runCli, startRoom, type Room } from '../renderer/room-process';
import { cleanup, git } from '../helpers/repo';
import { FROM, TO, makeSwitchFork } from '../core/rename/switch-refs-fixture';
import { iAm } from './demo-room';

const SHOTS = path.join(PROJECT, 'screenshots');
let room: Room;
let repo: string;
let ruleId: string;

function cli(args: string[]): string {
  const run = runCli(args);
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  repo = makeSwitchFork();
  cli(['init', '--repo', repo, '--upstream', 'HEAD~1', '--fork', 'main', '--pair', `${FROM}=arch/i386`]);
  ruleId = (JSON.parse(cli(['rename', 'add', '--repo', repo, '--from', FROM, '--to', TO, '--json'])) as { rule: { id: string } }).rule.id;
  cli(['rename', 'copy', '--repo', repo]);
  cli(['rename', 'finish', '--repo', repo, '--rule', ruleId]);
  room = await startRoom(['--repo', repo, '--port', '0', '--allow-repo-changes']);
});

test.afterAll(async () => {
  await room?.stop();
  if (repo) cleanup(repo);
});

test('the lines naming the old path are previewed as a diff and switched in one commit', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${room.url.replace(/#.*$/, '')}#/rename`);
  await iAm(page, { name: 'Keir Fraser', email: 'keir@xensource.com' });
  await page.getByTestId(`refs-${ruleId}`).click();
  await page.getByTestId(`switch-preview-${ruleId}`).click();
  const diff = page.getByTestId('switch-diff');
  await expect(diff.locator('.diff-code-insert').filter({ hasText: 'obj-$(CONFIG_XEN) += arch/i386/xen/' }).first()).toBeVisible();
  await expect(diff.locator('.diff-code-delete').filter({ hasText: '#include "../arch/xen/i386/kernel/setup.h"' }).first()).toBeVisible();
  await expect(page.getByTestId('switch-left')).toContainText('arch/xen/Makefile:2 include $(srctree)/arch/xen/$(XENARCH)/Makefile');
  await page.getByTestId(`switch-refs-${ruleId}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'switch-refs.png'), fullPage: true });

  const before = git(repo, ['rev-parse', 'HEAD']).trim();
  await page.getByTestId(`switch-commit-${ruleId}`).click();
  await expect(page.getByText(/^Switched 7 lines to the new path/)).toBeVisible({ timeout: 30_000 });
  expect(git(repo, ['rev-parse', 'HEAD^']).trim()).toBe(before);
  expect(git(repo, ['log', '-1', '--format=%s'])).toBe(`Switch references from ${FROM} to ${TO}\n`);
  expect(git(repo, ['show', 'HEAD:kernel/sched.c'])).toContain('#include "../arch/i386/xen/kernel/setup.h"');
  expect(git(repo, ['status', '--porcelain'])).toBe('');
  // The list is read again: only the line left for you still names the old path.
  await expect(page.getByTestId(`refs-${ruleId}`).locator('..')).toContainText('1 line names the old path');
  expect(problems).toEqual([]);
});

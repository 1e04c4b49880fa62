/**
 * Each person's work on their card, end to end in Chromium through the real room server on the
 * demo sprint: Start work creates the card's branch, a commit made with git on that branch shows
 * on the card without a reload (a repo.changed push), a Done card whose branch is not merged says
 * so and the Not verified filter finds it, a Review card shows its branch's diff, and the Burndown
 * view draws its charts.
 */
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { git } from '../helpers/repo';
import { runCli } from '../renderer/room-process';
import { demoRoom, iAm, SHOTS, openView } from './demo-room';

interface CliPlan {
  people: { id: string; name: string }[];
  subsystems: { id: string; name: string; owner: string | null; state: string; files: string[] }[];
}

const room = demoRoom({ allowRepoChanges: true });

test('team: Start work, a commit on the branch shows live, Done but not merged, the burndown', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const planRun = runCli(['plan', '--repo', room().repo, '--json']);
  expect(planRun.status, planRun.stderr).toBe(0);
  const plan = JSON.parse(planRun.stdout) as CliPlan;
  const card = plan.subsystems.find((s) => s.state !== 'Done' && s.files.some((f) => f.endsWith('.c')));
  const person = plan.people[0];
  if (!card || !person) throw new Error('The demo sprint should have people and a card with C files.');
  const file = card.files.find((f) => f.endsWith('.c')) as string;

  await page.goto(room().url);
  await expect(page.getByTestId('board')).toBeVisible();
  await iAm(page, { personId: person.id });
  const cardEl = page.getByTestId(`card-${card.id}`);
  await cardEl.hover();
  await page.getByTestId(`start-work-${card.id}`).click();
  const name = page.getByTestId('start-work-branch');
  await name.fill('keir/has space');
  await expect(page.getByTestId('start-work-error')).toContainText('holds a space');
  await expect(page.getByTestId('start-work-confirm')).toBeDisabled();
  await name.fill('keir/e2e-work');
  await page.getByTestId('start-work-confirm').click();
  await expect(page.getByTestId(`branch-${card.id}`)).toContainText('keir/e2e-work');
  await expect(page.getByTestId(`work-${card.id}`)).toContainText('no commits on its files yet');
  const sprintBranch = git(room().repo, ['rev-parse', '--abbrev-ref', 'HEAD']).trim();
  expect(git(room().repo, ['rev-parse', 'keir/e2e-work']).trim()).toBe(git(room().repo, ['rev-parse', 'HEAD']).trim());

  // The person commits on their branch with git, outside the app.
  git(room().repo, ['switch', '-q', 'keir/e2e-work']);
  writeFileSync(path.join(room().repo, file), '/* reworked for the hypervisor */\n');
  git(room().repo, ['commit', '-qam', 'xen: rework for the hypervisor']);
  git(room().repo, ['switch', '-q', sprintBranch]);
  await expect(page.getByTestId(`work-${card.id}`)).toContainText('1 commit · last “xen: rework for the hypervisor” by Ada Fixture', { timeout: 15_000 });

  // In Review, the card shows its branch's diff of its files.
  const review = runCli(['state', '--repo', room().repo, '--subsystem', card.id, '--to', 'Review']);
  expect(review.status, review.stderr).toBe(0);
  await cardEl.hover();
  await page.getByTestId(`branch-diff-${card.id}`).click();
  await expect(page.getByTestId('branch-diff').locator('.diff-code-insert', { hasText: '/* reworked for the hypervisor */' })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'team-branch-diff.png') });
  await page.getByTestId('branch-diff-close').click();
  await expect(page.getByTestId('branch-diff')).toBeHidden();

  const done = runCli(['state', '--repo', room().repo, '--subsystem', card.id, '--to', 'Done']);
  expect(done.status, done.stderr).toBe(0);
  await expect(page.getByTestId(`verdict-${card.id}`)).toHaveText('Done, but 1 commit on keir/e2e-work is not on the sprint branch');
  await page.getByTestId('filter-not-verified').check();
  await expect(page.locator('[data-testid^="card-"]')).toHaveCount(1);
  await expect(cardEl).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'team-board.png') });
  await page.getByTestId('filter-not-verified').uncheck();

  await openView(page, 'burndown');
  // The demo's plan was made today: one day, one point of lines and one stack of cards.
  await expect(page.getByTestId('burndown-lines').locator('.recharts-line-dot')).toHaveCount(1);
  await expect(page.getByTestId('burndown-cards').locator('.recharts-bar-rectangle path')).toHaveCount(4);
  await expect(page.getByTestId('load-table')).toContainText(person.name);
  await page.screenshot({ path: path.join(SHOTS, 'burndown.png'), fullPage: true });
  expect(problems).toEqual([]);
});

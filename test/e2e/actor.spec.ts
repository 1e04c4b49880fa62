/**
 * Who a change in the room is by, end to end in Debian's Chromium through the real room server:
 * the header asks "Who are you?" without blocking the board, a drag before answering goes back
 * with the server's reason (nothing is written under the server's git user), "I am <person>" is
 * chosen there, a card dragged afterwards is that person's in the Activity feed and in git's log
 * of the plan ref, the choice survives a reload, and a typed name can add you to the people.
 * Saves screenshots of the header at 1440 px and at projector size.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { git } from '../helpers/repo';
import { runCli } from '../renderer/room-process';
import { demoRoom, dragWithMouse, SHOTS, openView } from './demo-room';

const PLAN_REF = 'refs/merge-sprint/plan';

interface CliPlan {
  people: { id: string; name: string; email: string }[];
  subsystems: { id: string; name: string; owner: string | null }[];
}

const room = demoRoom();

function cliPlan(): CliPlan {
  const r = runCli(['plan', '--repo', room().repo, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CliPlan;
}

/** Name and email of the newest plan event's commit, as git reports them. */
const planHeadAuthor = (): string[] => git(room().repo, ['log', '-1', '--format=%an%x00%ae', PLAN_REF, '--']).trim().split('\0');

/** The header, with the open menu below it when there is one. */
async function shootHeader(page: Page, name: string, height: number): Promise<void> {
  const box = await page.locator('.app-header').boundingBox();
  if (!box) throw new Error('The header is not on screen.');
  await page.screenshot({ path: path.join(SHOTS, name), clip: { x: 0, y: 0, width: box.width, height: Math.max(box.height, height) } });
}

test('"I am <person>" in the header: the Activity feed and the plan ref name that person', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });

  await page.goto(room().url);
  await expect(page.getByTestId('board')).toBeVisible();
  const picker = page.getByTestId('actor-picker');
  await expect(picker).toHaveText('Who are you?');
  await shootHeader(page, 'header-who-are-you.png', 60);

  const plan = cliPlan();
  // Someone other than the server's own git user, so the feed can only have it from the header.
  const serverName = git(room().repo, ['var', 'GIT_AUTHOR_IDENT']).replace(/ <.*$/s, '');
  const me = plan.people.find((p) => p.name !== serverName);
  const target = plan.people.find((p) => p !== me);
  const card = plan.subsystems.find((s) => s.owner === null);
  if (!me || !target || !card) throw new Error('The demo sprint should have two people and an unassigned card.');

  // Before saying who you are, a drag is refused in words and the card goes back.
  const planHead = git(room().repo, ['rev-parse', PLAN_REF]);
  await dragWithMouse(page, page.getByTestId(`card-${card.id}`), page.getByTestId(`column-${target.id}`));
  await expect(page.getByTestId('notice-error')).toContainText('Choose who you are first');
  await expect(page.getByTestId('column-unassigned').getByTestId(`card-${card.id}`)).toBeVisible();
  expect(git(room().repo, ['rev-parse', PLAN_REF])).toBe(planHead);
  await page.screenshot({ path: path.join(SHOTS, 'board-refused-until-chosen.png') });

  await picker.click();
  await expect(page.getByTestId('actor-menu')).toBeVisible();
  await shootHeader(page, 'header-actor-menu.png', 460);
  await page.getByTestId(`actor-person-${me.id}`).click();
  await expect(page.getByTestId('actor-menu')).toBeHidden();
  await expect(picker).toHaveText(`I am${me.name}`);
  await shootHeader(page, 'header-i-am.png', 60);

  await dragWithMouse(page, page.getByTestId(`card-${card.id}`), page.getByTestId(`column-${target.id}`));
  await expect.poll(() => cliPlan().subsystems.find((s) => s.id === card.id)?.owner).toBe(target.name);
  expect(planHeadAuthor()).toEqual([me.name, me.email]);
  await openView(page, 'activity');
  await expect(page.getByTestId('activity').locator('li').first()).toContainText(`${me.name} assigned ${card.name} to ${target.name}`);

  // Remembered for this repository after a reload.
  await page.reload();
  await expect(page.getByTestId('actor-picker')).toHaveText(`I am${me.name}`);

  // Projector size: the header keeps one line.
  await page.getByTestId('tab-board').click();
  await page.getByTestId('large-board').click();
  await expect(page.locator('html')).toHaveClass(/large/);
  const header = await page.locator('.app-header').boundingBox();
  expect(header?.height).toBeLessThan(80);
  await page.getByTestId('actor-picker').click();
  await shootHeader(page, 'header-actor-menu-projector.png', 560);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('actor-menu')).toBeHidden();
  await page.getByTestId('large-board').click();
  expect(problems).toEqual([]);
});

test('a typed name can add you to the people, and the addition is yours', async ({ page }) => {
  await page.goto(room().url);
  await expect(page.getByTestId('board')).toBeVisible();
  await page.getByTestId('actor-picker').click();
  await page.getByTestId('actor-submit').click();
  await expect(page.getByTestId('actor-form').getByRole('alert')).toHaveText('Type your name.');
  await page.getByTestId('actor-name').fill('Jan Beulich');
  await page.getByTestId('actor-email').fill('jbeulich@novell.com');
  await page.getByTestId('actor-add-person').check();
  await page.getByTestId('actor-submit').click();
  await expect(page.getByTestId('actor-picker')).toHaveText('I amJan Beulich');
  await expect.poll(() => cliPlan().people.find((p) => p.name === 'Jan Beulich')?.email).toBe('jbeulich@novell.com');
  expect(planHeadAuthor()).toEqual(['Jan Beulich', 'jbeulich@novell.com']);
  await openView(page, 'activity');
  await expect(page.getByTestId('activity').locator('li').first()).toContainText('Jan Beulich added Jan Beulich');
});

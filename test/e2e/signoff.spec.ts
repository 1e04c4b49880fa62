/**
 * A card's Sign off in Chromium through the real room server on the demo sprint: the card's
 * owner signs off and everyone sees who did; another person is refused in words and the card
 * stays as it was.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { runCli } from '../renderer/room-process';
import { demoRoom, iAm, SHOTS } from './demo-room';

interface CliPlan {
  people: { id: string; name: string; email: string }[];
  subsystems: { id: string; name: string; owner: string | null }[];
}

const room = demoRoom();

test('sign off: only the card owner gives it, in their own name', async ({ page }) => {
  const planRun = runCli(['plan', '--repo', room().repo, '--json']);
  expect(planRun.status, planRun.stderr).toBe(0);
  const plan = JSON.parse(planRun.stdout) as CliPlan;
  // The plan's JSON names each card's owner by name.
  const card = plan.subsystems.find((s) => s.owner !== null && plan.people.find((p) => p.name === s.owner)?.email);
  const owner = plan.people.find((p) => p.name === card?.owner);
  const other = plan.people.find((p) => p.name !== card?.owner && p.email !== owner?.email);
  if (!card || !owner || !other) throw new Error('The demo sprint should have a card whose owner has an email, and another person.');

  await page.goto(room().url);
  await iAm(page, { personId: other.id });
  const cardEl = page.getByTestId(`card-${card.id}`);
  await cardEl.hover();
  await page.getByTestId(`signoff-action-${card.id}`).click();
  await expect(page.getByRole('alert').first()).toContainText(`Only ${owner.name} <${owner.email}> can sign off "${card.name}"`);
  await expect(page.getByTestId(`signoff-${card.id}`)).not.toContainText('Signed off by');

  await iAm(page, { personId: owner.id });
  await cardEl.hover();
  await page.getByTestId(`signoff-action-${card.id}`).click();
  await expect(page.getByTestId(`signoff-${card.id}`)).toContainText(`Signed off by ${owner.name}`);
  await cardEl.hover();
  await cardEl.screenshot({ path: path.join(SHOTS, 'signoff-card.png') });
  await page.screenshot({ path: '/tmp/trailers-signoff.png' });
});

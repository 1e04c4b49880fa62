/**
 * Two laptops in Chromium: two room servers on two clones of one bare remote. A drag on the
 * first board shows "1 change to send"; its Sync sends it, the second board's Sync brings it,
 * and the card is in its new column there, with the mover's name in the activity feed.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { cleanup, git, tempDir } from '../helpers/repo';
import { runCli, startRoom, type Room } from '../renderer/room-process';
import { dragWithMouse, iAm, SHOTS } from './demo-room';

let dir = '';
const rooms: Room[] = [];

test.afterAll(async () => {
  for (const r of rooms.splice(0)) await r.stop();
  if (dir) cleanup(dir);
});

function cli(args: string[]): string {
  const r = runCli(args);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

async function open(page: Page, room: Room): Promise<void> {
  await page.goto(room.url);
  await expect(page.getByTestId('board')).toBeVisible();
  await expect(page.getByTestId('sync-state')).toHaveText('In sync');
}

test('a drag on one laptop shows on the other after a sync', async ({ browser }) => {
  dir = tempDir('merge-sprint-e2e-sync-');
  const organiser = path.join(dir, 'organiser');
  cli(['demo', organiser]);
  const remote = path.join(dir, 'plan.git');
  git(dir, ['clone', '-q', '--bare', organiser, remote]);
  git(organiser, ['push', '-q', remote, 'refs/merge-sprint/plan:refs/merge-sprint/plan']);
  const laptops = ['keir', 'ian'].map((name) => {
    const repo = path.join(dir, name);
    git(dir, ['clone', '-q', remote, repo]);
    cli(['sync', '--repo', repo]);
    return repo;
  });
  const plan = JSON.parse(cli(['plan', '--repo', laptops[0]!, '--json'])) as { people: { id: string; name: string }[]; subsystems: { id: string; owner: string | null }[] };
  const person = plan.people[0]!;
  const card = plan.subsystems.find((s) => s.owner === null)!;
  for (const repo of laptops) rooms.push(await startRoom(['--repo', repo, '--port', '0']));

  const keir = await browser.newPage();
  const ian = await browser.newPage();
  await open(keir, rooms[0]!);
  await open(ian, rooms[1]!);
  await iAm(keir, { personId: person.id });
  await iAm(ian, { name: 'Ian Pratt', email: 'ian@xensource.example' });
  await expect(keir.getByTestId('presence')).toHaveAttribute('title', `In the room now: ${person.name}`);

  await dragWithMouse(keir, keir.getByTestId('column-unassigned').getByTestId(`card-${card.id}`), keir.getByTestId(`column-${person.id}`));
  await expect(keir.getByTestId(`column-${person.id}`).getByTestId(`card-${card.id}`)).toBeVisible();
  await expect(keir.getByTestId('sync-state')).toHaveText('1 change to send');
  await keir.locator('.app-header').screenshot({ path: path.join(SHOTS, 'sync-to-send.png') });
  await keir.getByTestId('sync-now').click();
  await expect(keir.getByTestId('sync-state')).toHaveText('In sync');

  await expect(ian.getByTestId('column-unassigned').getByTestId(`card-${card.id}`)).toBeVisible();
  await ian.getByTestId('sync-now').click();
  await expect(ian.getByTestId(`column-${person.id}`).getByTestId(`card-${card.id}`)).toBeVisible();
  await expect(ian.getByTestId('sync-state')).toHaveText('In sync · 1 new');
  await ian.locator('.app-header').screenshot({ path: path.join(SHOTS, 'sync-in.png') });
  await ian.screenshot({ path: path.join(SHOTS, 'sync-board.png') });
});

/**
 * First contact with a sparse fork of realistic shape (hundreds of inherited files, a few dozen
 * changed copies, three pairings, a decoy sharing only Makefile and Kconfig, a rewritten folder),
 * in Debian's Chromium through the real room server: the suggestions tick only the right pairs,
 * the first board holds only cards with work, and an inherited file reads as inherited.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { cleanup } from '../helpers/repo';
import { DECOY, REWRITTEN, makeSparseFork, type SparseFork } from '../helpers/sparse-fork';
import { runCli, startRoom, type Room } from '../renderer/room-process';
import { iAm, SHOTS } from './demo-room';

interface CliFile {
  path: string;
  upstreamPath: string;
  status: string;
}

let fork: SparseFork;
let room: Room;
test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  fork = makeSparseFork();
  room = await startRoom(['--repo', fork.repo, '--port', '0']);
});
test.afterAll(async () => {
  await room?.stop();
  cleanup(fork.repo);
});

test('a sparse fork: the right pairs ticked, no decoy, a first board of work only, inherited files shown as such', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(room.url);
  await expect(page.getByTestId('setup')).toBeVisible();
  await page.getByTestId('upstream-ref').fill(fork.upstreamRef);
  await page.getByTestId('fork-ref').fill(fork.forkRef);
  await page.getByTestId('suggest-pairs').click();
  const rows = page.getByTestId('pairing-row');
  await expect(rows).toHaveCount(fork.pairings.length + 1);

  const ticked = await rows.evaluateAll((els) => els.filter((e) => e.getAttribute('data-checked') === 'true').map((e) => e.getAttribute('data-pair')));
  expect(ticked.sort()).toEqual(fork.pairings.map((p) => `${p.fork}=${p.upstream}`).sort());
  for (const p of fork.pairings) await expect(page.getByRole('checkbox', { name: `Pair ${p.fork} with ${p.upstream}` })).toBeChecked();
  const rewritten = page.locator(`[data-pair="${REWRITTEN.fork}=${REWRITTEN.upstream}"]`);
  await expect(rewritten.getByRole('checkbox')).not.toBeChecked();
  await expect(rewritten).toContainText('3 of 3 files have a twin; none alike');
  await expect(page.locator('[data-pair="arch/xen/i386=arch/i386"]')).toContainText('26 of 29 files have a twin; 2 identical, 24 similar');
  await expect(page.getByTestId('pairings')).not.toContainText(DECOY);
  await page.screenshot({ path: path.join(SHOTS, 'real-tree-setup.png'), fullPage: true });

  await iAm(page, { name: 'Keir Fraser', email: 'keir@xensource.com' });
  await page.getByTestId('start-sprint').click();
  await expect(page.getByTestId('board')).toBeVisible();
  const cards = page.locator('[data-testid^="card-"]');
  await expect(cards.first()).toBeVisible();

  // What git says the inventory is (its JSON keeps git's statuses), against what the board holds.
  const inventory = JSON.parse(runCli(['inventory', '--repo', fork.repo, '--json']).stdout) as { files: CliFile[] };
  const plan = JSON.parse(runCli(['plan', '--repo', fork.repo, '--json']).stdout) as { sprint: { pairings: unknown[] }; subsystems: { id: string; name: string; files: string[] }[] };
  expect(plan.sprint.pairings).toHaveLength(fork.pairings.length);
  const inherited = inventory.files.filter((f) => f.status === 'upstream-only' && f.path !== f.upstreamPath);
  expect(inherited.length).toBeGreaterThan(300);
  const work = new Set(inventory.files.filter((f) => f.status !== 'identical' && !inherited.includes(f)).map((f) => f.path));
  for (const s of plan.subsystems) {
    expect(s.files.length, s.name).toBeGreaterThan(0);
    for (const f of s.files) expect(work.has(f), `${s.name} holds ${f}`).toBe(true);
  }
  expect(plan.subsystems.map((s) => s.name).filter((n) => n.includes('math-emu'))).toEqual([]);
  await expect(cards).toHaveCount(plan.subsystems.length);
  for (const s of plan.subsystems) {
    const n = s.files.length;
    await expect(page.getByTestId(`card-${s.id}`)).toContainText(n === 1 ? '1 file needs work' : `${n} files need work`);
  }
  await page.screenshot({ path: path.join(SHOTS, 'real-tree-board.png') });

  // The inventory words an inherited file as such, and its diff is no deletion.
  await page.getByTestId('tab-inventory').click();
  await expect(page.getByTestId('total-inherited')).toContainText(`${inherited.length} files`);
  await page.getByTestId('inventory-status').selectOption('inherited');
  await page.getByTestId('file-row').first().click();
  await expect(page.getByTestId('diff-inherited')).toContainText('Inherited from upstream, unchanged by the fork');
  await expect(page.getByTestId('diff').locator('.diff-removed')).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, 'real-tree-inherited.png') });
  expect(problems).toEqual([]);
});

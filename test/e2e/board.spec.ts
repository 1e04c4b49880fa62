/**
 * The board end to end, in Debian's Chromium through the real room server on the demo sprint:
 * a mouse drag, a keyboard move, undo, reload, and a change made by the command line showing
 * up live. Saves screenshots of the board, the inventory with a diff, and the setup page.
 */
import { expect, test, type Locator } from '@playwright/test';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { git, makeCommit, makeRepo, tempDir } from '../helpers/repo';
import { runCli, startRoom } from '../renderer/room-process';
import { demoRoom, dragWithMouse, iAm, SHOTS, openView } from './demo-room';


interface CliPlan {
  people: { id: string; name: string }[];
  subsystems: { id: string; name: string; owner: string | null; state: string }[];
}

const room = demoRoom();
const problems: string[] = [];

function cliPlan(): CliPlan {
  const r = runCli(['plan', '--repo', room().repo, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CliPlan;
}

/** Subsystem ids of the cards in a column, in order. */
async function cardsIn(column: Locator): Promise<string[]> {
  const ids = await column.locator('[data-testid^="card-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.slice('card-'.length));
}

test('board: drag, keyboard move, undo, reload, and a CLI change shown live', async ({ page }) => {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

  await page.goto(room().url);
  const board = page.getByTestId('board');
  await expect(board).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveText(/Live/);
  await expect(page.getByTestId('keyboard-help')).toContainText('Space to pick it up');

  const plan = cliPlan();
  const [first, second] = plan.people;
  if (!first || !second) throw new Error('The demo sprint should have at least two people.');
  await iAm(page, { personId: first.id });
  const unassigned = page.getByTestId('column-unassigned');
  const startCards = await cardsIn(unassigned);
  expect(startCards.length).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: path.join(SHOTS, 'board-by-person.png') });

  // 1. Mouse: drag the first unassigned card onto the first person.
  const dragged = startCards[0]!;
  await dragWithMouse(page, unassigned.getByTestId(`card-${dragged}`), page.getByTestId(`column-${first.id}`));
  await expect(page.getByTestId(`column-${first.id}`).getByTestId(`card-${dragged}`)).toBeVisible();
  await expect.poll(() => cliPlan().subsystems.find((s) => s.id === dragged)?.owner).toBe(first.name);

  // 2. Keyboard: pick up the next unassigned card, move it one column right (Unassigned is the
  // first column, so that is the first person), drop.
  const moved = startCards[1]!;
  const lastPerson = first;
  const card = unassigned.getByTestId(`card-${moved}`);
  await card.focus();
  await page.keyboard.press('Space');
  await expect(card).toHaveClass(/card-dragging/);
  // dnd-kit's keyboard sensor starts listening for arrows a moment after the pick-up (a
  // setTimeout): press Right until the card is over another column, and only then.
  const overAnyColumn = page.getByText(/ is over (?!Unassigned\.).+\.$/);
  await expect(async () => {
    if ((await overAnyColumn.count()) === 0) await page.keyboard.press('ArrowRight');
    await expect(overAnyColumn).toBeAttached({ timeout: 300 });
  }).toPass();
  await expect(page.getByText(new RegExp(`is over ${lastPerson.name}\\.$`))).toBeAttached();
  await page.keyboard.press('Space');
  await expect(page.getByTestId(`column-${lastPerson.id}`).getByTestId(`card-${moved}`)).toBeVisible();
  await expect.poll(() => cliPlan().subsystems.find((s) => s.id === moved)?.owner).toBe(lastPerson.name);

  // 3. Undo with Ctrl+Z: the keyboard move goes back, the mouse drag stays.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(unassigned.getByTestId(`card-${moved}`)).toBeVisible();
  await expect.poll(() => cliPlan().subsystems.find((s) => s.id === moved)?.owner).toBeNull();

  // 4. Reload: the board is as it was left.
  await page.reload();
  await expect(page.getByTestId(`column-${first.id}`).getByTestId(`card-${dragged}`)).toBeVisible();
  await expect(page.getByTestId('column-unassigned').getByTestId(`card-${moved}`)).toBeVisible();
  expect(await cardsIn(page.getByTestId('column-unassigned'))).toEqual(startCards.filter((id) => id !== dragged));

  // 5. A change from the command line, in its own process, shows up without a reload.
  const viaCli = startCards[2]!;
  const cliName = plan.subsystems.find((s) => s.id === viaCli)!.name;
  const r = runCli(['assign', '--repo', room().repo, '--subsystem', cliName, '--to', second.name]);
  expect(r.status, r.stderr).toBe(0);
  await expect(page.getByTestId(`column-${second.id}`).getByTestId(`card-${viaCli}`)).toBeVisible({ timeout: 15_000 });
  await openView(page, 'activity');
  await expect(page.getByTestId('activity')).toContainText(`assigned ${cliName} to ${second.name}`);
  await page.getByTestId('tab-board').click();
  await page.screenshot({ path: path.join(SHOTS, 'board-by-person-after.png') });

  // 6. By state.
  await page.getByTestId('mode-state').click();
  await expect(page.getByTestId('column-backlog')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'board-by-state.png') });

  expect(problems).toEqual([]);
});

test('inventory with a diff open, and the setup page', async ({ page }) => {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${room().url}#/inventory`);
  await expect(page.getByTestId('file-table')).toBeVisible();
  await page.getByTestId('inventory-status').selectOption('modified');
  await page.getByTestId('file-row').first().click();
  const diff = page.getByTestId('diff');
  await expect(diff).toBeVisible();
  await expect(diff.locator('.diff-code-insert, .diff-code-delete').first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'inventory-diff.png') });

  await page.getByTestId('tab-setup').click();
  await expect(page.getByTestId('repo-card')).toContainText(path.basename(room().repo));
  await page.getByTestId('suggest-pairs').click();
  await expect(page.getByTestId('suggest-pairs')).toHaveText('Suggest pairings');
  await expect(page.getByTestId('pairings')).toContainText('have a twin');
  await page.screenshot({ path: path.join(SHOTS, 'setup.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('a fresh repository: setup with suggested pairings, a file dragged between subsystems and undone, a 50,000-line diff that stays light', async ({ page }) => {
  const dir = tempDir();
  const repo = makeRepo(path.join(dir, 'fresh'));
  const c = (name: string, body: string) => `/* ${name} */\nint ${name}(void)\n{\n\t${body};\n}\n`;
  const big = (tag: string) => Array.from({ length: 50_000 }, (_, i) => `line ${i} ${tag}`).join('\n') + '\n';
  makeCommit(repo, {
    files: {
      'arch/i386/kernel/time.c': c('time_init', 'return 0'),
      'arch/i386/kernel/irq.c': c('irq_init', 'return 0'),
      'arch/i386/mm/fault.c': c('do_page_fault', 'return 0'),
      'drivers/net/big.c': big('upstream'),
      'drivers/net/ne2k.c': c('ne2k_probe', 'return 0'),
      'drivers/net/tun.c': c('tun_init', 'return 0'),
    },
  });
  git(repo, ['branch', 'upstream']);
  makeCommit(repo, {
    branch: 'xen',
    files: {
      'arch/xen/i386/kernel/time.c': c('time_init', 'return HYPERVISOR_set_timer_op(0)'),
      // Two folders of work, so the derived plan has two cards (inherited and identical files make none).
      'arch/xen/i386/kernel/irq.c': c('irq_init', 'return HYPERVISOR_event_channel_op(0)'),
      'arch/xen/i386/kernel/evtchn.c': c('evtchn_init', 'return 0'),
      'drivers/net/big.c': big('fork'),
      'drivers/net/ne2k.c': c('ne2k_probe', 'return xen_probe()'),
      'drivers/net/tun.c': c('tun_init', 'return xen_tun()'),
    },
  });
  const fresh = await startRoom(['--repo', repo, '--port', '0']);
  try {
    await page.goto(fresh.url);
    await expect(page.getByTestId('setup')).toBeVisible();
    await page.getByTestId('upstream-ref').fill('upstream');
    await page.getByTestId('fork-ref').fill('xen');
    await page.getByTestId('suggest-pairs').click();
    const pairings = page.getByTestId('pairings');
    await expect(pairings).toContainText('arch/xen/i386');
    await expect(pairings.getByRole('checkbox', { name: 'Pair arch/xen/i386 with arch/i386' })).toBeChecked();
    await iAm(page, { name: 'Keir Fraser', email: 'keir@xensource.com' });
    await page.getByTestId('start-sprint').click();
    await expect(page.getByTestId('board')).toBeVisible();
    await expect(page.locator('[data-testid^="card-"]').first()).toBeVisible();
    type Plan = { subsystems: { id: string; name: string; files: string[] }[] };
    const readPlan = () => JSON.parse(runCli(['plan', '--repo', repo, '--json']).stdout) as Plan;
    const holder = (file: string) => readPlan().subsystems.find((s) => s.files.includes(file))?.id;
    const plan = readPlan();
    expect(plan.subsystems.flatMap((s) => s.files)).toContain('arch/xen/i386/kernel/time.c');

    // Drag one file onto another subsystem, then undo with the button.
    const from = holder('drivers/net/big.c');
    const to = plan.subsystems.find((s) => s.id !== from)?.id;
    if (!from || !to) throw new Error('The derived plan should have at least two subsystems.');
    await page.getByTestId('tab-subsystems').click();
    await page.getByTestId(`subsystem-${from}`).getByRole('button').click();
    const handle = page.getByLabel('Drag drivers/net/big.c to a subsystem');
    const target = page.getByTestId(`subsystem-${to}`);
    const a = await handle.boundingBox();
    const b = await target.boundingBox();
    if (!a || !b) throw new Error('The file or the subsystem is not on screen.');
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + 10, a.y + 10, { steps: 3 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 15 });
    await page.mouse.up();
    await expect.poll(() => holder('drivers/net/big.c')).toBe(to);
    await page.getByTestId('undo').click();
    await expect.poll(() => holder('drivers/net/big.c')).toBe(from);

    await page.getByTestId('tab-inventory').click();
    await page.getByTestId('inventory-text').fill('big.c');
    await page.getByTestId('file-row').first().click();
    const diff = page.getByTestId('diff');
    await expect(diff.locator('.diff-code-delete').first()).toContainText('line 0 upstream');
    // Only the lines on screen exist, whatever the diff's length.
    expect(await diff.locator('tr.diff-line').count()).toBeLessThan(400);
    await diff.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(diff.locator('.diff-code-insert').last()).toContainText('line 49999 fork');
    expect(await diff.locator('tr.diff-line').count()).toBeLessThan(400);
  } finally {
    await fresh.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * `npm run bench`: every benchmark in one run, each against a baseline measured in the same run
 * on the same repository. The last line is the inventory's ratio against raw git.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeLinuxSizeRepo } from './linux-repo';
import { benchInventory } from './inventory';
import { benchBoard, describeBoard } from './board';
import { benchInventoryUi } from './inventory-ui';
import { benchCardPane, describeCardPane } from './card-pane';
import { benchRename } from './rename';
import { benchSeries } from './series';
import { benchSeriesEach } from './series-each';
import { benchSeriesCopies } from './series-copies';
import { benchUpstream } from './upstream';
import { benchPickup } from './pickup';
import { benchPush, describePush } from './push';
import { benchSync, describeSync } from './sync';
import { benchTeam } from './team';
import { benchSuggest } from './suggest';

const line = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

const dir = mkdtempSync(path.join(tmpdir(), 'merge-sprint-bench-'));
try {
  line('Generating a Linux-size repository…');
  const fixture = await makeLinuxSizeRepo(path.join(dir, 'linux'));
  const inv = await benchInventory(fixture.repo, fixture.settings);
  line(`inventory: ${inv.files} files in ${inv.ms.toFixed(0)} ms; raw git ${inv.rawGitMs.toFixed(0)} ms; ratio ${inv.ratio.toFixed(2)} (target <= 1.5)`);
  line(`main process peak memory: ${inv.peakRssMb.toFixed(0)} MB`);

  line(`suggest: ${(await benchSuggest(fixture)).summary}`);

  const board = await benchBoard();
  line(describeBoard(board));
  line(describeCardPane(await benchCardPane()));

  const inventoryUi = await benchInventoryUi();
  line(`inventory view: ${inventoryUi.summary}; p95 frame against the idle page's ${(inventoryUi.scrollP95Ms / inventoryUi.idleP95Ms).toFixed(2)}`);

  const rename = await benchRename();
  line(`rename: ${rename.summary}`);

  const series = await benchSeries(fixture);
  line(`series: ${series.summary}`);
  line(`series --each: ${(await benchSeriesEach(fixture)).summary}`);
  line(`series copies: ${(await benchSeriesCopies(fixture)).summary}`);

  line(`upstream: ${(await benchUpstream(fixture)).summary}`);
  const team = await benchTeam(fixture);
  line(`team: ${team.summary}`);
  const pickup = await benchPickup(fixture);
  line(`pickup: ${pickup.summary}`);

  for (const l of describePush(await benchPush())) line(l);

  for (const l of describeSync(await benchSync())) line(l);

  line(`inventory ratio against raw git: ${inv.ratio.toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../shared/model';
import { selectCardStats, selectLoad } from '../../renderer/src/store/selectors';
import type { SprintState } from '../../renderer/src/store/types';
import { boardPlan } from './fakeServer';
import { inventoryFile } from '../helpers/inventory';

const file = inventoryFile;

describe('card stats', () => {
  it('count the files and lines to upstream, not the files the sparse fork inherits or copies unchanged', () => {
    const plan = boardPlan();
    plan.subsystems.net!.owner = 'ada';
    const inventory: Inventory = {
      upstreamRef: 'v2.6.12',
      forkRef: 'xen',
      upstreamCommit: 'a',
      forkCommit: 'b',
      pairings: [],
      files: [
        file('drivers/xen/net/netfront.c', 'modified', 7, 3),
        // Inherited: the fork has no copy, the numstat is the whole upstream file removed.
        file('drivers/xen/net/netback.c', 'upstream-only', 0, 120, { upstreamPath: 'drivers/net/netback.c' }),
        // Copied unchanged: nothing to upstream either.
        file('drivers/xen/net/loopback.c', 'identical', 0, 0, { upstreamPath: 'drivers/net/loopback.c' }),
        file('drivers/xen/blk/blkfront.c', 'fork-only', 40, 0),
      ],
    };
    plan.subsystems.net!.files = [...plan.subsystems.net!.files, 'drivers/xen/net/loopback.c'];
    const state = { plan, inventory } as unknown as SprintState;
    const stats = selectCardStats(state);
    expect(stats.net).toEqual({ files: 1, added: 7, removed: 3 });
    expect(stats.blk).toEqual({ files: 1, added: 40, removed: 0 });
    expect(selectLoad(state, 'ada')).toBe(10);
  });
});

describe('card stats, outside the pairings', () => {
  it('count a file the fork removed at the same path as work, lines and all', () => {
    const plan = boardPlan();
    const files = [file('drivers/xen/net/netfront.c', 'modified', 7, 3), file('drivers/xen/net/netback.c', 'upstream-only', 0, 120)];
    const inventory: Inventory = { upstreamRef: 'v2.6.12', forkRef: 'xen', upstreamCommit: 'a', forkCommit: 'b', pairings: [], files };
    expect(selectCardStats({ plan, inventory } as unknown as SprintState).net).toEqual({ files: 2, added: 7, removed: 123 });
  });
});

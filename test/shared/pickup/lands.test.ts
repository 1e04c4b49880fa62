/** Where a fork path lands through the rename rules, and which cards a fork commit touches. */
import { expect, test } from 'vitest';
import { landingPaths, onlyTouchesCard, touchesCard, waitingPerCard } from '../../../shared/pickup/lands';
import type { RenameRule } from '../../../shared/rename/model';

const rule = (from: string, to: string, phase: RenameRule['phase']): RenameRule => ({ id: from, from, to, phase, copyCommit: null, moveCommit: null });

test('moved: at the destination; copied: on both copies; planned, abandoned or outside: its own path', () => {
  const rules = [rule('arch/xen/i386', 'arch/i386/xen', 'moved'), rule('arch/xen/kernel', 'drivers/xen/core', 'copied'), rule('arch/xen/x86_64', 'arch/x86_64/xen', 'planned'), rule('arch/xen/lib', 'lib/xen', 'abandoned')];
  expect(landingPaths('arch/xen/i386/kernel/setup.c', rules)).toEqual(['arch/i386/xen/kernel/setup.c']);
  expect(landingPaths('arch/xen/kernel/evtchn.c', rules)).toEqual(['arch/xen/kernel/evtchn.c', 'drivers/xen/core/evtchn.c']);
  expect(landingPaths('arch/xen/x86_64/a.c', rules)).toEqual(['arch/xen/x86_64/a.c']);
  expect(landingPaths('arch/xen/lib/a.c', rules)).toEqual(['arch/xen/lib/a.c']);
  // A folder whose name only starts like the rule's is not under it.
  expect(landingPaths('arch/xen/i386-extra/a.c', rules)).toEqual(['arch/xen/i386-extra/a.c']);
});

test('cards: a commit touches a card by its old or its landing paths; only-this-card needs every file in it', () => {
  const card = { id: 'core', files: ['drivers/xen/core/evtchn.c'] };
  const mine = { files: [{ path: 'arch/xen/kernel/evtchn.c', lands: ['drivers/xen/core/evtchn.c'] }], status: 'clean' as const };
  const both = { files: [...mine.files, { path: 'README', lands: ['README'] }], status: 'clean' as const };
  expect([touchesCard(mine, card), onlyTouchesCard(mine, card), touchesCard(both, card), onlyTouchesCard(both, card)]).toEqual([true, true, true, false]);
  expect(waitingPerCard([mine, both, { ...mine, status: 'already-there' as const }], [card, { id: 'none', files: ['x'] }])).toEqual({ core: 2 });
});

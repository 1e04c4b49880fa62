import { describe, expect, it } from 'vitest';
import { applyChange } from '../../shared/plan/apply';
import { checkManualPairing, mergeSuggestions, rowsFromPairings } from '../../renderer/src/views/setup/pairings';
import { mergeChange, moveFilesChange, splitChange } from '../../renderer/src/views/subsystems/subsystemChanges';
import { boardPlan } from './fakeServer';

describe('pairings on the setup page', () => {
  it('adds new suggestions, ticking those where at least half the files match, and keeps manual rows', () => {
    const rows = rowsFromPairings([{ fork: 'arch/xen/i386', upstream: 'arch/i386' }]);
    const merged = mergeSuggestions(rows, [
      { fork: 'arch/xen/i386', upstream: 'arch/i386', score: 0.9, matched: 9, forkFiles: 10 },
      { fork: 'arch/xen/x86_64', upstream: 'arch/x86_64', score: 0.6, matched: 6, forkFiles: 10 },
      { fork: 'include/asm-xen', upstream: 'include/asm-i386', score: 0.2, matched: 2, forkFiles: 10 },
    ]);
    expect(merged.map((r) => [r.fork, r.checked])).toEqual([
      ['arch/xen/i386', true],
      ['arch/xen/x86_64', true],
      ['include/asm-xen', false],
    ]);
    expect(merged[0]?.score).toBe(0.9);
  });

  it('refuses an incomplete, self or duplicate manual pairing', () => {
    const rows = rowsFromPairings([{ fork: 'arch/xen/i386', upstream: 'arch/i386' }]);
    expect(checkManualPairing(rows, 'arch/xen/x86_64', '')).toMatch(/both folders/);
    expect(checkManualPairing(rows, 'arch/i386/', 'arch/i386')).toMatch(/itself/);
    expect(checkManualPairing(rows, 'arch/xen/i386/', 'arch/x86_64')).toMatch(/already paired/);
    expect(checkManualPairing(rows, 'arch/xen/x86_64', 'arch/x86_64')).toBeNull();
  });
});

describe('subsystem changes', () => {
  it('moves several files in one change that the plan engine accepts', () => {
    const plan = boardPlan();
    const change = moveFilesChange(plan, ['drivers/xen/net/netback.c', 'arch/xen/kernel/evtchn.c'], 'blk');
    expect(change).not.toBeNull();
    const after = applyChange(plan, change!);
    expect(after.ok).toBe(true);
    if (!after.ok) return;
    expect(after.value.subsystems.blk?.files.sort()).toEqual(['arch/xen/kernel/evtchn.c', 'drivers/xen/blk/blkfront.c', 'drivers/xen/net/netback.c']);
    expect(after.value.subsystems.net?.files).toEqual(['drivers/xen/net/netfront.c']);
    expect(after.value.subsystems.core?.files).toEqual([]);
  });

  it('moving files a subsystem already holds is no change', () => {
    expect(moveFilesChange(boardPlan(), ['drivers/xen/blk/blkfront.c'], 'blk')).toBeNull();
  });

  it('a split needs ticked files, a name, and a file left behind', () => {
    const plan = boardPlan();
    expect(splitChange(plan, 'net', [], 'netback')).toMatch(/Tick/);
    expect(splitChange(plan, 'net', ['drivers/xen/net/netfront.c', 'drivers/xen/net/netback.c'], 'x')).toMatch(/at least one file/);
    expect(splitChange(plan, 'net', ['drivers/xen/net/netback.c'], ' ')).toMatch(/Name/);
    const change = splitChange(plan, 'net', ['drivers/xen/net/netback.c'], 'netback');
    expect(typeof change).toBe('object');
    if (typeof change === 'string') return;
    const after = applyChange(plan, change);
    expect(after.ok && Object.values(after.value.subsystems).find((s) => s.name === 'netback')?.files).toEqual(['drivers/xen/net/netback.c']);
  });

  it('a merge needs two ticked subsystems and a target among them', () => {
    expect(mergeChange(['net'], 'net')).toMatch(/two/);
    expect(mergeChange(['net', 'blk'], 'core')).toMatch(/keeps its name/);
    expect(mergeChange(['net', 'blk'], 'blk')).toEqual({ type: 'subsystem.merge', subsystemIds: ['net', 'blk'], into: 'blk' });
  });
});

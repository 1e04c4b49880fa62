import { describe, expect, it } from 'vitest';
import { changelogOf, hasChangelog, parseRangeDiff } from '../../../shared/series/changelog';

// As git range-diff --no-color prints it, a changed pair followed by its indented diff.
const RANGE_DIFF = `1:  3a4b5c6 = 1:  7d8e9f0 x86: add Xen hooks
2:  1111111 ! 2:  2222222 xen: add core
    @@ Commit message
    -    xen: add core
    +    xen: add the core
3:  4444444 < -:  ------- xen: old driver
4:  6666666 = 3:  7777777 xen: i386 support
-:  ------- > 4:  5555555 xen: new driver
`;

describe('changelog from range-diff', () => {
  it('reads every pair line and none of the diff', () => {
    expect(parseRangeDiff(RANGE_DIFF)).toEqual([
      { from: 1, to: 1, mark: '=', subject: 'x86: add Xen hooks' },
      { from: 2, to: 2, mark: '!', subject: 'xen: add core' },
      { from: 3, to: null, mark: '<', subject: 'xen: old driver' },
      { from: 4, to: 3, mark: '=', subject: 'xen: i386 support' },
      { from: null, to: 4, mark: '>', subject: 'xen: new driver' },
    ]);
  });

  it('says which patches changed, were added, dropped or moved, by the new subjects', () => {
    const subjects = ['x86: add Xen hooks', 'xen: add the core', 'xen: i386 support', 'xen: new driver'];
    expect(changelogOf(parseRangeDiff(RANGE_DIFF), 2, subjects, 4)).toBe(
      [
        'Changes in v2:',
        '- 2/4 "xen: add the core": changed',
        '- 3/4 "xen: i386 support": moved (was 4/4)',
        '- 4/4 "xen: new driver": new',
        '- "xen: old driver": dropped (was 3/4)',
      ].join('\n'),
    );
    expect(changelogOf(parseRangeDiff('1:  3a4b5c6 = 1:  7d8e9f0 x86: add Xen hooks\n'), 3, ['x86: add Xen hooks'], 1)).toBeNull();
    expect(hasChangelog('Text.\n\nChanges in v3:\n- more')).toBe(true);
    expect(hasChangelog('No changes in v3 to speak of')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { tabsThatFit } from '../../renderer/src/views/shell/tabsThatFit';

describe('the header tabs that fit', () => {
  const widths = [60, 80, 100, 70, 60];

  it('shows every tab when all fit, with no More button', () => {
    expect(tabsThatFit(widths, 400, 70, 2, 4)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps the current tab and fills the rest in order beside the More button', () => {
    // More (70) and the current tab (60 + 2) leave 148 px: the first two tabs (62 + 82) fit.
    expect(tabsThatFit(widths, 280, 70, 2, 4)).toEqual([0, 1, 4]);
    // With the third tab current (100 + 2), only the first fits beside it; the order stays.
    expect(tabsThatFit(widths, 280, 70, 2, 2)).toEqual([0, 2]);
  });

  it('shows the current tab alone when nothing else fits', () => {
    expect(tabsThatFit(widths, 100, 70, 2, 2)).toEqual([2]);
  });
});

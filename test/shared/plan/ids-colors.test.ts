import { describe, expect, it } from 'vitest';
import { contrast, nextColor, PERSON_COLORS } from '../../../shared/plan/colors';
import { newEventId, nextEventTime, slugify, uniqueSlug } from '../../../shared/plan/ids';

describe('ids', () => {
  it('makes event ids that start with their time, so they sort like the events', () => {
    const a = newEventId('2005-07-01T10:00:00.000Z');
    const b = newEventId('2005-07-01T10:00:00.001Z');
    expect(a.startsWith('2005-07-01T10:00:00.000Z-')).toBe(true);
    expect([b, a].sort()).toEqual([a, b]);
    expect(newEventId('t')).not.toBe(newEventId('t'));
  });

  it('times a new event after the newest one, even when that one came from a clock ahead of ours', () => {
    const now = new Date('2005-07-01T10:00:00.000Z');
    expect(nextEventTime(now, null)).toBe('2005-07-01T10:00:00.000Z');
    expect(nextEventTime(now, '2005-07-01T09:00:00.000Z')).toBe('2005-07-01T10:00:00.000Z');
    expect(nextEventTime(now, '2005-07-01T11:00:00.000Z')).toBe('2005-07-01T11:00:00.001Z');
  });

  it('slugs names readably, and keeps long ones distinct', () => {
    expect(slugify('arch/xen/i386/kernel')).toBe('arch-xen-i386-kernel');
    expect(slugify('ARM/S3C2410 ARM ARCHITECTURE')).toBe('arm-s3c2410-arm-architecture');
    expect(slugify('Über—Treiber')).toBe('uber-treiber');
    expect(slugify('***')).toBe('subsystem');
    const long1 = slugify(`${'x'.repeat(80)}/a`);
    const long2 = slugify(`${'x'.repeat(80)}/b`);
    expect(long1.length).toBeLessThanOrEqual(60);
    expect(long1).not.toBe(long2);
    const taken = new Set<string>();
    expect([uniqueSlug('a b', taken), uniqueSlug('a-b', taken), uniqueSlug('A B', taken)]).toEqual(['a-b', 'a-b-2', 'a-b-3']);
  });
});

describe('colors', () => {
  it('has distinct colours that all carry white text readably (WCAG AA)', () => {
    expect(new Set(PERSON_COLORS.map((c) => c.toLowerCase())).size).toBe(PERSON_COLORS.length);
    for (const c of PERSON_COLORS) expect(contrast(c, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('picks the first unused colour, then cycles', () => {
    expect(nextColor([])).toBe(PERSON_COLORS[0]);
    expect(nextColor([PERSON_COLORS[0]!.toUpperCase(), PERSON_COLORS[2]!])).toBe(PERSON_COLORS[1]);
    expect(nextColor(PERSON_COLORS)).toBe(PERSON_COLORS[0]);
    expect(nextColor([...PERSON_COLORS, PERSON_COLORS[0]!])).toBe(PERSON_COLORS[1]);
  });
});

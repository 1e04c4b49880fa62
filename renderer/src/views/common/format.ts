/** Numbers and words as the UI prints them. */
import type { ShownStatus } from '../../../../shared/inventory';

/** A file's status in the app's words; `inherited` is upstream-only inside a pairing (shared/inventory.ts). */
export const STATUS_LABEL: Record<ShownStatus, string> = {
  modified: 'Modified',
  identical: 'Identical',
  'fork-only': 'Fork only',
  'upstream-only': 'Upstream only',
  inherited: 'Inherited',
};

// One formatter for the whole app: `toLocaleString` builds a new one per call, which costs
// more than the rest of a card's render.
const COUNT = new Intl.NumberFormat('en');
export const formatCount = (n: number): string => COUNT.format(n);

export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** A count with its noun and its verb agreeing: `says(n, 'line', ['names', 'name'])` is "1 line names", "2 lines name". */
export const says = (n: number, noun: string, verb: [string, string], many?: string): string => `${plural(n, noun, many)} ${n === 1 ? verb[0] : verb[1]}`;

/**
 * Arrow keys between cards: up and down within a column, left and right to the card at the
 * same height in the next column with cards; and the run of cards a Shift selection covers.
 * Pure functions of the board's layout (columns in order, each column's card ids).
 */
export interface Grid {
  columns: { key: string }[];
  cards: Record<string, string[]>;
}

export type Arrow = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';
export const isArrow = (key: string): key is Arrow => ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(key);

function locate(grid: Grid, id: string): { col: number; row: number } | null {
  for (let col = 0; col < grid.columns.length; col++) {
    const row = (grid.cards[grid.columns[col]!.key] ?? []).indexOf(id);
    if (row >= 0) return { col, row };
  }
  return null;
}

/** The card the key leads to from `id`, or null at the board's edge. */
export function neighbour(grid: Grid, id: string, key: Arrow): string | null {
  const at = locate(grid, id);
  if (!at) return firstCard(grid);
  const column = (c: number) => grid.cards[grid.columns[c]!.key] ?? [];
  const here = column(at.col);
  switch (key) {
    case 'ArrowUp':
      return here[at.row - 1] ?? null;
    case 'ArrowDown':
      return here[at.row + 1] ?? null;
    case 'Home':
      return here[0] ?? null;
    case 'End':
      return here.at(-1) ?? null;
    default: {
      const step = key === 'ArrowRight' ? 1 : -1;
      for (let c = at.col + step; c >= 0 && c < grid.columns.length; c += step) {
        const cards = column(c);
        if (cards.length > 0) return cards[Math.min(at.row, cards.length - 1)] ?? null;
      }
      return null;
    }
  }
}

export function firstCard(grid: Grid): string | null {
  for (const c of grid.columns) {
    const first = grid.cards[c.key]?.[0];
    if (first) return first;
  }
  return null;
}

/** Every card in reading order: column by column, top to bottom. */
export const readingOrder = (grid: Grid): string[] => grid.columns.flatMap((c) => grid.cards[c.key] ?? []);

/** The cards from `anchor` to `id` in reading order, both included (just `id` when the anchor is gone). */
export function cardRange(grid: Grid, anchor: string | null, id: string): string[] {
  const order = readingOrder(grid);
  const a = anchor === null ? -1 : order.indexOf(anchor);
  const b = order.indexOf(id);
  if (b < 0) return [];
  if (a < 0) return [id];
  return order.slice(Math.min(a, b), Math.max(a, b) + 1);
}

let lastGrid: Grid | null = null;
let lastFirst: string | null = null;
/** The first card of a layout, computed once per layout however many cards ask. */
export function firstCardOf(grid: Grid): string | null {
  if (grid !== lastGrid) {
    lastGrid = grid;
    lastFirst = firstCard(grid);
  }
  return lastFirst;
}

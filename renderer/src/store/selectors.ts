/**
 * Values derived from the store, memoised on the records they read, so that a component can
 * select one number or one id list per card or column and re-render only when that changes.
 */
import { CARD_STATES, type CardState, type Inventory, type InventoryFile, type Person, type Plan, type Subsystem } from '../../../shared/model';
import { filesInNoSubsystem } from '../../../shared/inventory';
import type { TeamStatus } from '../../../shared/team/status';
import { memoByIdentity } from './memo';
import type { BoardFilter, BoardMode, SprintState } from './types';

export interface CardStats {
  files: number;
  added: number;
  removed: number;
}

const ZERO: CardStats = { files: 0, added: 0, removed: 0 };

export const inventoryIndex = memoByIdentity((inventory: Inventory | null): Map<string, InventoryFile> => {
  const index = new Map<string, InventoryFile>();
  for (const f of inventory?.files ?? []) index.set(f.path, f);
  return index;
});

const NONE: string[] = [];

/** Inventory files that no subsystem holds: derived here from what the board has, never asked of git per change. */
const unassignedFiles = memoByIdentity((inventory: Inventory | null, subsystems: Plan['subsystems']): string[] => {
  if (!inventory) return NONE;
  const files = filesInNoSubsystem(inventory, Object.values(subsystems));
  return files.length === 0 ? NONE : files;
});
export const selectUnassignedFiles = (s: SprintState): string[] => unassignedFiles(s.inventory, s.plan.subsystems);

let lastStats: Record<string, CardStats> = {};
/** Per-card stats; a card whose numbers did not change keeps its object, so it does not re-render. */
const cardStats = memoByIdentity((subsystems: Plan['subsystems'], inventory: Inventory | null): Record<string, CardStats> => {
  const index = inventoryIndex(inventory);
  const out: Record<string, CardStats> = {};
  for (const [id, s] of Object.entries(subsystems)) {
    let added = 0;
    let removed = 0;
    for (const path of s.files) {
      const f = index.get(path);
      // An upstream-only file in a paired folder is inherited by the sparse fork: nobody has to
      // upstream it, so its lines are no one's work (the inventory still lists its numstat).
      // Nor is an interim copy of a rename rule: its source's lines are counted.
      if (f && f.status !== 'upstream-only' && f.interimCopyOf === undefined) {
        added += f.added;
        removed += f.removed;
      }
    }
    const prev = lastStats[id];
    out[id] = prev && prev.files === s.files.length && prev.added === added && prev.removed === removed ? prev : { files: s.files.length, added, removed };
  }
  lastStats = out;
  return out;
});

export const selectCardStats = (s: SprintState): Record<string, CardStats> => cardStats(s.plan.subsystems, s.inventory);
export const statsOf = (s: SprintState, id: string): CardStats => selectCardStats(s)[id] ?? ZERO;

/** Changed lines (added + removed) per owner id, with unassigned cards under 'unassigned'. */
const personLoad = memoByIdentity((subsystems: Plan['subsystems'], stats: Record<string, CardStats>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [id, s] of Object.entries(subsystems)) {
    const key = s.owner ?? UNASSIGNED;
    const st = stats[id];
    out[key] = (out[key] ?? 0) + (st ? st.added + st.removed : 0);
  }
  return out;
});
export const selectLoad = (s: SprintState, key: string): number => personLoad(s.plan.subsystems, selectCardStats(s))[key] ?? 0;

export const UNASSIGNED = 'unassigned';

export interface ColumnDef {
  /** Person id, 'unassigned', or a state's slug. */
  key: string;
  title: string;
  kind: 'person' | 'unassigned' | 'state';
  color: string | null;
}

export const stateSlug = (state: CardState): string => state.toLowerCase().replace(/\s+/g, '-');
export const stateOfSlug = (slug: string): CardState | null => CARD_STATES.find((s) => stateSlug(s) === slug) ?? null;

export interface BoardLayout {
  columns: ColumnDef[];
  cards: Record<string, string[]>;
  shown: number;
}

const matchesText = (plan: Plan, id: string, text: string): boolean => {
  const s = plan.subsystems[id];
  if (!s) return false;
  if (s.name.toLowerCase().includes(text)) return true;
  const owner = s.owner ? plan.people[s.owner] : undefined;
  if (owner && owner.name.toLowerCase().includes(text)) return true;
  if (s.blocked && s.blocked.toLowerCase().includes(text)) return true;
  return s.files.some((f) => f.toLowerCase().includes(text));
};

/** `notVerified`: the Done cards git does not confirm, for the filter of that name. */
export function boardLayout(plan: Plan, mode: BoardMode, filter: BoardFilter, notVerified: ReadonlySet<string> = NO_IDS): BoardLayout {
  const columns: ColumnDef[] =
    mode === 'person'
      ? [
          ...plan.personOrder.flatMap((id): ColumnDef[] => {
            const p = plan.people[id];
            return p ? [{ key: id, title: p.name, kind: 'person', color: p.color }] : [];
          }),
          { key: UNASSIGNED, title: 'Unassigned', kind: 'unassigned', color: null },
        ]
      : CARD_STATES.map((state): ColumnDef => ({ key: stateSlug(state), title: state, kind: 'state', color: null }));
  const cards: Record<string, string[]> = {};
  for (const c of columns) cards[c.key] = [];
  const text = filter.text.trim().toLowerCase();
  let shown = 0;
  for (const id of plan.subsystemOrder) {
    const s = plan.subsystems[id];
    if (!s) continue;
    const ownerKey = s.owner && plan.people[s.owner] ? s.owner : UNASSIGNED;
    if (filter.person !== 'all' && filter.person !== ownerKey) continue;
    if (filter.state !== 'all' && filter.state !== s.state) continue;
    if (text && !matchesText(plan, id, text)) continue;
    if (filter.notVerified && !notVerified.has(id)) continue;
    if (filter.blocked && s.blocked === null) continue;
    if (filter.mine && (s.owner === null || s.owner !== filter.me)) continue;
    const key = mode === 'person' ? ownerKey : stateSlug(s.state);
    cards[key]?.push(id);
    shown += 1;
  }
  // A filter on the grouping field hides the other columns.
  const visible = columns.filter((c) =>
    mode === 'person' ? filter.person === 'all' || filter.person === c.key : filter.state === 'all' || stateSlug(filter.state) === c.key,
  );
  return { columns: visible, cards, shown };
}

const NO_IDS: ReadonlySet<string> = new Set();
const unverified = memoByIdentity((status: TeamStatus | null): ReadonlySet<string> => {
  if (!status) return NO_IDS;
  return new Set(Object.entries(status.verdicts).flatMap(([id, v]) => (v.verified === false ? [id] : [])));
});
export const selectNotVerified = (s: SprintState): ReadonlySet<string> => unverified(s.teamStatus);

const layout = memoByIdentity(boardLayout);
export const selectBoardLayout = (s: SprintState): BoardLayout => layout(s.plan, s.boardMode, s.boardFilter, selectNotVerified(s));

/** What a screen reader says for a card: "net, Ada, In progress, 12 files, 120 added 34 removed lines". */
export function cardLabel(sub: Subsystem, owner: Person | undefined, st: CardStats): string {
  const blocked = sub.blocked === null ? '' : `, blocked: ${sub.blocked}`;
  return `${sub.name}, ${owner?.name ?? 'unassigned'}, ${sub.state}, ${st.files} files, ${st.added} added ${st.removed} removed lines${blocked}`;
}

/** The person who owns a card, or undefined. */
export const ownerOf = (s: SprintState, id: string): Person | undefined => {
  const o = s.plan.subsystems[id]?.owner;
  return o ? s.plan.people[o] : undefined;
};

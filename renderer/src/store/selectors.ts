/**
 * Values derived from the store, memoised on the records they read, so that a component can
 * select one number or one id list per card or column and re-render only when that changes.
 */
import { CARD_STATES, type CardState, type Inventory, type InventoryFile, type Person, type Plan, type Subsystem } from '../../../shared/model';
import { filesInNoSubsystem, needsWork } from '../../../shared/inventory';
import type { TeamStatus } from '../../../shared/team/status';
import { memoByIdentity } from './memo';
import type { BoardFilter, BoardMode, SprintState } from './types';

export interface CardStats {
  /** The card's files that need work (not inherited, not identical copies, not interim copies). */
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
    let files = 0;
    let added = 0;
    let removed = 0;
    for (const path of s.files) {
      const f = index.get(path);
      // An inherited file (upstream's, in a paired folder the fork does not copy) and an identical
      // copy are nobody's work, nor is an interim copy of a rename rule: its source is counted.
      // A path the inventory does not know (yet) counts as a file, so a card never reads empty by mistake.
      if (f && !needsWork(f)) continue;
      files += 1;
      if (f) {
        added += f.added;
        removed += f.removed;
      }
    }
    const prev = lastStats[id];
    out[id] = prev && prev.files === files && prev.added === added && prev.removed === removed ? prev : { files, added, removed };
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
  /** Person id, 'unassigned', a state's slug, or in swimlanes `laneKey(person, state)`. */
  key: string;
  title: string;
  kind: 'person' | 'unassigned' | 'state';
  color: string | null;
}

/** A swimlane: one person (or Unassigned) across the states. */
export interface LaneDef {
  key: string;
  title: string;
  color: string | null;
  /** The lane's cells, one per state, in state order. */
  cells: string[];
}

const LANE_PREFIX = 'lane:';
/** A swimlane cell's key: the lane's person (or 'unassigned') and the state's slug. */
export const laneKey = (person: string, state: CardState): string => `${LANE_PREFIX}${person}:${stateSlug(state)}`;
export function parseLaneKey(key: string): { person: string; state: CardState } | null {
  if (!key.startsWith(LANE_PREFIX)) return null;
  const at = key.lastIndexOf(':');
  const state = stateOfSlug(key.slice(at + 1));
  const person = key.slice(LANE_PREFIX.length, at);
  return state && person ? { person, state } : null;
}

export const stateSlug = (state: CardState): string => state.toLowerCase().replace(/\s+/g, '-');
export const stateOfSlug = (slug: string): CardState | null => CARD_STATES.find((s) => stateSlug(s) === slug) ?? null;

export interface BoardLayout {
  columns: ColumnDef[];
  /** Swimlanes (person × state): the people's rows; empty in the other modes. */
  lanes: LaneDef[];
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
  // Unassigned first: at the start of a sprint it holds all the work, and it must not be off-screen.
  const personColumns: ColumnDef[] = [
    { key: UNASSIGNED, title: 'Unassigned', kind: 'unassigned', color: null },
    ...plan.personOrder.flatMap((id): ColumnDef[] => {
      const p = plan.people[id];
      return p ? [{ key: id, title: p.name, kind: 'person', color: p.color }] : [];
    }),
  ];
  const stateColumns = CARD_STATES.map((state): ColumnDef => ({ key: stateSlug(state), title: state, kind: 'state', color: null }));
  const lanes: LaneDef[] =
    mode === 'lanes'
      ? personColumns
          .filter((c) => filter.person === 'all' || filter.person === c.key)
          .map((c) => ({ key: c.key, title: c.title, color: c.color, cells: CARD_STATES.filter((st) => filter.state === 'all' || filter.state === st).map((st) => laneKey(c.key, st)) }))
      : [];
  const columns: ColumnDef[] = mode === 'person' ? personColumns : stateColumns;
  const cards: Record<string, string[]> = {};
  for (const c of columns) cards[c.key] = [];
  for (const lane of lanes) for (const cell of lane.cells) cards[cell] = [];
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
    const key = mode === 'person' ? ownerKey : mode === 'lanes' ? laneKey(ownerKey, s.state) : stateSlug(s.state);
    cards[key]?.push(id);
    shown += 1;
  }
  // A filter on the grouping field hides the other columns.
  const visible = columns.filter((c) =>
    mode === 'person' ? filter.person === 'all' || filter.person === c.key : filter.state === 'all' || stateSlug(filter.state) === c.key,
  );
  return { columns: visible, lanes, cards, shown };
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

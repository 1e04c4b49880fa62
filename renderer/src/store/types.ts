/** The store's shape: one interface per slice, combined into `SprintState`. */
import type { AppInfo, FileDiff, PlanSnapshot, RepoSummary } from '../../../shared/api';
import type { CardState, FileStatus, Inventory, Plan } from '../../../shared/model';
import type { ClientCommand, PlanEvent } from '../../../shared/plan/events';
import type { ConnectionState } from '../api/client';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export interface AppSlice {
  info: AppInfo | null;
  repo: RepoSummary | null;
  connection: ConnectionState;
  /** Set while the first app.info / repo.summary / plan.get round trip runs. */
  booting: boolean;
  notices: Notice[];
  boot(): Promise<void>;
  openRepo(path: string): Promise<boolean>;
  openDemo(): Promise<boolean>;
  refreshRepo(): Promise<void>;
  notify(kind: Notice['kind'], text: string): void;
  dismiss(id: number): void;
}

export interface PendingChange {
  seq: number;
  change: ClientCommand;
}

export interface PlanSlice {
  /** The plan as the server last reported it. */
  confirmed: Plan;
  /** What the board shows: `confirmed` with the changes still in flight applied on top. */
  plan: Plan;
  activity: PlanEvent[];
  unassignedFiles: string[];
  pending: PendingChange[];
  /** Takes a snapshot from a push or an answer, unless an even newer one is already shown. */
  receiveSnapshot(snapshot: PlanSnapshot): void;
  /** Replaces everything with this snapshot (another repository was opened). */
  resetSnapshot(snapshot: PlanSnapshot): void;
  loadPlan(): Promise<void>;
  /**
   * The one way to change the board: applies the change at once, sends `plan.change`, and rolls
   * back with the server's message if it is refused. Records the inverse for undo unless
   * `record` is false. Resolves to whether the server accepted the change.
   */
  applyLocal(change: ClientCommand, options?: { record?: boolean; label?: string }): Promise<boolean>;
  /** Runs a server operation that answers a new snapshot (derive, imports), undoable as a whole. */
  runPlanOperation(label: string, run: () => Promise<PlanSnapshot | null>): Promise<boolean>;
}

export interface HistoryEntry {
  label: string;
  undo: ClientCommand;
  redo: ClientCommand;
}

export interface HistorySlice {
  undoStack: HistoryEntry[];
  redoStack: HistoryEntry[];
  record(entry: HistoryEntry): void;
  forget(entry: HistoryEntry): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export interface InventorySlice {
  inventory: Inventory | null;
  inventoryError: string | null;
  inventoryLoading: boolean;
  selectedPath: string | null;
  diff: FileDiff | null;
  diffError: string | null;
  diffLoading: boolean;
  loadInventory(): Promise<void>;
  selectFile(path: string | null): Promise<void>;
}

export interface RenameSlice {
  /** Files drifting apart per copied rename rule (rule id -> count), as the last `rename.drift` answered. */
  ruleDrift: Record<string, number>;
  /** Asks for the drift of every copied rule: one request, however many callers in the same tick. */
  refreshRuleDrift(): void;
}

export type ViewName = 'setup' | 'inventory' | 'subsystems' | 'people' | 'board' | 'activity' | 'rename' | 'series';
export type BoardMode = 'person' | 'state';
export type SortKey = 'path' | 'status' | 'upstreamPath' | 'added' | 'removed';

export interface BoardFilter {
  /** Person id, 'unassigned', or 'all'. */
  person: string;
  state: CardState | 'all';
  text: string;
}

export interface InventoryFilter {
  status: FileStatus | 'all';
  text: string;
  /** Subsystem id, 'none' for files in no subsystem, or 'all'. */
  subsystem: string;
  sort: SortKey;
  descending: boolean;
}

export interface UiSlice {
  view: ViewName;
  boardMode: BoardMode;
  largeBoard: boolean;
  /** The recent-activity panel beside the board. */
  boardActivity: boolean;
  boardFilter: BoardFilter;
  inventoryFilter: InventoryFilter;
  setView(view: ViewName): void;
  setBoardMode(mode: BoardMode): void;
  setLargeBoard(large: boolean): void;
  setBoardActivity(shown: boolean): void;
  setBoardFilter(patch: Partial<BoardFilter>): void;
  setInventoryFilter(patch: Partial<InventoryFilter>): void;
}

export type SprintState = AppSlice & PlanSlice & HistorySlice & InventorySlice & RenameSlice & UiSlice;

/** The store's shape: one interface per slice, combined into `SprintState`. */
import type { AppInfo, FileDiff, PlanEventsPush, PlanSnapshot, RepoSummary } from '../../../shared/api';
import type { PickupApplied, PickupList } from '../../../shared/pickup/model';
import type { ShownStatus } from '../../../shared/inventory';
import type { CardState, Inventory, Plan } from '../../../shared/model';
import type { ClientCommand, PlanEvent } from '../../../shared/plan/events';
import type { DriftFile, OldPathReference, RuleSummary } from '../../../shared/rename/model';
import type { Result } from '../../../shared/result';
import type { DriftReport, PatchStats } from '../../../shared/series/reports';
import type { PatchSize } from '../../../shared/series/sizes';
import type { PatchRecipients } from '../../../shared/series/recipients';
import type { Burndown } from '../../../shared/team/burndown';
import type { TeamStatus } from '../../../shared/team/status';
import type { Presence, SyncState } from '../../../shared/sync/api';
import type { UpstreamApplied, UpstreamPreview } from '../../../shared/upstream/model';
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
  /**
   * How many times the repository may have moved under what this client read from it (a
   * `repo.changed` push, a reconnection after pushes were missed): data read from git is keyed on it.
   */
  repoChanges: number;
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
  pending: PendingChange[];
  /** Takes a snapshot from an answer, unless an even newer one is already shown. */
  receiveSnapshot(snapshot: PlanSnapshot): void;
  /**
   * Folds a push's events onto the confirmed plan when they start at its head; asks for one
   * snapshot when this board missed a push (its head is not the push's `from`).
   */
  receiveEvents(push: PlanEventsPush): void;
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
  /** Replaces both stacks with this person's last changes from the plan's log (after a reload, or another "I am"). */
  loadHistory(): Promise<void>;
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
  /** Each rule's problems and file count (`rename.list`), by rule id. */
  renameSummaries: Record<string, RuleSummary>;
  /** Each copied rule's drifting files (`rename.drift`), by rule id. */
  renameDrift: Record<string, DriftFile[]>;
  /** Why the last `rename.drift` request failed (the drift shown is older), or null. */
  renameDriftError: string | null;
  /** What still names a rule's old path (`rename.refs`), by rule id, for the rules it was asked for. */
  renameRefs: Record<string, OldPathReference[]>;
  /** Whether the Rename view's newest request is on its way. */
  renameLoading: boolean;
  /**
   * Keeps the drift fresh while the returned function is not called (the board's badges): asked
   * for once per plan head and per `repo.changed`, however many views watch.
   */
  watchRenameDrift(): () => void;
  /** Keeps the summaries and the drift fresh the same way (the Rename view). */
  watchRenameStatus(): () => void;
  /** Asks for the summaries and the drift now (the Refresh button). */
  reloadRenameStatus(): Promise<void>;
  /** Asks what still names the rule's old path; the answer is kept in `renameRefs`. */
  loadRenameRefs(ruleId: string): Promise<Result<OldPathReference[]>>;
}

export interface SeriesSlice {
  /** Each patch's line counts (`series.get`), by patch id. */
  seriesStats: Record<string, PatchStats>;
  /** Each patch's size as mail (`series.get`), by patch id, and the plan's limit per patch. */
  seriesSizes: Record<string, PatchSize>;
  seriesLimitKb: number;
  /** Each patch's To and Cc with why each is there (`series.get`), by patch id. */
  seriesRecipients: Record<string, PatchRecipients>;
  /** Why no patch has recipients, or null. */
  seriesRecipientsProblem: string | null;
  /** What is wrong with the series as it stands, or null. */
  seriesProblem: string | null;
  /** Why `series.get` failed the last time, or null. */
  seriesError: string | null;
  /** Upstream's drift (`series.drift`) as last answered, moved or not. */
  seriesUpstream: DriftReport | null;
  /** Keeps the series' numbers and upstream's drift fresh while the returned function is not called (the Series view). */
  watchSeries(): () => void;
  /** Asks whether upstream has moved now (the button); the answer is kept in `seriesUpstream`. */
  checkUpstream(): Promise<Result<DriftReport> | null>;
}

export interface TeamSlice {
  /** Each card's branch against the sprint branch and the Done cards' verdicts (`team.status`). */
  teamStatus: TeamStatus | null;
  teamError: string | null;
  burndown: Burndown | null;
  burndownError: string | null;
  /** The card whose Start work or branch diff dialog is open. */
  teamDialog: { kind: 'start' | 'diff'; subsystemId: string } | null;
  /** Keeps the team status fresh while the returned function is not called (the board). */
  watchTeamStatus(): () => void;
  /** Keeps the burndown fresh the same way (the Burndown view). */
  watchBurndown(): () => void;
  openTeamDialog(dialog: TeamSlice['teamDialog']): void;
  /** Creates the card's branch from the sprint branch and names it; resolves to the refusal in words, or null. */
  startWork(subsystemId: string, branch: string): Promise<string | null>;
}

export type ViewName = 'setup' | 'inventory' | 'subsystems' | 'people' | 'board' | 'activity' | 'burndown' | 'rename' | 'keep-current' | 'series';
export type BoardMode = 'person' | 'state' | 'lanes';
export type SortKey = 'path' | 'status' | 'upstreamPath' | 'added' | 'removed';

export interface BoardFilter {
  /** Person id, 'unassigned', or 'all'. */
  person: string;
  state: CardState | 'all';
  text: string;
  /** Only the Done cards git does not confirm. */
  notVerified?: boolean;
  /** Only blocked cards. */
  blocked?: boolean;
  /** Only the cards of `me`. */
  mine?: boolean;
  /** The person this window or browser acts as (not in the address: each reader is someone else). */
  me?: string | null;
}

export interface InventoryFilter {
  status: ShownStatus | 'all';
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

export interface PickupSlice {
  /** The fork's commits waiting to be picked up, as last read; null before the first answer. */
  pickupList: PickupList | null;
  /** How many waiting commits touch each card's files, by subsystem id (absent: none). */
  pickupPerCard: Record<string, number>;
  /** Why the list could not be read (no fork ref, an unknown ref). */
  pickupError: string | null;
  pickupLoading: boolean;
  /** While "Pick up all that apply cleanly" runs: how many commits of how many are done. */
  pickupProgress: { done: number; total: number } | null;
  /** Keeps the list fresh while the caller's view shows (per plan head and `repo.changed`). */
  watchPickup(): () => void;
  reloadPickup(): Promise<void>;
  /** Picks up every waiting commit that is not in conflict, in order, a few a call. */
  pickUpClean(): Promise<PickupApplied | null>;
  /** Picks up the commits that touch only this card's files. */
  pickUpCard(cardId: string): Promise<PickupApplied | null>;
}

/** The plan's sync with the clone's git remote, and who has a board open in the room (slices/sync.ts). */
export interface SyncSlice {
  syncState: SyncState | null;
  presence: Presence | null;
  /** Asks for the sync state (again: another repository was opened), and listens for its pushes from then on. */
  watchSync(): void;
  /** Syncs now; says what came in and went out, or why it could not. */
  syncNow(): Promise<void>;
  setSyncEvery(seconds: number | null): Promise<void>;
}

/** The upstream move: the preview of moving the sprint to a newer upstream, and its apply (slices/upstream.ts). */
export interface UpstreamSlice {
  /** The newer upstream this board looks at (as typed), or null before one is named. */
  upstreamTo: string | null;
  /** What moving to it means, as last read; null before the first answer. */
  upstreamPreview: UpstreamPreview | null;
  /** Why the preview could not be read (an unknown ref, one that does not hold the current base). */
  upstreamError: string | null;
  upstreamLoading: boolean;
  upstreamApplying: boolean;
  /** Keeps the preview fresh while the caller's view shows. */
  watchUpstream(): () => void;
  /** Names the newer upstream and reads its preview. */
  setUpstreamTo(ref: string): Promise<void>;
  /** Moves the sprint to it; `keep` names copies whose conflicting port the team resolved by hand. */
  applyUpstream(keep?: string[]): Promise<UpstreamApplied | null>;
}

export type SprintState = AppSlice & PlanSlice & HistorySlice & InventorySlice & RenameSlice & SeriesSlice & SyncSlice & TeamSlice & PickupSlice & UpstreamSlice & UiSlice;

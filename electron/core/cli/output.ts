/**
 * How the command line talks: results on stdout (a table, or JSON with --json), one line on
 * stderr for an error, exit code 2 for input the user can fix and 1 for anything else; never a
 * stack trace. Shared by every command group (core, rename, series).
 */
import type { PlanSnapshot } from '../../../shared/api';
import { FILE_STATUSES, type FileStatus, type Inventory, type InventoryFile, type Person, type Subsystem } from '../../../shared/model';
import type { AppError, ErrorCode, Result } from '../../../shared/result';

/** An error to report and exit with; thrown inside an action, caught by `action()`. */
export class CliFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'CliFailure';
  }
}

/** Errors the user fixes by changing what they typed (or the repository they pointed at). */
const BAD_INPUT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'bad-input',
  'bad-path',
  'not-found',
  'unknown-ref',
  'not-a-repository',
  'bare-repository',
  'empty-repository',
  'no-plan',
]);

export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

export const exitCodeFor = (error: AppError): number => (BAD_INPUT.has(error.code) ? EXIT_BAD_INPUT : EXIT_FAILURE);

/** Throws a CliFailure with the message. */
export function failWith(code: ErrorCode, message: string): never {
  throw new CliFailure({ code, message });
}

/** The value of an ok Result; an error Result ends the command with its message. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new CliFailure(result.error);
  return result.value;
}

/** One line, however the message was written. */
const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

export function printError(error: AppError, stderr: (text: string) => void = (t) => process.stderr.write(t)): void {
  stderr(`merge-sprint: ${oneLine(error.message)}\n`);
}

export const printLine = (text = ''): void => {
  process.stdout.write(`${text}\n`);
};

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

/**
 * Wraps a command's action: its failures become one line on stderr and an exit code, and any
 * unexpected throw is reported as an internal error in words.
 */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      const appError: AppError =
        error instanceof CliFailure
          ? error.error
          : { code: 'internal', message: `Merge Sprint failed: ${error instanceof Error ? error.message : String(error)}` };
      printError(appError);
      process.exitCode = exitCodeFor(appError);
    }
  };
}

/** A path as a terminal can show it: quoted like JSON when it holds control characters or edge spaces. */
export function displayPath(p: string): string {
  const control = [...p].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
  return control || p.includes('"') || /^\s|\s$/.test(p) ? JSON.stringify(p) : p;
}

export interface Column<Row> {
  title: string;
  value(row: Row): string;
  align?: 'left' | 'right';
}

/** A plain-text table: a header, then one line a row; the last column is not padded. */
export function formatTable<Row>(rows: Row[], columns: Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (values: string[]): string =>
    values
      .map((v, i) => {
        if (i === values.length - 1 && columns[i]?.align !== 'right') return v;
        return columns[i]?.align === 'right' ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.title)), ...cells.map(line)].join('\n');
}

/** Lists names for a message: all of them when few, else the first ones and how many more. */
export function listForMessage(names: string[], max = 25): string {
  if (names.length === 0) return '(none)';
  const shown = names.slice(0, max).map((n) => `"${n}"`).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/** The inventory's files exactly as issue 2 specifies them, plus totals per status. */
export function inventoryJson(inventory: Inventory): unknown {
  return {
    upstreamRef: inventory.upstreamRef,
    forkRef: inventory.forkRef,
    upstreamCommit: inventory.upstreamCommit,
    forkCommit: inventory.forkCommit,
    pairings: inventory.pairings,
    files: inventory.files.map((f) => ({
      path: f.path,
      upstreamPath: f.upstreamPath,
      status: f.status,
      added: f.added,
      removed: f.removed,
      binary: f.binary,
      ...(f.interimCopyAt === undefined ? {} : { interimCopyAt: f.interimCopyAt }),
      ...(f.interimCopyOf === undefined ? {} : { interimCopyOf: f.interimCopyOf }),
    })),
    totals: inventoryTotals(inventory),
  };
}

export interface StatusTotal {
  files: number;
  added: number;
  removed: number;
}

export function inventoryTotals(inventory: Inventory): Record<FileStatus, StatusTotal> {
  const totals = Object.fromEntries(FILE_STATUSES.map((s) => [s, { files: 0, added: 0, removed: 0 }])) as Record<FileStatus, StatusTotal>;
  for (const f of inventory.files) {
    // An interim copy of a rename rule is no work of its own: its source is counted.
    if (f.interimCopyOf !== undefined) continue;
    totals[f.status].files += 1;
    totals[f.status].added += f.added;
    totals[f.status].removed += f.removed;
  }
  return totals;
}

/** Where a source file's interim copy is, or which file a copy copies (rename rules that are copied). */
const interimNote = (f: InventoryFile): string =>
  f.interimCopyAt !== undefined ? `  (copy at ${displayPath(f.interimCopyAt)})` : f.interimCopyOf !== undefined ? `  (interim copy of ${displayPath(f.interimCopyOf)}, not counted)` : '';

export function printInventory(inventory: Inventory, json: boolean): void {
  if (json) return printJson(inventoryJson(inventory));
  const counts = (f: InventoryFile): string => (f.binary ? 'binary' : `+${f.added} -${f.removed}`);
  printLine(
    formatTable(inventory.files, [
      { title: 'STATUS', value: (f) => f.status },
      { title: 'LINES', value: counts, align: 'right' },
      { title: 'PATH', value: (f) => `${f.upstreamPath === f.path ? displayPath(f.path) : `${displayPath(f.path)}  (= ${displayPath(f.upstreamPath)})`}${interimNote(f)}` },
    ]),
  );
  printLine();
  const totals = inventoryTotals(inventory);
  printLine(
    formatTable([...FILE_STATUSES], [
      { title: 'TOTAL', value: (s) => s },
      { title: 'FILES', value: (s) => String(totals[s].files), align: 'right' },
      { title: 'ADDED', value: (s) => `+${totals[s].added}`, align: 'right' },
      { title: 'REMOVED', value: (s) => `-${totals[s].removed}`, align: 'right' },
    ]),
  );
  printLine(`${inventory.files.length} file(s): ${inventory.upstreamRef} (${inventory.upstreamCommit.slice(0, 12)}) -> ${inventory.forkRef} (${inventory.forkCommit.slice(0, 12)})`);
}

/** A snapshot as the command line prints it: with the files in no subsystem where they were computed. */
export type PrintedPlan = PlanSnapshot & { unassignedFiles?: string[] };

/**
 * The plan as scripts read it: owners and reviewers by name, cards in board order. A person the
 * plan no longer knows (removed on another laptop before the sync) is named as unknown with
 * their id, never printed as nobody.
 */
export function planJson(snapshot: PrintedPlan): unknown {
  const { plan } = snapshot;
  const people = plan.personOrder.map((id) => plan.people[id]).filter((p): p is Person => !!p);
  const nameOf = (id: string | null): string | null => (id === null ? null : (plan.people[id]?.name ?? `unknown person (${id})`));
  return {
    sprint: plan.sprint,
    people: people.map((p) => ({ id: p.id, name: p.name, email: p.email, color: p.color })),
    subsystems: plan.subsystemOrder
      .map((id) => plan.subsystems[id])
      .filter((s): s is Subsystem => !!s)
      .map((s) => {
        const detail = plan.cards[s.id];
        return { id: s.id, name: s.name, files: s.files, owner: nameOf(s.owner), state: s.state, blocked: s.blocked, reviewer: nameOf(detail?.reviewer ?? null), notes: detail?.notes ?? '', checklist: detail?.checklist ?? [] };
      }),
    unassignedFiles: snapshot.unassignedFiles ?? [],
  };
}

/** The whole board (or one card after assign/state), as JSON or readable lines. */
export function printPlan(snapshot: PrintedPlan, json: boolean, onlyCard?: string): void {
  const full = planJson(snapshot) as { subsystems: Array<{ id: string; name: string; files: string[]; owner: string | null; state: string; blocked: string | null }> };
  if (onlyCard !== undefined) {
    const card = full.subsystems.find((s) => s.id === onlyCard);
    if (json) return printJson(card ?? null);
    if (card) printLine(`${card.name}: ${card.owner ?? 'unassigned'}, ${card.state}${card.blocked ? `, blocked: ${card.blocked}` : ''}`);
    return;
  }
  if (json) return printJson(full);
  const { plan } = snapshot;
  if (!plan.sprint) return printLine('No sprint yet: start one with `merge-sprint init --upstream REF --fork REF --pair FORK_DIR=UPSTREAM_DIR`.');
  printLine(`Sprint: ${plan.sprint.upstreamRef} -> ${plan.sprint.forkRef}; pairings: ${plan.sprint.pairings.map((p) => `${p.fork}=${p.upstream}`).join(', ') || '(none)'}`);
  printLine(`People: ${plan.personOrder.map((id) => plan.people[id]?.name ?? id).join(', ') || '(none)'}`);
  printLine();
  printLine(
    formatTable(full.subsystems, [
      { title: 'SUBSYSTEM', value: (s) => s.name },
      { title: 'FILES', value: (s) => String(s.files.length), align: 'right' },
      { title: 'OWNER', value: (s) => s.owner ?? '-' },
      { title: 'STATE', value: (s) => (s.blocked ? `${s.state} (blocked: ${s.blocked})` : s.state) },
    ]),
  );
  const none = snapshot.unassignedFiles?.length ?? 0;
  if (none > 0) printLine(`\n${none} file(s) in no subsystem: run \`merge-sprint derive\` or move them on the board.`);
}

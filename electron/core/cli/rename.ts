/**
 * `merge-sprint rename …`: the rename plan from the command line (the build checks are in
 * ./builds.ts). Opening the repository finishes whatever a killed run left (recoverRenames),
 * then every command goes through the same API host and handlers as the app.
 */
import type { Command } from 'commander';
import type { RenameRule, RuleDrift, SyncConflict, SyncResult } from '../../../shared/rename/model';
import type { RepoServices } from '../context';
import { registerBuildCommands } from './builds';
import { registerSwitchRefsCommand } from './switch-refs';
import { addRepoOption, answer, call, withSprint, type RepoOptions } from './core';
import { countSays } from '../../../shared/words';
import { action, CliFailure, displayPath, failWith, formatTable, printJson, printLine } from './output';

interface JsonOption {
  json?: boolean;
}
type Side = 'source' | 'destination';

function parseSide(value: string): Side {
  if (value === 'source' || value === 'destination') return value;
  return failWith('bad-input', `--prefer takes "source" or "destination", not ${JSON.stringify(value)}.`);
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const ruleLine = (r: Pick<RenameRule, 'id' | 'from' | 'to'>): string => `${r.id}: ${displayPath(r.from)} -> ${displayPath(r.to)}`;

/** The rule given, or every rule whose interim copy is made, one step at a time in the plan's order. */
async function eachCopiedRule<T>(ctx: RepoServices, ruleId: string | undefined, step: (ruleId: string) => Promise<T>): Promise<T[]> {
  const ids = ruleId ? [ruleId] : (await call(ctx, 'rename.list', {})).rules.filter((s) => s.rule.phase === 'copied').map((s) => s.rule.id);
  if (ids.length === 0) failWith('refused', 'No rule has its interim copy made: run `merge-sprint rename copy` first.');
  const out: T[] = [];
  for (const id of ids) out.push(await step(id));
  return out;
}

function printDrift(drifts: RuleDrift[]): void {
  const rows = drifts.flatMap((d) => d.files.map((f) => ({ ruleId: d.ruleId, ...f })));
  if (rows.length === 0) return printLine('No drift: the copies match.');
  printLine(
    formatTable(rows, [
      { title: 'RULE', value: (r) => r.ruleId },
      { title: 'CHANGED IN', value: (r) => r.kind },
      { title: 'FILE', value: (r) => displayPath(r.rel === '' ? r.destinationPath : r.rel) },
    ]),
  );
}

function printConflicts(conflicts: SyncConflict[]): void {
  for (const c of conflicts) {
    printLine(`CONFLICT (${c.reason}): ${displayPath(c.sourcePath)} <-> ${displayPath(c.destinationPath)}`);
    for (const h of c.hunks) {
      printLine(`  at line ${h.line}:`);
      for (const l of h.source) printLine(`  source      | ${l}`);
      for (const l of h.base) printLine(`  copy (base) | ${l}`);
      for (const l of h.destination) printLine(`  destination | ${l}`);
    }
  }
}

function reportSync(results: SyncResult[], json: boolean): void {
  const conflicts = results.flatMap((r) => r.conflicts);
  if (json) printJson(results);
  else {
    for (const r of results) {
      const what = `${r.carried.length} carried over, ${r.merged.length} merged, ${r.conflicts.length} in conflict`;
      printLine(`${r.ruleId}: ${r.commit ? `synced in ${r.commit.slice(0, 12)}` : 'nothing written'} (${what})`);
    }
    printConflicts(conflicts);
  }
  if (conflicts.length > 0) {
    throw new CliFailure({
      code: 'conflict',
      message: `${conflicts.length} file(s) changed on both sides conflict and were not written: resolve them in either copy and commit, or choose a side with --prefer source|destination.`,
    });
  }
}

function registerRuleCommands(rename: Command): void {
  addRepoOption(rename.command('add'))
    .description('add a rename rule (checked against HEAD and the other rules first)')
    .requiredOption('--from <src>', 'the source folder or file')
    .requiredOption('--to <dst>', 'the destination')
    .option('--json', 'print JSON')
    .action(
      answer(
        (ctx, opts: RepoOptions & JsonOption & { from: string; to: string }) => call(ctx, 'rename.add', { from: opts.from, to: opts.to }),
        (added) => printLine(`Added rule ${ruleLine(added.rule)} (${added.check.files.length} file(s) to copy).`),
      ),
    );

  addRepoOption(rename.command('list'))
    .description('list the rename rules with their phase and what is wrong with them')
    .option('--json', 'print JSON')
    .action(
      answer(
        async (ctx) => (await call(ctx, 'rename.list', {})).rules,
        (rules) => {
          if (rules.length === 0) return printLine('No rename rules yet: add one with `merge-sprint rename add --from SRC --to DST`.');
          printLine(
            formatTable(rules, [
              { title: 'ID', value: (s) => s.rule.id },
              { title: 'PHASE', value: (s) => s.rule.phase },
              { title: 'FILES', value: (s) => String(s.fileCount), align: 'right' },
              { title: 'RULE', value: (s) => `${displayPath(s.rule.from)} -> ${displayPath(s.rule.to)}${s.problems.length > 0 ? `  [${s.problems.map((p) => p.code).join(', ')}]` : ''}` },
            ]),
          );
          for (const s of rules) for (const p of s.problems) printLine(`${s.rule.id}: ${p.message}`);
        },
      ),
    );

  addRepoOption(rename.command('preview'))
    .description('every file a rule would create, and what is wrong with it')
    .option('--rule <id>', 'a stored rule')
    .option('--from <src>', 'or a rule not written yet: its source')
    .option('--to <dst>', 'and its destination')
    .option('--json', 'print JSON')
    .action(
      answer(
        (ctx, opts: RepoOptions & JsonOption & { rule?: string; from?: string; to?: string }) => {
          if (!opts.rule && !(opts.from && opts.to)) failWith('bad-input', 'Give --rule ID, or --from SRC and --to DST.');
          return call(ctx, 'rename.preview', opts.rule ? { ruleId: opts.rule } : { from: opts.from as string, to: opts.to as string });
        },
        (check) => {
          for (const f of check.files) printLine(`${f.mode} ${displayPath(f.from)} -> ${displayPath(f.to)}`);
          for (const p of check.problems) printLine(`PROBLEM (${p.code}): ${p.message}`);
          for (const w of check.warnings) printLine(`WARNING (${w.code}): ${w.message}`);
        },
      ),
    );

  addRepoOption(rename.command('remove'))
    .description('remove a rule that is planned, moved or abandoned')
    .requiredOption('--rule <id>', 'the rule')
    .action(
      action(async (opts: RepoOptions & { rule: string }) => {
        await withSprint(opts, (ctx) => call(ctx, 'rename.remove', { ruleId: opts.rule }));
        printLine(`Removed rule ${opts.rule}.`);
      }),
    );
}

function registerStepCommands(rename: Command): void {
  addRepoOption(rename.command('copy'))
    .description('make the interim copies: one commit per rule (default: every planned rule)')
    .option('--rule <id>', 'a rule to copy (repeatable)', collect)
    .option('--all', 'every planned rule')
    .option('--json', 'print JSON')
    .action(
      answer(
        (ctx, opts: RepoOptions & JsonOption & { rule?: string[]; all?: boolean }) => {
          if (opts.all && opts.rule) failWith('bad-input', 'Give either --rule or --all, not both.');
          return call(ctx, 'rename.copy', opts.rule ? { ruleIds: opts.rule } : { all: true as const });
        },
        (result) => {
          for (const c of result.copies) printLine(`${c.ruleId}: interim copy ${c.commit.slice(0, 12)}`);
        },
      ),
    );

  addRepoOption(rename.command('drift'))
    .description('files that changed in one copy or both since the interim copy')
    .option('--rule <id>', 'one rule (default: every copied rule)')
    .option('--json', 'print JSON')
    .action(
      answer(async (ctx, opts: RepoOptions & JsonOption & { rule?: string }) => (await call(ctx, 'rename.drift', opts.rule ? { ruleId: opts.rule } : {})).rules, printDrift),
    );

  addRepoOption(rename.command('sync'))
    .description('carry one-sided changes across and merge two-sided ones (default: every copied rule)')
    .option('--rule <id>', 'one rule')
    .option('--prefer <side>', 'resolve conflicts by taking this side: source or destination', parseSide)
    .option('--json', 'print JSON')
    .action(
      action(async (opts: RepoOptions & JsonOption & { rule?: string; prefer?: Side }) => {
        const results = await withSprint(opts, (ctx) =>
          eachCopiedRule(ctx, opts.rule, (ruleId) => call(ctx, 'rename.sync', { ruleId, ...(opts.prefer ? { prefer: opts.prefer } : {}) })),
        );
        reportSync(results, opts.json === true);
      }),
    );

  addRepoOption(rename.command('finish'))
    .description('finish the move: one commit removing the sources (default: every copied rule)')
    .option('--rule <id>', 'one rule')
    .option('--prefer <side>', 'when the copies drift, the side that wins: source or destination', parseSide)
    .option('--json', 'print JSON')
    .action(
      action(async (opts: RepoOptions & JsonOption & { rule?: string; prefer?: Side }) => {
        const results = await withSprint(opts, (ctx) =>
          eachCopiedRule(ctx, opts.rule, (ruleId) => call(ctx, 'rename.finish', { ruleId, ...(opts.prefer ? { prefer: opts.prefer } : {}) })),
        );
        if (opts.json) return printJson(results);
        for (const r of results) {
          printLine(`${r.ruleId}: moved in ${r.commit.slice(0, 12)}; git shows ${r.renames.renamed} rename(s), ${r.renames.exact} unchanged (R100)`);
          for (const n of r.renames.notRenamed) printLine(`  not a rename: ${n.status} ${displayPath(n.path)}`);
          const { pairings, subsystems, leftAlone } = r.followUp;
          if (pairings + subsystems > 0) printLine(`  the sprint follows: ${pairings} pairing(s) and ${subsystems} subsystem(s) now name the new paths`);
          if (leftAlone) printLine(`  ${leftAlone}`);
        }
      }),
    );

  addRepoOption(rename.command('abandon'))
    .description('undo an interim copy: drop its commit if nothing was built on it, else commit the removal of the destination')
    .requiredOption('--rule <id>', 'the rule')
    .option('--discard-destination-changes', 'also when the destination holds changes the source does not')
    .option('--json', 'print JSON')
    .action(
      answer(
        (ctx, opts: RepoOptions & JsonOption & { rule: string; discardDestinationChanges?: boolean }) =>
          call(ctx, 'rename.abandon', { ruleId: opts.rule, discardDestinationChanges: opts.discardDestinationChanges === true }),
        (result) =>
          printLine(result.dropped ? `${result.ruleId}: the interim copy commit was dropped from the branch.` : `${result.ruleId}: destination removed in ${result.commit?.slice(0, 12)}.`),
      ),
    );

  addRepoOption(rename.command('refs'))
    .description('#include, Makefile and Kconfig lines that still name each rule\'s old path')
    .option('--rule <id>', 'one rule')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: RepoOptions & JsonOption & { rule?: string }) => {
        const { rules } = await withSprint(opts, (ctx) => call(ctx, 'rename.refs', opts.rule ? { ruleId: opts.rule } : {}));
        if (opts.json) return printJson(rules);
        for (const r of rules) {
          printLine(`${r.ruleId}: ${countSays(r.references.length, ['line'], ['names', 'name'])} the old path`);
          for (const ref of r.references) printLine(`  ${displayPath(ref.path)}:${ref.line} [${ref.kind}] ${ref.text.trim()}`);
        }
      }),
    );
}

const hooksLine = (on: boolean): string =>
  on
    ? "The app's commits run this repository's git hooks (pre-commit, prepare-commit-msg, commit-msg, reference-transaction, post-commit)."
    : "The app's commits do not run this repository's git hooks (the default; `merge-sprint rename hooks on` turns them on for this clone).";

function parseOnOff(value: string): boolean {
  if (value === 'on' || value === 'off') return value === 'on';
  return failWith('bad-input', `rename hooks takes "on" or "off", not ${JSON.stringify(value)}.`);
}

function registerHooksCommand(rename: Command): void {
  addRepoOption(rename.command('hooks'))
    .description("whether the app's commits run the repository's git hooks (per clone, off by default); on or off changes it")
    .argument('[on|off]', 'turn them on or off for this clone (merge-sprint.runHooks in .git/config)')
    .option('--json', 'print JSON')
    .action(
      action(async (value: string | undefined, opts: RepoOptions & JsonOption) => {
        const on = value === undefined ? undefined : parseOnOff(value);
        const setting = await withSprint(opts, (ctx) => (on === undefined ? call(ctx, 'rename.hooks', {}) : call(ctx, 'rename.setHooks', { on })));
        if (opts.json) return printJson(setting);
        printLine(hooksLine(setting.on));
      }),
    );
}

export function registerRenameCommands(program: Command): void {
  const rename = program.command('rename').description('the rename plan: interim copies, drift, sync, finish the move');
  registerRuleCommands(rename);
  registerStepCommands(rename);
  registerHooksCommand(rename);
  registerSwitchRefsCommand(rename);
  registerBuildCommands(program);
}

/**
 * `merge-sprint rename switch-refs`: one commit that rewrites the lines still naming a moved
 * rule's old path, or with --preview the diff it would commit. Interim copies keep their lines
 * unless --include-copied; lines through a make variable are listed as left for you.
 */
import type { Command } from 'commander';
import type { RefsSwitch } from '../../../shared/rename/switch-refs';
import { addRepoOption, answer, call, type RepoOptions } from './core';
import { displayPath, printLine } from './output';

type SwitchOptions = RepoOptions & { rule?: string; includeCopied?: boolean; preview?: boolean; json?: boolean };

function sayLines(result: RefsSwitch, opts: SwitchOptions): void {
  for (const k of result.kept) printLine(`Kept: the lines naming ${displayPath(k.from)} (-> ${displayPath(k.to)}): ${k.why}.`);
  if (result.left.length > 0) {
    printLine(`Left for you (${result.left.length} line(s) that cannot be rewritten mechanically):`);
    for (const l of result.left) printLine(`  ${displayPath(l.path)}:${l.line} ${l.text.trim()}  (${l.why})`);
  }
  if (result.lines.length === 0) {
    printLine('Nothing to switch.');
    return;
  }
  if (opts.preview) {
    printLine(`Would rewrite ${result.lines.length} line(s); the commit's diff:`);
    process.stdout.write(result.diff);
    if (result.truncated) printLine('(the diff is longer than shown)');
  } else {
    printLine(`Switched ${result.lines.length} line(s) in ${result.commit?.slice(0, 12)}:`);
    for (const l of result.lines) printLine(`  ${displayPath(l.path)}:${l.line} ${l.after.trim()}`);
  }
}

export function registerSwitchRefsCommand(rename: Command): void {
  addRepoOption(rename.command('switch-refs'))
    .description("one commit that rewrites the lines still naming each moved rule's old path to its new one (rename refs lists them)")
    .option('--rule <id>', 'one rule')
    .option('--include-copied', "also an interim copy's lines, whose old layout then no longer builds from them")
    .option('--preview', 'print the diff it would commit, and commit nothing')
    .option('--json', 'print JSON: { ruleIds, kept, lines: [{ path, line, before, after }], left: [{ path, line, text, why }], diff, commit }')
    .action(
      answer((ctx, opts: SwitchOptions) => {
        const request = { ...(opts.rule !== undefined ? { ruleId: opts.rule } : {}), ...(opts.includeCopied ? { includeCopied: true } : {}) };
        return call(ctx, opts.preview ? 'rename.switchRefsPreview' : 'rename.switchRefs', request);
      }, sayLines),
    );
}

/**
 * `merge-sprint maintainers map`: the maintainers map from the command line. A MAINTAINERS file
 * from before 2009 has no F: lines; binding its sections to folders once (`--set
 * "SECTION=FOLDER"`, or the folders `--suggest` shows) lets the import make cards from it and
 * gives each patch its To and Cc. Each `--set` is one undoable plan change, as in the app.
 */
import type { Command } from 'commander';
import type { MaintainersMapReport } from '../../../shared/maintainers/api';
import { parseBinding, type MaintainersBinding } from '../../../shared/maintainers/map';
import { addRepoOption, call, withSprint, type RepoOptions } from './core';
import { action, failWith, listForMessage, printJson, printLine } from './output';

interface MapOptions extends RepoOptions {
  file: string;
  suggest?: boolean;
  set: string[];
  json?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The `--set` values as whole folder lists per section, titles spelt as the file spells them. */
function bindingsOf(sets: string[], report: MaintainersMapReport): MaintainersBinding[] {
  const titles = new Map(report.rows.map((r) => [r.section.toLowerCase(), r.section]));
  const bound = new Map(report.rows.map((r) => [r.section, r.folders]));
  const out = new Map<string, string[]>();
  for (const text of sets) {
    const parsed = parseBinding(text);
    if (typeof parsed === 'string') failWith('bad-input', parsed);
    const section = titles.get(parsed.section.toLowerCase());
    if (section === undefined) {
      const near = report.rows.filter((r) => r.section.toLowerCase().includes(parsed.section.toLowerCase().split(/\s+/)[0] ?? '')).map((r) => r.section);
      failWith('bad-input', `${report.path} has no section "${parsed.section}"${near.length ? `; it has ${listForMessage(near, 8)}` : ''}. Write the title as the file does.`);
    }
    // Several --set for one section add up; "SECTION=" unbinds it.
    const folders = parsed.folders.length === 0 ? [] : [...(out.get(section) ?? bound.get(section) ?? []), ...parsed.folders];
    out.set(section, parsed.folders.length === 0 ? [] : [...new Set(folders)]);
  }
  return [...out].map(([section, folders]) => ({ section, folders }));
}

function printMap(report: MaintainersMapReport, suggest: boolean): void {
  if (!report.needsMap) printLine(`${report.path} has F: lines: its sections need no map (a binding adds folders to its section).`);
  const bound = report.rows.filter((r) => r.folders.length > 0);
  if (bound.length === 0) printLine(`No section of ${report.path} is mapped to a folder yet.`);
  for (const r of bound) printLine(`${r.section} = ${r.folders.join(' ')}`);
  for (const b of report.stale) printLine(`${b.section} = ${b.folders.join(' ')}  (no such section in ${report.path})`);
  if (!suggest) return;
  const open = report.rows.filter((r) => r.folders.length === 0 && r.suggested.length > 0);
  if (open.length > 0) printLine(`Suggested (${open.length}; accept with --set "SECTION=FOLDER"):`);
  for (const r of open) printLine(`  ${r.section} = ${r.suggested.map((s) => s.folder).join(' ')}   (${r.suggested[0]?.why ?? ''})`);
  const none = report.rows.filter((r) => !r.hasPatterns && r.folders.length === 0 && r.suggested.length === 0).length;
  if (none > 0) printLine(`${none} section(s) name no folder of the sprint; map them by hand if their code is in it.`);
}

const mapJson = (report: MaintainersMapReport, suggest: boolean) => ({
  path: report.path,
  needsMap: report.needsMap,
  map: report.rows.filter((r) => r.folders.length > 0).map((r) => ({ section: r.section, folders: r.folders })),
  stale: report.stale,
  ...(suggest ? { suggestions: report.rows.filter((r) => r.folders.length === 0 && r.suggested.length > 0).map((r) => ({ section: r.section, folders: r.suggested })) } : {}),
});

export function registerMaintainersCommands(program: Command): void {
  const maintainers = program.command('maintainers').description('the maintainers map: MAINTAINERS sections bound to folders, for a file without F: lines');
  addRepoOption(maintainers.command('map'))
    .description('show the map of MAINTAINERS sections to folders; --suggest shows the folders section titles name, --set binds one')
    .option('--file <path>', "the file's path in the fork ref", 'MAINTAINERS')
    .option('--suggest', 'also show the folders suggested for sections not mapped yet')
    .option('--set <section=folder>', 'bind a section to a folder (repeatable; "SECTION=" unbinds it)', collect, [])
    .option('--json', 'print JSON')
    .action(
      action(async (opts: MapOptions) => {
        const report = await withSprint(opts, async (ctx) => {
          const before = await call(ctx, 'maintainers.map', { path: opts.file });
          if (opts.set.length === 0) return before;
          await call(ctx, 'plan.change', { change: { type: 'maintainers.map', bindings: bindingsOf(opts.set, before) } });
          return call(ctx, 'maintainers.map', { path: opts.file });
        });
        if (opts.json) printJson(mapJson(report, opts.suggest === true));
        else printMap(report, opts.suggest === true);
      }),
    );
}

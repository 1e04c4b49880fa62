/**
 * `merge-sprint series move|split|merge|subject|cover`: the Series view's edits from the command
 * line. Each builds the same client command as the app (shared/series/edit.ts) and sends it
 * through `plan.change`, so it is one undoable step in the plan like a drag in the view. Patches
 * are named by their place in the series (1 for the first) or their id.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import picomatch from 'picomatch';
import type { SeriesPlan } from '../../../shared/series/model';
import { editPatch, mergePatches, movePatch, splitPatch } from '../../../shared/series/edit';
import type { SeriesEdit } from '../../../shared/series/events';
import type { Result } from '../../../shared/result';
import { addRepoOption, call, withSprint, type RepoOptions } from './core';
import { action, failWith, listForMessage, printLine, unwrap } from './output';

/** The patch id at place `typed` (1-based) or with that id; otherwise a message naming the places. */
export function patchAt(series: SeriesPlan, typed: string, flag: string): string {
  const n = series.patchOrder.length;
  if (n === 0) return failWith('not-found', 'There is no series yet: propose one first with `merge-sprint series propose`.');
  if (typed in series.patches) return typed;
  if (/^\d+$/.test(typed.trim())) {
    const id = series.patchOrder[Number(typed) - 1];
    if (id !== undefined) return id;
    return failWith('bad-input', `${flag} ${typed}: the series has ${n} patch${n === 1 ? '' : 'es'}; give a place from 1 to ${n} (see \`merge-sprint series list\`).`);
  }
  return failWith('bad-input', `${flag} takes a patch's place in the series (1 to ${n}) or its id, not "${typed}".`);
}

/** The place `typed` names, 1 to the number of patches. */
function placeOf(series: SeriesPlan, typed: string, flag: string): number {
  const n = series.patchOrder.length;
  const place = Number(typed);
  if (!/^\d+$/.test(typed.trim()) || place < 1 || place > n) return failWith('bad-input', `${flag} takes a place from 1 to ${n}, not "${typed}".`);
  return place;
}

/** The cover letter of a file: its first line is the subject, the rest after a blank line the text. */
export function readCoverFile(file: string): { subject: string; blurb: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return failWith('bad-input', `The cover letter file "${file}" cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  const [first = '', ...rest] = text.replace(/\r\n/g, '\n').split('\n');
  const subject = first.replace(/^Subject:\s*/i, '').trim();
  if (subject === '') return failWith('bad-input', `The cover letter file "${file}" starts with an empty line: its first line is the subject, then a blank line and the text.`);
  return { subject, blurb: rest.join('\n').trim() };
}

/** Asks the plan for the series, builds the edit on it, sends it and says what the series is now. */
async function edit(opts: RepoOptions, build: (series: SeriesPlan) => Result<SeriesEdit>, done: (series: SeriesPlan) => string): Promise<void> {
  await withSprint(opts, async (ctx) => {
    const before = (await call(ctx, 'plan.get', {})).plan.series;
    const change = unwrap(build(before));
    await call(ctx, 'plan.change', { change });
    printLine(done((await call(ctx, 'plan.get', {})).plan.series));
  });
}

const named = (series: SeriesPlan, id: string): string => `${series.patchOrder.indexOf(id) + 1} "${series.patches[id]?.subject ?? id}"`;

export function registerSeriesEditCommands(series: Command): void {
  addRepoOption(series.command('move'))
    .description('move a patch to another place in the series (one undoable plan change)')
    .requiredOption('--patch <n>', "the patch's place (1 for the first) or id")
    .requiredOption('--to <m>', 'its new place')
    .action(action(async (opts: RepoOptions & { patch: string; to: string }) =>
      edit(opts, (s) => movePatch(s, patchAt(s, opts.patch, '--patch'), placeOf(s, opts.to, '--to') - 1), (s) => `Patch ${named(s, patchAt(s, opts.patch, '--patch'))} is now at place ${opts.to}.`),
    ));

  addRepoOption(series.command('split'))
    .description('move the files of a patch that match a glob into a new patch right after it')
    .requiredOption('--patch <n>', "the patch's place or id")
    .requiredOption('--files <glob>', 'the files to move, as a glob (arch/xen/i386/mm/**)')
    .option('--subject <text>', "the new patch's subject")
    .action(action(async (opts: RepoOptions & { patch: string; files: string; subject?: string }) => {
      let newId = '';
      await edit(opts, (s) => {
        const id = patchAt(s, opts.patch, '--patch');
        const patch = s.patches[id] as NonNullable<SeriesPlan['patches'][string]>;
        const matches = picomatch(opts.files, { dot: true });
        const files = patch.files.filter((f) => matches(f));
        if (files.length === 0) failWith('bad-input', `No file of patch ${named(s, id)} matches "${opts.files}"; its files: ${listForMessage(patch.files, 10)}.`);
        const change = splitPatch(s, id, files, opts.subject ? { subject: opts.subject } : {});
        if (change.ok && change.value.type === 'series.patches.put') newId = change.value.patches[1]?.id ?? '';
        return change;
      }, (s) => `Patch ${named(s, newId)} holds the ${s.patches[newId]?.files.length ?? 0} file(s) split out.`);
    }));

  addRepoOption(series.command('merge'))
    .description('merge the second patch into the first (its place, subject and author are kept)')
    .requiredOption('--patches <n,m>', 'two patches, by place or id, separated by a comma')
    .action(action(async (opts: RepoOptions & { patches: string }) => {
      const parts = opts.patches.split(',').map((p) => p.trim()).filter(Boolean);
      if (parts.length !== 2) failWith('bad-input', `--patches takes two patches separated by a comma (for example --patches 3,4), not "${opts.patches}"; merge more one pair at a time.`);
      let into = '';
      await edit(opts, (s) => {
        into = patchAt(s, parts[0] as string, '--patches');
        return mergePatches(s, into, patchAt(s, parts[1] as string, '--patches'));
      }, (s) => `Patch ${named(s, into)} now has ${s.patches[into]?.files.length ?? 0} file(s); the series has ${s.patchOrder.length} patches.`);
    }));

  addRepoOption(series.command('subject'))
    .description("change a patch's subject")
    .requiredOption('--patch <n>', "the patch's place or id")
    .requiredOption('--text <subject>', 'the new subject, one line')
    .action(action(async (opts: RepoOptions & { patch: string; text: string }) =>
      edit(opts, (s) => editPatch(s, patchAt(s, opts.patch, '--patch'), { subject: opts.text }), (s) => `Patch ${named(s, patchAt(s, opts.patch, '--patch'))}.`),
    ));

  addRepoOption(series.command('cover'))
    .description('print the cover letter the next export writes (changelog included), or set it from a file you edited')
    .option('--file <path>', 'the cover letter: its subject on the first line, a blank line, then the text')
    .option('--clear', 'go back to the cover letter made from the sprint')
    .option('--json', 'print JSON')
    .action(action(async (opts: RepoOptions & { file?: string; clear?: boolean; json?: boolean }) => {
      if (opts.file !== undefined && opts.clear) failWith('bad-input', '--file and --clear contradict each other: give one.');
      if (opts.file === undefined && !opts.clear) {
        const preview = await withSprint(opts, (ctx) => call(ctx, 'series.cover', {}));
        if (opts.json) return printLine(JSON.stringify(preview, null, 2));
        return printLine(`${preview.subject}\n\n${preview.blurb}`);
      }
      const cover = opts.file === undefined ? null : readCoverFile(opts.file);
      await edit(opts, () => ({ ok: true, value: { type: 'series.cover', cover } }), () =>
        cover ? `The cover letter is now "${cover.subject}".` : 'The cover letter is the one made from the sprint again.');
    }));
}

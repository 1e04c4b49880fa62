/**
 * The export runs `git format-patch` once per patch (its own paths and twins) and once for the
 * cover letter; these tests hold its files against the one run over the whole series that git
 * itself offers, byte for byte, with only the clock in the Message-Ids and the cover letter's
 * Date left out of the comparison.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatPatches } from '../../../electron/core/git/format-patch';
import { copySourcesByPatch } from '../../../electron/core/series/copies';
import { prepareSeries } from '../../../electron/core/series/export';
import type { SeriesInput } from '../../../electron/core/series/load';
import { cleanup, git, tempDir } from '../../helpers/repo';
import { proposedFixture, SENDER, seriesInput } from './series-fixture';
import { COPIED, copiesInParts, proposedSparseFork } from './sparse-fork';

const made: string[] = [];
afterEach(() => cleanup(...made.splice(0)));

/**
 * The old way: one `format-patch` over base..tip with copy detection among every path of the
 * series, numbered even where the clone sets format.numbered=false (as the export is).
 */
function wholeRun(input: SeriesInput, tip: string, sources: string[], out: string, inReplyTo: string | null): void {
  git(input.repo, [
    '--literal-pathspecs', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', '-c', 'format.forceInBodyFrom=false',
    'format-patch', '--cover-letter', '--numbered', '--reroll-count=2', '--binary', '--full-index', '--no-signoff', '-C', '--find-copies-harder', '-l0',
    '--thread=shallow', ...(inReplyTo ? [`--in-reply-to=${inReplyTo}`] : []), `--base=${input.base}`, `--from=${SENDER.name} <${SENDER.email}>`,
    '--no-to', '--no-cc', '--suffix=.patch', '--src-prefix=a/', '--dst-prefix=b/', '--no-color', '-q', '-o', out, `${input.base}..${tip}`, '--', ...sources,
  ], { env: { GIT_COMMITTER_NAME: SENDER.name, GIT_COMMITTER_EMAIL: SENDER.email } });
}

/** A folder's patch files by name (the version prefix dropped), with the clock taken out. */
function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    const text = readFileSync(path.join(dir, name)).toString('latin1');
    files.set(name.replace(/^v2-/, ''), text.replace(/\.\d+\.git\./g, '.TIME.git.').replace(/^Date: .*$/m, (d) => (name.includes('cover-letter') ? 'Date: NOW' : d)));
  }
  return files;
}

async function compare(input: SeriesInput, inReplyTo: string | null): Promise<Map<string, string>> {
  const series = await prepareSeries(input, SENDER);
  if (!series.ok) throw new Error(series.error.message);
  const ours = tempDir();
  const theirs = tempDir();
  made.push(ours, theirs);
  const patches = copySourcesByPatch(input, series.value.commits);
  const names = await formatPatches(input.repo, input.base, series.value.tip, ours, { version: 2, sender: SENDER, patches, inReplyTo });
  wholeRun(input, series.value.tip, [...new Set(patches.flatMap((p) => p.sources))].sort(), theirs, inReplyTo);
  const mine = filesOf(ours);
  const git = filesOf(theirs);
  expect(names).toEqual([...mine.keys()]);
  expect([...mine.keys()]).toEqual([...git.keys()]);
  for (const [name, text] of git) expect(mine.get(name), name).toBe(text);
  return mine;
}

describe('export, one format-patch per patch', () => {
  it('writes what one run over the series writes, for odd names, binaries, a removal and a later version', async () => {
    const fx = await proposedFixture();
    made.push(fx.repo);
    const files = await compare(await seriesInput(fx.repo, fx.plan), '<v1-cover@example.org>');
    expect(files.size).toBe(7);
    expect([...files.values()][1]).toMatch(/^References: <v1-cover@example\.org>\n\t<cover\.TIME\.git\.sam@example\.org>$/m);
  });

  it('writes what one run writes whatever the clone sets for format-patch: its subject prefix, a cover letter or a base of its own', async () => {
    const fx = await proposedFixture();
    made.push(fx.repo);
    for (const [key, value] of [['format.subjectPrefix', 'PATCH net-next'], ['format.coverLetter', 'true'], ['format.useAutoBase', 'true'], ['format.numbered', 'false']]) {
      git(fx.repo, ['config', key as string, value as string]);
    }
    const files = [...(await compare(await seriesInput(fx.repo, fx.plan), null)).values()];
    expect(files).toHaveLength(7);
    expect(files[3]).toMatch(/^Subject: \[PATCH net-next v2 3\/6\] /m);
    expect(files.slice(1).some((t) => t.includes('base-commit:'))).toBe(false);
  });

  it('writes what one run writes for copies in several patches, numbered 01/12 to 12/12, the cover listing every copy', async () => {
    const fx = await proposedSparseFork();
    made.push(fx.repo);
    const files = await compare(await seriesInput(fx.repo, copiesInParts(fx.plan, 10)), null);
    const texts = [...files.values()];
    expect(texts[0]).toMatch(/^Subject: \[PATCH v2 00\/12\] /m);
    expect(texts[12]).toMatch(/^Subject: \[PATCH v2 12\/12\] /m);
    expect(texts.filter((t, i) => i > 0 && t.includes('\ncopy from arch/i386/')).length).toBe(10);
    expect(texts[0]?.split('\n').filter((l) => l.startsWith(' copy ')).length).toBe(COPIED);
  });
});

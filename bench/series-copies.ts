/**
 * Export with copy detection (`npx tsx bench/series-copies.ts`, and part of `npm run bench`): on
 * the Linux-size repository with its three pairings, the 50-patch series over the fork's ~3,500
 * changed files exported by Merge Sprint (commits, copies of twins, To/Cc, threading, checkpatch
 * absent) against raw `git format-patch -C --find-copies-harder` of the same commits, in the same
 * run. Also how many copies each finds and the bytes each writes. The last line is the ratio.
 * `npx tsx bench/series-copies.ts REPO` reuses a repository makeLinuxSizeRepo wrote before.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportSeries } from '../electron/core/series/export';
import { loadSeries } from '../electron/core/series/load';
import { applyChange } from '../shared/plan/apply';
import { LINUX_PAIRINGS, makeLinuxSizeRepo, type LinuxSizeRepo } from './linux-repo';
import { rawGit } from './raw-git';
import { seriesPlanForBench } from './series';

export interface CopiesBench {
  oursMs: number;
  rawMs: number;
  ratio: number;
  summary: string;
}

const SENDER = { name: 'Bench Sender', email: 'bench@example.org' };

const raw = (cwd: string, args: string[]): Promise<void> => rawGit(cwd, args);

/** Copies found and bytes written by the patch files in `dir`. */
function measure(dir: string): { copies: number; bytes: number } {
  let copies = 0;
  let bytes = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.patch'))) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    bytes += Buffer.byteLength(text);
    copies += text.split('\ncopy from ').length - 1;
  }
  return { copies, bytes };
}

const ms = (t: number): number => performance.now() - t;
const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;

export async function benchSeriesCopies(fixture?: Pick<LinuxSizeRepo, 'repo'>): Promise<CopiesBench> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'merge-sprint-copies-bench-'));
  try {
    const repo = fixture?.repo ?? (await makeLinuxSizeRepo(path.join(scratch, 'linux'))).repo;
    const cut = await seriesPlanForBench(repo);
    // The same series, with the sprint's pairings, so the export knows each fork copy's twin.
    const paired = applyChange(cut.plan, { type: 'sprint.init', upstreamRef: cut.plan.sprint?.upstreamRef ?? '', forkRef: cut.plan.sprint?.forkRef ?? '', pairings: LINUX_PAIRINGS });
    if (!paired.ok) throw new Error(paired.error.message);
    let t = performance.now();
    const input = await loadSeries(repo, paired.value);
    if (!input.ok) throw new Error(input.error.message);
    const ours = path.join(scratch, 'ours');
    const exported = await exportSeries(input.value, SENDER, { out: ours });
    if (!exported.ok) throw new Error(exported.error.message);
    const oursMs = ms(t);

    const rawDir = path.join(scratch, 'raw');
    const { base, tip } = exported.value.report;
    t = performance.now();
    await raw(repo, ['format-patch', '-q', '--cover-letter', '--binary', '-C', '--find-copies-harder', '-o', rawDir, `${base}..${tip}`]);
    const rawMs = ms(t);

    const a = measure(ours);
    const b = measure(rawDir);
    const ratio = oursMs / rawMs;
    const summary =
      `export of ${exported.value.report.files.length - 1} patches with copy detection ${oursMs.toFixed(0)} ms, ${a.copies} copies, ${mb(a.bytes)}; ` +
      `raw git format-patch -C --find-copies-harder ${rawMs.toFixed(0)} ms, ${b.copies} copies, ${mb(b.bytes)}; ratio ${ratio.toFixed(2)}`;
    return { oursMs, rawMs, ratio, summary };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const given = process.argv[2];
  const result = await benchSeriesCopies(given ? { repo: path.resolve(given) } : undefined);
  process.stdout.write(`series copies: ${result.summary}\n`);
  process.stdout.write(`series export with copies ratio against git format-patch -C --find-copies-harder: ${result.ratio.toFixed(2)}\n`);
}

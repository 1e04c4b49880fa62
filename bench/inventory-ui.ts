/**
 * The inventory's tree and diff in Chromium, through the real room server, on 20,000 files: the
 * folder tree scrolled for 300 frames (frame times from requestAnimationFrame deltas, against the
 * same page's frames while idle), and the diff of a 20,000-line file from the click to its first
 * changed line drawn (against raw `git diff` of the same file).
 * Standalone: `npx tsx bench/inventory-ui.ts` (builds first when dist/ is missing).
 */
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeCommit, makeRepo, tempDir } from '../test/helpers/repo';
import { PROJECT, runCli, startRoom } from '../test/renderer/room-process';

const FOLDERS = 200;
const FILES_PER_FOLDER = 100;
const BIG_LINES = 20_000;
const FRAMES = 300;
const OPENS = 5;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;

const file = (d: number, f: number) => `drivers/gen/d${String(d).padStart(3, '0')}/f${String(f).padStart(2, '0')}.c`;
const big = (tag: (i: number) => string) => Array.from({ length: BIG_LINES }, (_, i) => `\tline_${i}(${tag(i)});`).join('\n') + '\n';

/** 20,000 upstream files in 200 folders and a 20,000-line one; the fork changes every tenth file and every fifth line of the big one. */
function makeTreeRepo(dir: string): string {
  const repo = makeRepo(dir);
  const upstream: Record<string, string> = { 'drivers/net/big.c': big(() => 'upstream') };
  for (let d = 0; d < FOLDERS; d++) for (let f = 0; f < FILES_PER_FOLDER; f++) upstream[file(d, f)] = `int f${d}_${f}(void)\n{\n\treturn ${d + f};\n}\n`;
  makeCommit(repo, { files: upstream, message: 'upstream' });
  spawnSync('git', ['-C', repo, 'branch', 'upstream'], { stdio: 'ignore' });
  const fork: Record<string, string> = { 'drivers/net/big.c': big((i) => (i % 5 === 0 ? 'fork' : 'upstream')) };
  for (let d = 0; d < FOLDERS; d++) for (let f = 0; f < FILES_PER_FOLDER; f += 10) fork[file(d, f)] = `int f${d}_${f}(void)\n{\n\treturn hypercall(${d + f});\n}\n`;
  makeCommit(repo, { files: fork, message: 'fork', branch: 'fork' });
  return repo;
}

/**
 * requestAnimationFrame deltas over FRAMES frames, scrolling the tree by `step` pixels a frame (0:
 * idle). A script string: tsx would wrap a named function in a helper that the page does not have.
 */
async function frameTimes(page: Page, step: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const el = document.querySelector('[data-testid="file-tree"]');
    el.scrollTop = 0;
    const deltas = [];
    let last = -1;
    const tick = (t) => {
      if (last >= 0) deltas.push(t - last);
      last = t;
      el.scrollTop += ${step};
      if (deltas.length < ${FRAMES}) requestAnimationFrame(tick);
      else resolve(deltas);
    };
    requestAnimationFrame(tick);
  })`);
}

/** Milliseconds from the click on big.c to its first changed line in the page. */
async function openDiff(page: Page): Promise<number> {
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const row = document.querySelector('[data-testid="file-row"]') as HTMLElement;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[data-testid="diff"] .diff-code-insert')) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(document.body, { childList: true, subtree: true });
        row.click();
      }),
  );
  const rows = await page.locator('[data-testid="diff"] tr.diff-line').count();
  if (rows > 400) throw new Error(`The diff drew ${rows} lines at once: it is not virtualised.`);
  await page.getByTestId('diff-close').click();
  await page.getByTestId('diff-panel').waitFor({ state: 'detached' });
  return ms;
}

export interface InventoryUiBench {
  files: number;
  scrollP95Ms: number;
  scrollFps: number;
  idleP95Ms: number;
  diffOpenMs: number;
  rawGitDiffMs: number;
  summary: string;
}

export async function benchInventoryUi(): Promise<InventoryUiBench> {
  if (!existsSync(path.join(PROJECT, 'dist', 'cli.mjs')) || !existsSync(path.join(PROJECT, 'dist', 'renderer', 'index.html'))) {
    const built = spawnSync(process.execPath, [path.join(PROJECT, 'scripts', 'build.mjs')], { cwd: PROJECT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed.');
  }
  const dir = tempDir('merge-sprint-tree-bench-');
  const repo = makeTreeRepo(path.join(dir, 'repo'));
  const init = runCli(['init', '--repo', repo, '--upstream', 'upstream', '--fork', 'fork']);
  if (init.status !== 0) throw new Error(`merge-sprint init failed: ${init.stderr}`);
  const room = await startRoom(['--repo', repo, '--port', '0']);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${room.url}#/inventory`);
    await page.getByTestId('layout-tree').click();
    await page.getByTestId('file-tree').getByRole('treeitem').first().waitFor();
    const files = FOLDERS * FILES_PER_FOLDER + 1;
    await frameTimes(page, 0);
    const idle = await frameTimes(page, 0);
    const scrolled = await frameTimes(page, 120);
    const mean = scrolled.reduce((a, b) => a + b, 0) / scrolled.length;

    await page.getByTestId('layout-list').click();
    await page.getByTestId('inventory-text').fill('big.c');
    await page.getByTestId('file-row').first().waitFor();
    const opens: number[] = [];
    // The first open warms the server's and the browser's caches; it is not counted.
    for (let i = 0; i <= OPENS; i++) {
      const ms = await openDiff(page);
      if (i > 0) opens.push(ms);
    }
    const raw: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const t = performance.now();
      spawnSync('git', ['-C', repo, 'diff', 'upstream', 'fork', '--', 'drivers/net/big.c'], { stdio: 'ignore' });
      raw.push(performance.now() - t);
    }
    const r = { files, scrollP95Ms: p95(scrolled), scrollFps: 1000 / mean, idleP95Ms: p95(idle), diffOpenMs: median(opens), rawGitDiffMs: median(raw) };
    const summary =
      `tree of ${files.toLocaleString('en')} files scrolled ${FRAMES} frames: p95 frame ${r.scrollP95Ms.toFixed(1)} ms (idle page ${r.idleP95Ms.toFixed(1)} ms), ${r.scrollFps.toFixed(0)} fps (target 60); ` +
      `diff of a ${BIG_LINES.toLocaleString('en')}-line file open ${r.diffOpenMs.toFixed(0)} ms (target < 300; raw git diff ${r.rawGitDiffMs.toFixed(0)} ms)`;
    return { ...r, summary };
  } finally {
    await browser.close();
    await room.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchInventoryUi();
  process.stdout.write(`inventory view: ${r.summary}\n`);
  process.stdout.write(`tree scroll p95 frame against the idle page's: ${(r.scrollP95Ms / r.idleP95Ms).toFixed(2)}\n`);
}

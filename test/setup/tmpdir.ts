/**
 * Global setup for vitest and Playwright: every temporary folder of a test run (fixture
 * repositories, demo sprints, the app's own scratch folders, folders a killed process never
 * removed) goes under one folder, removed when the run ends. Workers and the processes they
 * start inherit TMPDIR, which os.tmpdir() and git read.
 */
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'merge-sprint-tests-')));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}

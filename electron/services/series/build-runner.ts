/**
 * Runs a sprint build check (a shell command from the plan) in a temporary worktree, streaming
 * its output as it comes and stopping it when canceled. The command runs in its own process
 * group so that canceling also stops what it started (make, compilers).
 */
import { spawn } from 'node:child_process';

export interface BuildOutcome {
  exitCode: number | null;
  canceled: boolean;
}

export function runBuildCommand(command: string, cwd: string, onOutput: (chunk: string) => void, signal?: AbortSignal): Promise<BuildOutcome> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve({ exitCode: null, canceled: true });
      return;
    }
    const child = spawn('/bin/sh', ['-c', command], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stop = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // The group is already gone.
      }
    };
    signal?.addEventListener('abort', stop, { once: true });
    child.stdout.on('data', (d: Buffer) => onOutput(d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => onOutput(d.toString('utf8')));
    child.on('error', (e) => {
      onOutput(`Could not start the build: ${e.message}\n`);
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', stop);
      resolve({ exitCode: code, canceled: signal?.aborted ?? false });
    });
  });
}

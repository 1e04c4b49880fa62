/**
 * A process dying at a named step of a rename operation, simulated in the test's own process:
 * the step throws, so nothing after it runs (the journal and whatever git already did stay),
 * while the operations' lock is released as a killed process's lock is taken over.
 */
import { watchCheckpoints } from '../../../electron/core/rename/checkpoint';

class Crash extends Error {}

/** Runs `operation`, stopping it dead when it reaches checkpoint `name` (as `copy:after-ref`). */
export async function crashAt(name: string, operation: () => Promise<unknown>): Promise<void> {
  watchCheckpoints((reached) => {
    if (reached === name) throw new Crash(name);
  });
  try {
    await operation();
  } catch (error) {
    if (error instanceof Crash) return;
    throw error;
  } finally {
    watchCheckpoints(null);
  }
  throw new Error(`The operation never reached ${name}.`);
}

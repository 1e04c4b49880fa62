/** Plan events of the rename plan and the build checks. */
import type { BuildCheck, RenameRule } from './model';

export type RenameEvent =
  | { type: 'rename.put'; rule: RenameRule }
  | { type: 'rename.remove'; ruleId: string }
  | { type: 'build.put'; build: BuildCheck }
  | { type: 'build.remove'; buildId: string };

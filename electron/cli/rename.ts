/** `merge-sprint rename …` and `merge-sprint build …` commands. */
import type { Command } from 'commander';

export function registerRenameCommands(_program: Command): void {}

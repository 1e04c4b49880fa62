/** `merge-sprint series …` commands. */
import type { Command } from 'commander';

export function registerSeriesCommands(_program: Command): void {}

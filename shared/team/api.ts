/** Channels of the team's work (see shared/api.ts): each card's branch, Done that git confirms, the burndown and the standup. */
import { z } from 'zod';
import { channel } from '../channel';
import type { PlanSnapshot } from '../plan/snapshot';
import type { Burndown } from './burndown';
import type { StandupReport } from './report';
import type { TeamStatus } from './status';
import { checkBranchRef } from './branch-name';

const id = z.string().min(1).max(200);

/** A new branch's name, by the card branch rule; git's own check-ref-format runs in the core too. */
const newBranch = z
  .string()
  .max(250)
  .superRefine((text, ctx) => {
    const problem = checkBranchRef(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export interface StartedWork {
  snapshot: PlanSnapshot;
  branch: string;
  commit: string;
}

export interface BranchDiff {
  branch: string;
  /** The unified diff of the card's files from where the branch left the sprint branch to its tip. */
  text: string;
  truncated: boolean;
}

export const teamChannels = {
  'team.status': channel<TeamStatus>()(z.object({})),
  'team.startWork': channel<StartedWork>()(z.object({ subsystemId: id, branch: newBranch })),
  'team.diff': channel<BranchDiff>()(z.object({ subsystemId: id })),
  'team.burndown': channel<Burndown>()(z.object({})),
  'team.report': channel<StandupReport>()(z.object({ since: z.string().min(1).max(100) })),
} as const;

/**
 * A card's branch and what git says about it: the commits on it touching the card's files (the
 * newest with its author), and for a Done card whether git confirms it, in words. Its actions:
 * Start work (no branch yet) and, in Review, the branch's diff of the card's files.
 */
import { memo } from 'react';
import type { CardState } from '../../../../shared/model';
import { describeVerdict } from '../../../../shared/team/status';
import { sprintStore, useSprint } from '../../store';
import { plural } from '../common/format';

function WorkLine({ id }: { id: string }) {
  const branch = useSprint((s) => s.plan.team.branches[id] ?? null);
  const work = useSprint((s) => s.teamStatus?.work[id]);
  if (branch === null) return null;
  let said = '';
  if (work?.branch === branch) {
    if (work.tip === null) said = 'not in this clone yet';
    else if (work.touching === 0) said = 'no commits on its files yet';
    else said = `${plural(work.touching, 'commit')}${work.last ? ` · last “${work.last.subject}” by ${work.last.author}` : ''}`;
  }
  return (
    <p className="card-branch" data-testid={`branch-${id}`} title={`The branch this card is worked on, against the sprint branch`}>
      <span className="mono">{branch}</span>
      {said && <span className="card-branch-work" data-testid={`work-${id}`}> · {said}</span>}
    </p>
  );
}

function Verdict({ id }: { id: string }) {
  const verdict = useSprint((s) => s.teamStatus?.verdicts[id]);
  const words = verdict ? describeVerdict(verdict) : null;
  if (!verdict || words === null) return null;
  return (
    <p className={`card-verdict ${verdict.verified ? 'card-verified' : 'card-unverified'}`} data-testid={`verdict-${id}`}>
      {words}
    </p>
  );
}

export const CardTeam = memo(function CardTeam({ id, state, actions }: { id: string; state: CardState; actions: boolean }) {
  const hasBranch = useSprint((s) => id in s.plan.team.branches);
  return (
    <>
      <WorkLine id={id} />
      <Verdict id={id} />
      {actions && (
        <div className="card-actions">
          {!hasBranch && state !== 'Done' && (
            <button type="button" className="btn-link" onClick={() => sprintStore.getState().openTeamDialog({ kind: 'start', subsystemId: id })} data-testid={`start-work-${id}`}>
              Start work…
            </button>
          )}
          {hasBranch && state === 'Review' && (
            <button type="button" className="btn-link" onClick={() => sprintStore.getState().openTeamDialog({ kind: 'diff', subsystemId: id })} data-testid={`branch-diff-${id}`}>
              Branch diff
            </button>
          )}
        </div>
      )}
    </>
  );
});

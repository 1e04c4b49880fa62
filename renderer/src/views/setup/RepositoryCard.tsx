/** The open repository: where it is, its branch, and whether it already holds a sprint plan. */
import { useSprint } from '../../store';
import { plural } from '../common/format';

export function RepositoryCard() {
  const repo = useSprint((s) => s.repo);
  const sprint = useSprint((s) => s.plan.sprint);
  if (!repo) return null;
  return (
    <div className="panel" data-testid="repo-card">
      <h2 className="panel-title">Repository</h2>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{repo.name}</dd>
        <dt>Path</dt>
        <dd className="mono">{repo.path}</dd>
        <dt>Branch</dt>
        <dd>{repo.branch ?? 'detached HEAD'}</dd>
        <dt>Sprint</dt>
        <dd>
          {sprint
            ? `${sprint.forkRef} against ${sprint.upstreamRef}, ${plural(sprint.pairings.length, 'folder pairing')}`
            : 'not started yet'}
        </dd>
      </dl>
    </div>
  );
}

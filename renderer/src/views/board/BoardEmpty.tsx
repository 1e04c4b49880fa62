/** What the board says before there is anything to put on it, and where to go next. */
import { useSprint } from '../../store';

export function BoardEmpty() {
  const hasRepo = useSprint((s) => s.repo !== null);
  const hasSprint = useSprint((s) => s.plan.sprint !== null);
  const setView = useSprint((s) => s.setView);
  const [text, action, view] = !hasRepo
    ? ['No repository is open.', 'Open one in Setup', 'setup' as const]
    : !hasSprint
      ? ['This repository has no sprint yet: name the upstream and fork refs first.', 'Go to Setup', 'setup' as const]
      : ['The sprint has no subsystems yet.', 'Derive them in Subsystems', 'subsystems' as const];
  return (
    <div className="empty" data-testid="board-empty">
      <p>{text}</p>
      <button type="button" className="btn btn-primary" onClick={() => setView(view)}>
        {action}
      </button>
    </div>
  );
}

/** What is wrong with a rule, in words, flagged before anything happens; and what is allowed but worth knowing. */
import type { RuleProblem, RuleWarning } from '../../../../shared/rename/model';
import { plural } from '../common/format';

/** Paths listed under a warning; the rest are counted. */
const WARNING_PATHS = 50;

export function ProblemList({ problems }: { problems: RuleProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="plain-list rename-problems" role="alert" data-testid="rule-problems">
      {problems.map((p, i) => (
        <li key={`${p.code}-${i}`} className="error-text">
          {p.message}
        </li>
      ))}
    </ul>
  );
}

/** Warnings do not stop the copy: names only Windows cannot check out, each path listed. */
export function WarningList({ warnings }: { warnings: RuleWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="panel panel-warn rename-warnings" role="status" data-testid="rule-warnings">
      {warnings.map((w, i) => (
        <div key={`${w.code}-${i}`}>
          <p>{w.message}</p>
          <ul className="warning-list mono">
            {w.paths.slice(0, WARNING_PATHS).map((p) => (
              <li key={p}>{p}</li>
            ))}
            {w.paths.length > WARNING_PATHS && <li className="muted">and {plural(w.paths.length - WARNING_PATHS, 'more path')}</li>}
          </ul>
        </div>
      ))}
    </div>
  );
}

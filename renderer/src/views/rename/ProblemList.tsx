/** What is wrong with a rule, in words, flagged before anything happens. */
import type { RuleProblem } from '../../../../shared/rename/model';

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

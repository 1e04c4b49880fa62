/** Setup: which repository, which refs, which folder pairings; then start the sprint. */
import { useSprint } from '../../store';
import { OpenRepository } from './OpenRepository';
import { RepositoryCard } from './RepositoryCard';
import { SprintForm } from './SprintForm';

export function SetupView() {
  const canOpen = useSprint((s) => s.info?.canOpen ?? false);
  const hasRepo = useSprint((s) => s.repo !== null);
  return (
    <section className="page page-narrow" aria-labelledby="setup-title" data-testid="setup">
      <h1 id="setup-title" className="page-title">
        Setup
      </h1>
      {canOpen && <OpenRepository />}
      <RepositoryCard />
      {hasRepo ? (
        <SprintForm />
      ) : (
        !canOpen && <p className="muted">The room server has no repository open: the organiser starts it again inside the clone to share, or naming the clone's folder.</p>
      )}
    </section>
  );
}

/**
 * Keep current: the merge tree must not become an obsolete side branch while the team works.
 * The fork's new commits are picked up here; moving to a newer upstream has its own section.
 */
import { useEffect } from 'react';
import { sprintStore, useSprint } from '../../store';
import { PickupSection } from './PickupSection';
import { UpstreamSection } from './UpstreamSection';
import './keep-current.css';

export function KeepCurrentView() {
  const hasRepo = useSprint((s) => s.repo !== null);
  useEffect(() => (hasRepo ? sprintStore.getState().watchPickup() : undefined), [hasRepo]);
  useEffect(() => (hasRepo ? sprintStore.getState().watchUpstream() : undefined), [hasRepo]);
  if (!hasRepo) return <p className="empty">Open a repository in Setup first.</p>;
  return (
    <section className="page page-wide" aria-labelledby="keep-title" data-testid="keep-current">
      <h1 id="keep-title" className="page-title">
        Keep current
      </h1>
      <PickupSection />
      <UpstreamSection />
    </section>
  );
}

/**
 * Who a patch goes to and why: its To and Cc as get_maintainer.pl would give them from the
 * MAINTAINERS file (or the maintainers map), with the twins' sections, each with its reasons
 * ("M: of X86 PORT, twin of arch/i386/xen"). Computed by the series engine (`series.get`).
 */
import type { Recipient } from '../../../../shared/series/recipients';
import { useSprint } from '../../store';

function RecipientList({ label, list }: { label: string; list: Recipient[] }) {
  if (list.length === 0) return null;
  return (
    <div className="recipient-group">
      <h3 className="recipient-label">{label}</h3>
      <ul className="plain-list" aria-label={label}>
        {list.map((r) => (
          <li key={r.address} className="recipient">
            <span className="mono">{r.address}</span>
            <span className="muted recipient-why">{r.reasons.join('; ')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PatchRecipients({ patchId }: { patchId: string }) {
  const recipients = useSprint((s) => s.seriesRecipients[patchId]);
  const problem = useSprint((s) => s.seriesRecipientsProblem);
  return (
    <section className="patch-recipients" aria-label="Recipients" data-testid="patch-recipients">
      <h2 className="panel-title">Recipients</h2>
      {problem ? (
        <p className="muted">{problem}</p>
      ) : !recipients ? (
        <p className="muted">Loading…</p>
      ) : recipients.to.length + recipients.cc.length === 0 ? (
        <p className="muted">No MAINTAINERS section covers this patch's files or their twins: add the recipients when sending.</p>
      ) : (
        <>
          <RecipientList label="To" list={recipients.to} />
          <RecipientList label="Cc" list={recipients.cc} />
        </>
      )}
    </section>
  );
}

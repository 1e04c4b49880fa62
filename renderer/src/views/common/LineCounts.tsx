/** `+added −removed`, coloured, with the words spelled out for screen readers. */
import { formatCount } from './format';

export function LineCounts({ added, removed, binary = false }: { added: number; removed: number; binary?: boolean }) {
  if (binary) return <span className="counts counts-binary">binary</span>;
  return (
    <span className="counts" aria-label={`${formatCount(added)} lines added, ${formatCount(removed)} removed`}>
      <span className="added">+{formatCount(added)}</span> <span className="removed">−{formatCount(removed)}</span>
    </span>
  );
}

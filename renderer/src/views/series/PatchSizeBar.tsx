/**
 * A patch's size as mail against the plan's limit per patch: a bar that fills up to the limit
 * and turns to the warning colour past it, with the size in words beside it. A patch too big to
 * split (one huge file) says which file.
 */
import { memo } from 'react';
import { kb } from '../../../../shared/series/sizes';
import { useSprint } from '../../store';

export const PatchSizeBar = memo(function PatchSizeBar({ id }: { id: string }) {
  const size = useSprint((s) => s.seriesSizes[id]);
  const limitKb = useSprint((s) => s.seriesLimitKb);
  if (!size) return null;
  const share = size.bytes / (limitKb * 1024);
  const words = size.overLimit
    ? `${kb(size.bytes)}, over the ${limitKb} KB limit${size.hugeFile ? `: ${size.hugeFile.path} alone is ${kb(size.hugeFile.bytes)}` : ''}`
    : `${kb(size.bytes)} of ${limitKb} KB`;
  return (
    <span className={`size-bar${size.overLimit ? ' size-over' : ''}`} title={words} data-testid={`size-${id}`}>
      <span className="size-track" role="meter" aria-valuemin={0} aria-valuemax={limitKb} aria-valuenow={Math.round(size.bytes / 1024)} aria-label={`Size: ${words}`}>
        <span className="size-fill" style={{ width: `${Math.min(100, Math.round(share * 100))}%` }} />
      </span>
      <span className="num size-words">{size.overLimit ? `${kb(size.bytes)} > ${limitKb}` : kb(size.bytes)}</span>
    </span>
  );
});

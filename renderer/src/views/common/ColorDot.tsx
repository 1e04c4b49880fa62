/**
 * A person's colour as a small dot. React sets `style` through the CSSOM, which a CSP without
 * 'unsafe-inline' allows (only style attributes in markup and <style> elements are refused).
 */
import type { CSSProperties } from 'react';

export function ColorDot({ color, label }: { color: string | null; label?: string }) {
  const style = { '--dot': color ?? 'transparent' } as CSSProperties;
  return (
    <span
      className={`dot${color ? '' : ' dot-empty'}`}
      style={style}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    />
  );
}

import type { ReactNode } from 'react';

/** Text with some ranges marked (<mark>), e.g. the words that suggested a thinking trap. */
export function HighlightedText({
  text,
  ranges,
}: {
  text: string;
  ranges: readonly { start: number; end: number }[];
}) {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const range of sorted) {
    if (range.start < at || range.end > text.length) continue;
    if (range.start > at) parts.push(text.slice(at, range.start));
    parts.push(<mark key={range.start}>{text.slice(range.start, range.end)}</mark>);
    at = range.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

// A virtualised, keyboard-focusable list: only the rows in (and near) the viewport are in the
// DOM, so 100,000 rows scroll as smoothly as 100. Row positions come from a RowGeometry
// (lib/virtual.ts); the list keeps the `active` row in view when it changes.
// Lengths in style props are strings with units: Preact 11 no longer appends "px" to numbers.
import type { ComponentChildren, TargetedKeyboardEvent } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { scrollToReveal, visibleRange, type RowGeometry } from '../lib/virtual.ts';

interface Props {
  rows: RowGeometry;
  renderRow: (index: number) => ComponentChildren;
  rowKey: (index: number) => string | number;
  active?: number;                 // index of the row to keep in view; -1 for none
  label: string;                   // accessible name of the list
  className?: string;
  overscan?: number;               // pixels rendered above and below the viewport
  onKeyDown?: (event: TargetedKeyboardEvent<HTMLDivElement>) => void;
}

export function VirtualList({ rows, renderRow, rowKey, active = -1, label, className = '', overscan = 400,
                              onKeyDown }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || active < 0 || active >= rows.count) return;
    const next = scrollToReveal(rows, active, element.scrollTop, element.clientHeight);
    if (next !== element.scrollTop) element.scrollTop = next;
  }, [active, rows]);

  // Browsers fire scroll events at most once per frame, just before rendering it: rendering the
  // new rows right away puts them on that very frame.
  const onScroll = () => {
    if (ref.current) setScrollTop(ref.current.scrollTop);
  };

  const { start, end } = visibleRange(rows, scrollTop, height, overscan);
  const items = [];
  for (let i = start; i < end; i++) {
    items.push(
      <div key={rowKey(i)} class="vrow" role="listitem" style={{ top: `${rows.top(i)}px`, height: `${rows.height(i)}px` }}>
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div ref={ref} class={`vlist ${className}`} tabIndex={0} role="list" aria-label={label}
         onScroll={onScroll} onKeyDown={onKeyDown}>
      <div class="vlist-body" style={{ height: `${rows.total}px` }}>{items}</div>
    </div>
  );
}

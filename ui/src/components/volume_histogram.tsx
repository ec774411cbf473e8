// The log volume over time, stacked by level, as an SVG bar chart. Drag across it to zoom the
// time range; hover a bar for its counts. It draws a Histogram (lib/histogram.ts); `note` says
// what was counted.
import type { TargetedPointerEvent } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { timeTicks, type Histogram } from '../lib/histogram.ts';
import { LEVELS } from '../lib/levels.ts';
import { formatClock } from '../lib/time.ts';

const HEIGHT = 84;
const AXIS = 16;
const PLOT = HEIGHT - AXIS;

interface Props {
  histogram: Histogram;
  fromMs: number;
  toMs: number;
  note: string;
  onZoom: (fromMs: number, toMs: number) => void;
}

export function VolumeHistogram({ histogram, fromMs, toMs, note, onZoom }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const [hover, setHover] = useState<number | null>(null);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, []);

  const span = Math.max(1, toMs - fromMs);
  const xOf = (ms: number) => ((ms - fromMs) / span) * width;
  const msOf = (x: number) => fromMs + (Math.max(0, Math.min(width, x)) / width) * span;
  const yScale = histogram.maxTotal > 0 ? PLOT / histogram.maxTotal : 0;
  const localX = (event: TargetedPointerEvent<SVGSVGElement>) =>
    event.clientX - event.currentTarget.getBoundingClientRect().left;

  const onDown = (event: TargetedPointerEvent<SVGSVGElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    const x = localX(event);
    setDrag({ from: x, to: x });
  };
  const onMove = (event: TargetedPointerEvent<SVGSVGElement>) => {
    const x = localX(event);
    if (drag) setDrag({ ...drag, to: x });
    setHover(Math.floor((msOf(x) - histogram.startMs) / histogram.stepMs));
  };
  const onUp = () => {
    if (drag && Math.abs(drag.to - drag.from) > 4) {
      onZoom(Math.round(msOf(Math.min(drag.from, drag.to))), Math.round(msOf(Math.max(drag.from, drag.to))));
    }
    setDrag(null);
  };

  const bars = [];
  const barWidth = Math.max(1, (histogram.stepMs / span) * width - 1);
  for (let b = 0; b < histogram.totals.length; b++) {
    if (histogram.totals[b] === 0) continue;
    const x = xOf(histogram.startMs + b * histogram.stepMs);
    let y = PLOT;
    for (let l = 0; l < LEVELS.length; l++) {
      const count = histogram.counts[l]?.[b] ?? 0;
      if (count === 0) continue;
      const h = Math.max(1, count * yScale);
      y -= h;
      bars.push(<rect key={`${b}-${l}`} class={`bar lvl-${LEVELS[l]}`} x={x} y={y} width={barWidth} height={h} />);
    }
  }
  const ticks = timeTicks(fromMs, toMs, Math.max(2, Math.floor(width / 90)), -new Date(fromMs).getTimezoneOffset() * 60_000);

  return (
    <div class="histogram" ref={ref}>
      <svg width={width} height={HEIGHT} role="img" aria-label={`log volume: ${note}`}
           onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp}
           onPointerLeave={() => setHover(null)}>
        {ticks.map((t) => (
          <g key={t.at} class="tick">
            <line x1={xOf(t.at)} x2={xOf(t.at)} y1={0} y2={PLOT} />
            <text x={xOf(t.at) + 3} y={HEIGHT - 4}>{t.label}</text>
          </g>
        ))}
        {bars}
        {drag && <rect class="zoom" x={Math.min(drag.from, drag.to)} y={0}
                       width={Math.abs(drag.to - drag.from)} height={PLOT} />}
      </svg>
      <div class="histogram-note">
        {hover !== null && histogram.totals[hover] !== undefined
          ? <HoverCounts histogram={histogram} bucket={hover} />
          : <span>{note} · drag to zoom</span>}
      </div>
    </div>
  );
}

function HoverCounts({ histogram, bucket }: { histogram: Histogram; bucket: number }) {
  const start = histogram.startMs + bucket * histogram.stepMs;
  return (
    <span>
      {formatClock(start)} – {formatClock(start + histogram.stepMs)}: {histogram.totals[bucket]} records
      {LEVELS.map((level, l) => {
        const count = histogram.counts[l]?.[bucket] ?? 0;
        return count > 0 ? <span key={level} class={`count lvl-${level}`}> {level} {count}</span> : null;
      })}
    </span>
  );
}

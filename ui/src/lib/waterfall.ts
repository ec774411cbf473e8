// Geometry of the waterfall's bars: where a span's bar sits on the trace's time axis and where
// its duration label fits.

export interface Bar {
  left: number;    // fraction of the axis width, 0..1
  width: number;   // fraction, 0..1 (a zero-length span still gets a visible sliver in CSS)
  label: 'right' | 'left';  // the side of the bar the duration label goes
}

export function barOf(startNs: number, durationNs: number, traceDurationNs: number): Bar {
  if (traceDurationNs <= 0) return { left: 0, width: 1, label: 'right' };
  const left = clamp01(startNs / traceDurationNs);
  const width = Math.min(1 - left, Math.max(0, durationNs / traceDurationNs));
  // Labels go right of the bar unless the bar ends in the last quarter of the axis.
  return { left, width, label: left + width > 0.75 ? 'left' : 'right' };
}

function clamp01(v: number): number {
  return Math.max(0, Math.min(1, v));
}

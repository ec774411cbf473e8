// The time range picker: one click for the last 15m/1h/6h/24h/7d, or an absolute range typed
// into two date-time fields (local time).
import { useState } from 'preact/hooks';
import {
  describeBound, fromDatetimeLocal, RANGE_PRESETS, resolveBound, toDatetimeLocal,
} from '../lib/time.ts';

interface Props {
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
}

export function TimeRangePicker({ from, to, onChange }: Props) {
  const [custom, setCustom] = useState(false);
  const isPreset = (f: string) => to === 'now' && from === f;
  return (
    <div class="range-picker" role="group" aria-label="time range">
      {RANGE_PRESETS.map((preset) => (
        <button key={preset.key} type="button" class={isPreset(preset.from) ? 'on' : ''}
                title={`the last ${preset.key}`} onClick={() => { setCustom(false); onChange(preset.from, 'now'); }}>
          {preset.key}
        </button>
      ))}
      <button type="button" class={custom || !RANGE_PRESETS.some((p) => isPreset(p.from)) ? 'on' : ''}
              title="an absolute range" onClick={() => setCustom(!custom)}>
        {RANGE_PRESETS.some((p) => isPreset(p.from)) ? 'custom' : `${describeBound(from)} → ${describeBound(to)}`}
      </button>
      {custom && <AbsoluteRange from={from} to={to} onApply={(f, t) => { setCustom(false); onChange(f, t); }} />}
    </div>
  );
}

function AbsoluteRange({ from, to, onApply }: { from: string; to: string; onApply: (from: string, to: string) => void }) {
  const now = Date.now();
  const [start, setStart] = useState(toDatetimeLocal(resolveBound(from, now) ?? now - 3_600_000));
  const [end, setEnd] = useState(toDatetimeLocal(resolveBound(to, now) ?? now));
  const startMs = fromDatetimeLocal(start);
  const endMs = fromDatetimeLocal(end);
  const valid = startMs !== null && endMs !== null && startMs <= endMs;
  const apply = (event: Event) => {
    event.preventDefault();
    if (valid) onApply(String(startMs), String(endMs));
  };
  return (
    <form class="absolute-range" onSubmit={apply}>
      <input type="datetime-local" step="1" value={start} aria-label="from"
             onInput={(e) => setStart(e.currentTarget.value)} />
      <span>→</span>
      <input type="datetime-local" step="1" value={end} aria-label="to"
             onInput={(e) => setEnd(e.currentTarget.value)} />
      <button type="submit" disabled={!valid}>apply</button>
    </form>
  );
}

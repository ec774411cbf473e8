// The header: navigation, and the trace id box (g focuses it) that opens any trace.
import { useRef, useState } from 'preact/hooks';
import { useShortcuts } from '../hooks.ts';
import { normalizeTraceId } from '../lib/trace_id.ts';
import { Link, navigate } from '../router.tsx';

export function Header({ path, onHelp }: { path: string; onHelp: () => void }) {
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useShortcuts({ g: () => input.current?.select(), '?': onHelp });
  const open = (event: Event) => {
    event.preventDefault();
    const id = normalizeTraceId(value);
    setInvalid(id === null);
    if (id) {
      setValue('');
      input.current?.blur();
      navigate(`/trace/${id}`);
    }
  };
  const tab = (href: string, label: string, prefix: string) => (
    <Link href={href} class={path.startsWith(prefix) ? 'on' : ''} aria-current={path.startsWith(prefix) ? 'page' : undefined}>
      {label}
    </Link>
  );
  return (
    <header class="top">
      <Link href="/explore" class="brand">weft</Link>
      <nav>
        {tab('/explore', 'Logs', '/explore')}
        {tab('/services', 'Services', '/services')}
      </nav>
      <form class="trace-search" onSubmit={open}>
        <input ref={input} value={value} placeholder="open trace id… (g)" aria-label="trace id" spellcheck={false}
               class={invalid ? 'invalid' : ''} title={invalid ? 'a trace id is up to 32 hexadecimal digits' : ''}
               onInput={(e) => { setValue(e.currentTarget.value); setInvalid(false); }} />
      </form>
      <button type="button" class="help-button" onClick={onHelp} title="keyboard shortcuts (?)">?</button>
    </header>
  );
}

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const keys: [string, string][] = [
    ['g', 'open a trace by id'], ['?', 'this help'], ['Esc', 'leave a field or close this'],
    ['/', 'explorer: text filter · services: filter'], ['s', 'explorer: service filter'],
    ['r', 'run the query again'], ['l', 'explorer: live tail on/off'],
    ['j k ↑ ↓', 'move in a list or the waterfall'], ['Enter o', 'expand a log record'],
    ['t', 'open the selected log record\'s trace'], ['← →', 'waterfall: collapse, expand'],
    ['e', 'trace: select the deepest error span'], ['c x', 'trace: collapse to the root\'s children, expand all'],
  ];
  return (
    <div class="overlay" role="dialog" aria-label="keyboard shortcuts" onClick={onClose}>
      <div class="help" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard</h2>
        <table>
          <tbody>{keys.map(([k, what]) => <tr key={k}><th><kbd>{k}</kbd></th><td>{what}</td></tr>)}</tbody>
        </table>
        <button type="button" onClick={onClose}>close</button>
      </div>
    </div>
  );
}

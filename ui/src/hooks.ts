// Small hooks the pages share: loading data with cancellation, and keyboard shortcuts.
import { useEffect, useRef, useState } from 'preact/hooks';
import { isAbort } from './api/index.ts';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'done'; value: T }
  | { state: 'failed'; error: Error };

// Runs `load` whenever `key` changes, cancelling the previous run; `reload` runs it again.
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>):
    [Loadable<T>, () => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const controller = new AbortController();
    setResult({ state: 'loading' });
    loadRef.current(controller.signal).then(
      (value) => setResult({ state: 'done', value }),
      (error: unknown) => {
        if (isAbort(error)) return;
        setResult({ state: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
      });
    return () => controller.abort();
  }, [key, generation]);
  return [result, () => setGeneration((g) => g + 1)];
}

// Whether a key event comes from a place where typing means text, not a shortcut.
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

// Page-wide single-key shortcuts (ignored while typing, with Ctrl/Meta/Alt held, and for keys a
// focused list has handled already).
export function useShortcuts(keys: Record<string, (event: KeyboardEvent) => void>): void {
  const keysRef = useRef(keys);
  keysRef.current = keys;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event)) return;
      const handler = keysRef.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

// Moves the keyboard focus into the list matched by `selector` (a VirtualList), unless it is
// there already: the page-wide j/k that start keyboard navigation.
export function focusList(selector: string): void {
  const list = document.querySelector<HTMLElement>(selector);
  if (list && !list.contains(document.activeElement)) list.focus();
}

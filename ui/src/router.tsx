// Client-side routing over the History API: the pages are /explore, /trace/<id> and
// /services (weft serves index.html for each, see src/server/ui/ui_routes.cc), and each page
// keeps its state in the query string.
import type { ComponentChildren, TargetedMouseEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface Location {
  path: string;
  search: string;  // with its leading '?', or ''
}

const listeners = new Set<() => void>();

function current(): Location {
  return { path: window.location.pathname, search: window.location.search };
}

function notify(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', notify);

// Goes to `url` (path and query string). `replace` rewrites the current history entry, for
// state changes that should not each need a Back press (typing in a filter, selecting a span).
export function navigate(url: string, replace = false): void {
  if (url === window.location.pathname + window.location.search) return;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  notify();
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    listeners.add(update);
    return () => {
      listeners.delete(update);
    };
  }, []);
  return location;
}

interface LinkProps {
  href: string;
  class?: string | undefined;
  title?: string | undefined;
  'aria-current'?: 'page' | undefined;
  onClick?: ((event: TargetedMouseEvent<HTMLAnchorElement>) => void) | undefined;
  children?: ComponentChildren;
}

// An <a> that navigates inside the app, unless opened in a new tab or window.
export function Link(props: LinkProps) {
  const { href, onClick, ...rest } = props;
  const click = (event: TargetedMouseEvent<HTMLAnchorElement>) => {
    if (onClick) onClick(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={click} {...rest} />;
}

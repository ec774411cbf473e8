// The app shell: the header and the page of the current path.
import { useEffect, useState } from 'preact/hooks';
import { Header, ShortcutHelp } from './components/header.tsx';
import { Notice } from './components/notice.tsx';
import { ExplorePage } from './pages/explore_page.tsx';
import { ServicesPage } from './pages/services_page.tsx';
import { TracePage } from './pages/trace_page.tsx';
import { Link, navigate, useLocation } from './router.tsx';

export function App() {
  const { path, search } = useLocation();
  const [help, setHelp] = useState(false);
  useEffect(() => {
    if (path === '/') navigate(`/explore${search}`, true);
  }, [path]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setHelp(false);
      const active = document.activeElement;
      if (active instanceof HTMLElement && active !== document.body) active.blur();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <Header path={path} onHelp={() => setHelp(!help)} />
      <main>{page(path, search)}</main>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </>
  );
}

function page(path: string, search: string) {
  if (path === '/' || path === '/explore') return <ExplorePage search={search} />;
  if (path === '/services') return <ServicesPage search={search} />;
  const trace = /^\/trace\/([^/]+)$/.exec(path);
  if (trace) return <TracePage traceId={decodeURIComponent(trace[1] as string)} search={search} />;
  return (
    <Notice title={`No page at ${path}`} tone="error">
      Go to the <Link href="/explore">log explorer</Link> or the <Link href="/services">services</Link>.
    </Notice>
  );
}

import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { Loading } from '../components/Loading';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

/**
 * After a client-side navigation nothing tells a screen reader that the page changed: move focus to the
 * new page's h1 (or to main), as a full page load would have put the reader at the top.
 */
function useFocusOnNavigation() {
  const location = useLocation();
  // Compared with the previous path (not a "first render" flag) so StrictMode's double effects are harmless.
  const previous = useRef(location.pathname);
  useEffect(() => {
    if (previous.current === location.pathname) return;
    previous.current = location.pathname;
    window.scrollTo(0, 0);
    // Not cancelled on cleanup: StrictMode's re-run would otherwise drop it. Focusing the current h1 twice
    // after a quick double navigation is harmless.
    // A lazily loaded page shows its h1 a little later: wait for it (up to about 2 s), else focus main.
    // Someone who has already moved on (opened a menu, focused a field) keeps their place: the focus is moved
    // only while it is still where the navigation left it, or nowhere.
    const start = document.activeElement;
    const movedOn = () => {
      const active = document.activeElement;
      return active !== null && active !== document.body && active !== start;
    };
    let tries = 0;
    const focusHeading = () => {
      if (movedOn()) return;
      const heading = document.querySelector<HTMLElement>('main [data-page-heading]');
      if (heading) heading.focus({ preventScroll: true });
      else if (++tries < 40) window.setTimeout(focusHeading, 50);
      else document.getElementById('main')?.focus({ preventScroll: true });
    };
    window.setTimeout(focusHeading, 50);
  }, [location.pathname]);
}

export function Layout() {
  const { t } = useTranslation();
  useFocusOnNavigation();
  return (
    <>
      <div className="skiplinks">
        {/* A plain fragment link: the browser moves focus to main (tabIndex -1); the router ignores hashes. */}
        <a className="visually-hidden-focusable" href="#main">
          {t('app.skipToContent')}
        </a>
      </div>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        {/*
          While a page's code loads, its place is held at the page's padding and a screen's height: the footer
          stays below the fold and the page appears without pushing anything (no layout shift).
        */}
        <Suspense
          fallback={
            <div className="container-xxl px-4 py-4 py-lg-5 officina-pending">
              <Loading />
            </div>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <SiteFooter />
    </>
  );
}

import {
  Collapse,
  Header,
  HeaderContent,
  HeaderRightZone,
  Headers,
  HeaderToggler,
  Icon,
} from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Me } from '../../common/auth';
import { useLogout, useMe } from '../features/auth/session';
import type { NavEntry } from './feature';
import { features } from './features';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The entry of the current page: the most specific one whose address starts the current path, so that
 * "Le mie iscrizioni" (/formazione/iscrizioni) is current there rather than "Formazione" too.
 */
function currentEntry(entries: NavEntry[], pathname: string): NavEntry | undefined {
  let best: NavEntry | undefined;
  for (const e of entries) {
    const hit = e.end ? pathname === e.to : pathname === e.to || pathname.startsWith(`${e.to}/`);
    if (hit && (!best || e.to.length > best.to.length)) best = e;
  }
  return best;
}

/** The main navigation: each feature's entries, in the order of the features. */
export function navEntries(me: Me | null | undefined, t: (key: string) => string): NavEntry[] {
  return features.flatMap((feature) => feature.nav?.(me, t) ?? []);
}

function AccessZone({ me }: { me: Me | null | undefined }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  if (!me) {
    return (
      <div className="it-access-top-wrapper">
        <Link className="btn btn-primary btn-sm" to="/accedi">
          {t('header.signIn')}
        </Link>
      </div>
    );
  }
  return (
    <div className="it-access-top-wrapper d-flex align-items-center gap-2">
      <Link className="btn btn-primary btn-sm btn-icon" to="/profilo">
        <span className="rounded-icon">
          <Icon icon="it-user" color="primary" aria-hidden />
        </span>
        <span className="d-none d-lg-inline">{me.name}</span>
        <span className="visually-hidden d-lg-none">{t('header.profileOf', { name: me.name })}</span>
      </Link>
      <button
        type="button"
        className="btn btn-outline-light btn-sm"
        onClick={() =>
          logout.mutate(undefined, {
            onSettled: () => {
              void navigate('/');
            },
          })
        }
      >
        {t('header.signOut')}
      </button>
    </div>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const entries = navEntries(me, t);
  const current = currentEntry(entries, location.pathname);

  // A link followed on the mobile menu must close it, or the next page stays hidden behind it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setOpen(false), [location.pathname]);

  return (
    <header>
      <Headers>
        <Header type="slim" theme="dark">
          <HeaderContent>
            <span className="navbar-brand d-none d-sm-inline text-truncate">{t('header.owner')}</span>
            <HeaderRightZone>
              <LanguageSwitch />
              <AccessZone me={me} />
            </HeaderRightZone>
          </HeaderContent>
        </Header>
        <div className="it-nav-wrapper">
          <Header type="center" theme="">
            <HeaderContent>
              <div className="it-brand-wrapper">
                <Link to="/">
                  <Icon icon="it-pa" className="icon" aria-hidden />
                  <div className="it-brand-text">
                    <div className="it-brand-title">{t('app.name')}</div>
                    <div className="it-brand-tagline d-none d-md-block">{t('app.tagline')}</div>
                  </div>
                </Link>
              </div>
            </HeaderContent>
          </Header>
          <Header type="navbar" theme="">
            <HeaderContent expand="lg" megamenu aria-label={t('nav.label')}>
              <HeaderToggler
                onClick={() => setOpen(!open)}
                isOpen={open}
                aria-controls="officina-nav"
                aria-label={t('nav.open')}
              >
                <Icon icon="it-burger" aria-hidden />
              </HeaderToggler>
              <Collapse
                id="officina-nav"
                isOpen={open}
                navbar
                header
                onOverlayClick={() => setOpen(false)}
                closeSrText={t('nav.close')}
                aria-label={open ? t('nav.label') : undefined}
              >
                <div className="menu-wrapper">
                  <ul className="navbar-nav">
                    {entries.map((entry) => (
                      <li className="nav-item" key={entry.to}>
                        <Link
                          to={entry.to}
                          className={`nav-link${entry === current ? ' active' : ''}`}
                          aria-current={entry === current ? 'page' : undefined}
                        >
                          <span>{entry.label}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              </Collapse>
            </HeaderContent>
          </Header>
        </div>
      </Headers>
    </header>
  );
}

import {
  Collapse,
  Header,
  HeaderContent,
  HeaderRightZone,
  Headers,
  HeaderToggler,
  Icon,
} from 'design-react-kit';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Me } from '../../common/auth';
import { useLogout, useMe } from '../features/auth/session';
import { NAV_GROUPS, type NavEntry, type NavGroup } from './feature';
import { features } from './features';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The entry of the current page: the most specific one whose address starts the current path, so that
 * "Le mie iscrizioni" (/formazione/iscrizioni) is current there rather than the calendar (/formazione) too.
 */
function currentEntry(entries: NavEntry[], pathname: string): NavEntry | undefined {
  let best: NavEntry | undefined;
  for (const e of entries) {
    const hit = e.end ? pathname === e.to : pathname === e.to || pathname.startsWith(`${e.to}/`);
    if (hit && (!best || e.to.length > best.to.length)) best = e;
  }
  return best;
}

/** The main navigation's entries: each feature's, in the order of the features. */
export function navEntries(me: Me | null | undefined, t: (key: string) => string): NavEntry[] {
  return features.flatMap((feature) => feature.nav?.(me, t) ?? []);
}

/** An item of the header's menu bar: a plain link, or a group of several entries opened as a drop-down. */
export type NavItem =
  | { kind: 'link'; entry: NavEntry }
  | { kind: 'group'; group: NavGroup; label: string; entries: NavEntry[] };

/**
 * The menu bar for the person signed in (or not): the groups in `NAV_GROUPS` order, each with the entries
 * the features put in it; a group with one entry is that entry's link, an empty one is left out.
 */
export function navItems(me: Me | null | undefined, t: (key: string) => string): NavItem[] {
  const entries = navEntries(me, t);
  return NAV_GROUPS.flatMap((group): NavItem[] => {
    const held = entries.filter((e) => e.group === group);
    if (held.length === 0) return [];
    const [only] = held;
    if (held.length === 1 && only) return [{ kind: 'link', entry: only }];
    return [{ kind: 'group', group, label: t(`navGroup.${group}`), entries: held }];
  });
}

/**
 * One group of the menu bar, as Bootstrap Italia's navbar drop-down (a disclosure: a button that shows a list
 * of links). Enter or Space opens it and Tab goes through its links; the arrow keys, Home and End move between
 * them too; Escape closes it and gives the focus back to its button; it closes when the focus leaves it.
 */
function NavGroupMenu({
  item,
  current,
  open,
  setOpen,
}: {
  item: Extract<NavItem, { kind: 'group' }>;
  current: NavEntry | undefined;
  open: boolean;
  setOpen: (open: boolean) => void;
}) {
  const toggle = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const pressing = useRef(false);
  const id = `nav-group-${item.group}`;
  const holdsCurrent = item.entries.some((e) => e.to === current?.to);
  const links = () => Array.from(list.current?.querySelectorAll<HTMLAnchorElement>('a') ?? []);
  const focusLink = (index: number) => {
    const all = links();
    all[(index + all.length) % all.length]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      toggle.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const down = e.key === 'ArrowDown';
      if (!open) setOpen(true);
      // The list is shown on the next render: move the focus then.
      const target = at < 0 ? (down ? 0 : -1) : at + (down ? 1 : -1);
      window.setTimeout(() => focusLink(target), 0);
    } else if ((e.key === 'Home' || e.key === 'End') && at >= 0) {
      e.preventDefault();
      focusLink(e.key === 'Home' ? 0 : -1);
    }
  };

  return (
    <li
      id={`${id}-item`}
      className={`nav-item dropdown${open ? ' show' : ''}`}
      onKeyDown={onKeyDown}
      // Some browsers (Safari) do not focus a link on click: the press on an entry blurs the group with no
      // new focus, and closing then would hide the entry before its click lands. The click closes it instead.
      onPointerDown={() => {
        pressing.current = true;
        window.addEventListener('pointerup', () => window.setTimeout(() => (pressing.current = false), 0), {
          once: true,
        });
      }}
      onBlur={(e) => {
        if (open && !pressing.current && !e.currentTarget.contains(e.relatedTarget as Node | null))
          setOpen(false);
      }}
    >
      <button
        ref={toggle}
        type="button"
        id={`${id}-button`}
        className={`nav-link dropdown-toggle officina-nav-toggle${holdsCurrent ? ' active' : ''}`}
        aria-expanded={open}
        aria-controls={id}
        aria-current={holdsCurrent ? 'true' : undefined}
        onClick={() => setOpen(!open)}
      >
        <span>{item.label}</span>
        <Icon icon="it-expand" size="xs" className="ms-1" aria-hidden />
      </button>
      <div id={id} className={`dropdown-menu${open ? ' show' : ''}`} hidden={!open}>
        <div className="link-list-wrapper">
          <ul className="link-list" ref={list}>
            {item.entries.map((entry) => (
              <li key={entry.to}>
                <Link
                  to={entry.to}
                  className={`dropdown-item list-item${entry.to === current?.to ? ' active' : ''}`}
                  aria-current={entry.to === current?.to ? 'page' : undefined}
                  onClick={() => setOpen(false)}
                >
                  <span>{entry.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </li>
  );
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
  const [openGroup, setOpenGroup] = useState<NavGroup | null>(null);
  const items = navItems(me, t);
  const current = currentEntry(navEntries(me, t), location.pathname);

  // A link followed on the mobile menu must close it, or the next page stays hidden behind it (the link of
  // the page already open closes it on click). Not on every new location: pages keep their filters in the
  // address, which would close a menu just opened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => {
    setOpen(false);
    setOpenGroup(null);
  }, [location.pathname]);

  // A click anywhere outside the open group closes it, as Bootstrap Italia's drop-downs do.
  useEffect(() => {
    if (!openGroup) return;
    const close = (e: PointerEvent) => {
      if (!(e.target as Element | null)?.closest?.(`#nav-group-${openGroup}-item`)) setOpenGroup(null);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [openGroup]);

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
                    {items.map((item) =>
                      item.kind === 'link' ? (
                        <li className="nav-item" key={item.entry.to}>
                          <Link
                            to={item.entry.to}
                            className={`nav-link${item.entry.to === current?.to ? ' active' : ''}`}
                            aria-current={item.entry.to === current?.to ? 'page' : undefined}
                            onClick={() => setOpen(false)}
                          >
                            <span>{item.entry.label}</span>
                          </Link>
                        </li>
                      ) : (
                        <NavGroupMenu
                          key={item.group}
                          item={item}
                          current={current}
                          open={openGroup === item.group}
                          setOpen={(o) => setOpenGroup(o ? item.group : null)}
                        />
                      ),
                    )}
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

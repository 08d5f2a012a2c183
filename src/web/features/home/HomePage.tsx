import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { landingPath } from '../auth/landing';
import { useMe } from '../auth/session';

/** What a visitor can open today, each card with its page: the home page promises only what exists. */
const OFFER = [
  { key: 'calendar', icon: 'it-calendar', to: '/formazione' },
  { key: 'paths', icon: 'it-presentation', to: '/formazione/percorsi' },
  { key: 'verify', icon: 'it-file-signed', to: '/verifica' },
  { key: 'manual', icon: 'it-help-circle', to: '/manuale' },
] as const;

export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  usePageTitle(t('home.title'));
  return (
    <>
      <section className="it-hero-wrapper it-hero-small-size bg-primary" aria-labelledby="home-title">
        <div className="container-xxl px-4">
          <div className="row">
            <div className="col-12">
              <div className="it-hero-text-wrapper bg-dark-primary py-4">
                <h1 id="home-title" className="no_toc text-white" tabIndex={-1} data-page-heading="">
                  {t('home.title')}
                </h1>
                <p className="d-none d-lg-block text-white">{t('home.lead')}</p>
                <div className="it-btn-container d-flex flex-wrap gap-2">
                  {me ? (
                    <Link className="btn btn-light" to={landingPath(me)}>
                      {t('home.goToArea')}
                    </Link>
                  ) : (
                    <Link className="btn btn-light" to="/accedi">
                      {t('home.signIn')}
                    </Link>
                  )}
                  <Link className="btn btn-outline-light" to="/verifica">
                    {t('home.verifyCertificate')}
                  </Link>
                </div>
              </div>
            </div>
          </div>
        </div>
      </section>
      <div className="container-xxl px-4 py-5">
        <p className="lead d-lg-none">{t('home.lead')}</p>
        <h2 className="mb-4">{t('home.offerTitle')}</h2>
        <div className="row g-4">
          {OFFER.map((item) => (
            <div className="col-12 col-md-6 col-lg-3" key={item.key}>
              <Panel level={3} icon={item.icon} title={t(`home.offer.${item.key}.title`)}>
                <p>{t(`home.offer.${item.key}.text`)}</p>
                <p className="mb-0">
                  <Link to={item.to}>{t(`home.offer.${item.key}.link`)}</Link>
                </p>
              </Panel>
            </div>
          ))}
        </div>
        <section className="mt-5" aria-labelledby="home-reserved">
          <h2 id="home-reserved">{t('home.reservedTitle')}</h2>
          <p>{t('home.reservedText')}</p>
          <ul>
            <li>{t('home.reserved.learning')}</li>
            <li>{t('home.reserved.assessment')}</li>
            <li>{t('home.reserved.restructuring')}</li>
          </ul>
        </section>
        <section className="mt-5" aria-labelledby="home-access">
          <h2 id="home-access">{t('home.accessTitle')}</h2>
          <p>{t('home.accessText')}</p>
          <ul>
            <li>
              <Link to="/accedi">{t('home.signIn')}</Link>
            </li>
            <li>
              <Link to="/password-dimenticata">{t('login.forgot')}</Link>
            </li>
            <li>
              <Link to="/manuale">{t('footer.manual')}</Link>
            </li>
          </ul>
        </section>
      </div>
    </>
  );
}

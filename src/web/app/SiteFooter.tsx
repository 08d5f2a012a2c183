import { Icon } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiRoutes, apiUrl } from '../../common/api-routes';
import { useMe } from '../features/auth/session';

/** Designers Italia footer; every link points to a page that exists (no placeholders). */
export function SiteFooter() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <footer className="it-footer">
      <div className="it-footer-main">
        <div className="container-xxl px-4">
          <div className="row clearfix">
            <div className="col-sm-12">
              <div className="it-brand-wrapper">
                <Link to="/">
                  <Icon icon="it-pa" aria-hidden />
                  <div className="it-brand-text">
                    <div className="h2 no_toc">{t('app.name')}</div>
                    <div className="h3 no_toc">{t('app.tagline')}</div>
                  </div>
                </Link>
              </div>
            </div>
          </div>
          <div className="row py-4">
            <div className="col-lg-6 pb-2">
              <h2 className="footer-heading-title h4 text-white">{t('footer.aboutTitle')}</h2>
              <p className="text-white">{t('footer.about')}</p>
            </div>
            <div className="col-lg-6 pb-2">
              <h2 className="footer-heading-title h4 text-white">{t('footer.resources')}</h2>
              <ul className="footer-list list-unstyled">
                <li>
                  <Link to="/manuale">{t('footer.manual')}</Link>
                </li>
                <li>
                  <a href={apiUrl(apiRoutes.docs.ui)}>{t('footer.apiDocs')}</a>
                </li>
                <li>
                  <Link to={me ? '/profilo' : '/accedi'}>{me ? t('nav.profile') : t('header.signIn')}</Link>
                </li>
              </ul>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container-xxl px-4">
          <h2 className="visually-hidden">{t('footer.smallPrints')}</h2>
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            <li className="list-inline-item">
              <Link to="/manuale">{t('footer.manual')}</Link>
            </li>
            <li className="list-inline-item">
              <a href={apiUrl(apiRoutes.docs.ui)}>{t('footer.apiDocs')}</a>
            </li>
            <li className="list-inline-item">
              <span className="text-white">{t('footer.owner')}</span>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}

import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './styles/fonts.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { csrf } from './api/client';
import { App } from './app/App';
import { features } from './app/features';
import { addTranslations } from './i18n';

addTranslations(features);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Fetch the CSRF token (and its cookie) up front, so the first form submission does not wait for it.
csrf().catch(() => undefined);

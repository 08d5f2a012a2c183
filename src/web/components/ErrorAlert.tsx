import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/client';

// Plain Bootstrap Italia alert markup: the kit's Alert forces role="alert" even for good news.

/** Shows an API error's (translated) message in an alert that screen readers announce. */
export function ErrorAlert({ error, className }: { error: unknown; className?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  let message: string;
  if (error instanceof ApiError) message = error.message;
  else if (error instanceof NetworkError) message = t('errors.network');
  else message = t('errors.generic');
  return (
    <div className={`alert alert-danger ${className ?? ''}`} role="alert">
      {message}
    </div>
  );
}

export function SuccessAlert({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div className={`alert alert-success ${className ?? ''}`} role="status">
      {children}
    </div>
  );
}

export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors() : {};
}

/**
 * Field problems keyed by their whole path without the request part ("body.modules.0.title" →
 * "modules.0.title"), for forms with lists of rows where the last segment alone would be ambiguous.
 */
export function pathErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const d of error.details) {
    const key = d.path.replace(/^(body|querystring|params)\.?/, '').replace(/\[(\d+)\]/g, '.$1');
    if (key && !(key in out)) out[key] = d.message;
  }
  return out;
}

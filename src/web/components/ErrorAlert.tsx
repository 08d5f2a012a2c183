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

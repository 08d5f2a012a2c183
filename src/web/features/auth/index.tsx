import { Route } from 'react-router';
import type { WebFeature } from '../../app/feature';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { LoginPage } from './LoginPage';
import { ResetPasswordPage } from './ResetPasswordPage';

/** Signing in and resetting a forgotten password (part of the main bundle). */
export const authFeature: WebFeature = {
  name: 'auth',
  routes: (
    <>
      <Route path="accedi" element={<LoginPage />} />
      <Route path="password-dimenticata" element={<ForgotPasswordPage />} />
      <Route path="reimposta-password" element={<ResetPasswordPage />} />
    </>
  ),
};

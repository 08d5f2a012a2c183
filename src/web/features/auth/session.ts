import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type { Me } from '../../../common/auth';
import { api, resetCsrf } from '../../api/client';
import { setLanguage, takeLanguageChoice } from '../../i18n';

export const ME_KEY = ['me'] as const;

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: ME_KEY,
    queryFn: async () => (await api<{ me: Me | null }>(apiUrl(apiRoutes.auth.session))).me,
    staleTime: 60_000,
    retry: false,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<Me>(apiUrl(apiRoutes.auth.login), { method: 'POST', body }),
    onSuccess: async (signedIn) => {
      // The session changed: the CSRF token is bound to it, and every cached answer belonged to someone else.
      resetCsrf();
      client.clear();
      let me = signedIn;
      // A language the visitor just chose with the switch wins over the profile's, and becomes the
      // profile's so that it follows them; without a choice, the profile's language applies.
      const chosen = takeLanguageChoice();
      if (chosen && chosen !== me.locale)
        me = await api<Me>(apiUrl(apiRoutes.auth.me), { method: 'PATCH', body: { locale: chosen } }).catch(
          () => me,
        );
      client.setQueryData(ME_KEY, me);
      const lang = chosen ?? me.locale;
      if (lang === 'it' || lang === 'en') await setLanguage(lang);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>(apiUrl(apiRoutes.auth.logout), { method: 'POST' }),
    onSettled: () => {
      // A choice made while signed in must not pass to the next person who signs in on this browser.
      takeLanguageChoice();
      resetCsrf();
      client.clear();
      client.setQueryData(ME_KEY, null);
    },
  });
}

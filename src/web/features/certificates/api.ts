import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type { Certificate, EditionCertificates, PublicCertificate } from '../../../common/certificates';
import { api } from '../../api/client';

export const CERTIFICATES_KEY = ['certificates'] as const;

export const certificatePdfUrl = (id: number) => apiUrl(apiRoutes.certificates.pdf, { id });
export const editionZipUrl = (editionId: number) =>
  apiUrl(apiRoutes.certificates.editionZip, { id: editionId });
export const verifyPath = (code: string) => `/verifica/${encodeURIComponent(code)}`;

export function useMyCertificates() {
  return useQuery({
    queryKey: [...CERTIFICATES_KEY, 'mine'],
    queryFn: ({ signal }) => api<Certificate[]>(apiUrl(apiRoutes.certificates.mine), { signal }),
  });
}

export function useEditionCertificates(editionId: number | null) {
  return useQuery({
    queryKey: [...CERTIFICATES_KEY, 'edition', editionId],
    queryFn:
      editionId === null
        ? skipToken
        : ({ signal }) =>
            api<EditionCertificates>(apiUrl(apiRoutes.certificates.ofEdition, { id: editionId }), { signal }),
  });
}

/** The public check of a code: never cached, a revocation must show at once. */
export function usePublicCertificate(code: string | null) {
  return useQuery({
    queryKey: [...CERTIFICATES_KEY, 'public', code],
    queryFn: ({ signal }) =>
      api<PublicCertificate>(apiUrl(apiRoutes.certificates.verify, { code: code ?? '' }), {
        signal,
        cache: 'no-store',
      }),
    enabled: code !== null,
    staleTime: 0,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: CERTIFICATES_KEY }),
      client.invalidateQueries({ queryKey: ['learning'] }),
    ]);
}

export function useRevokeCertificate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      api<Certificate>(apiUrl(apiRoutes.certificates.revoke, { id }), { method: 'POST', body: { reason } }),
    onSuccess: invalidate,
  });
}

export function useReissueCertificate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: number) =>
      api<Certificate>(apiUrl(apiRoutes.certificates.reissue, { id }), { method: 'POST' }),
    onSuccess: invalidate,
  });
}

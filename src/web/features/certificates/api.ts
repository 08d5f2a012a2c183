import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Certificate, EditionCertificates, PublicCertificate } from '../../../common/certificates';
import { api } from '../../api/client';

export const CERTIFICATES_KEY = ['certificates'] as const;

export const certificatePdfUrl = (id: number) => `/api/v1/certificates/${id}/pdf`;
export const editionZipUrl = (editionId: number) => `/api/v1/editions/${editionId}/certificates.zip`;
export const verifyPath = (code: string) => `/verifica/${encodeURIComponent(code)}`;

export function useMyCertificates() {
  return useQuery({
    queryKey: [...CERTIFICATES_KEY, 'mine'],
    queryFn: ({ signal }) => api<Certificate[]>('/api/v1/me/certificates', { signal }),
  });
}

export function useEditionCertificates(editionId: number | null) {
  return useQuery({
    queryKey: [...CERTIFICATES_KEY, 'edition', editionId],
    queryFn: ({ signal }) =>
      api<EditionCertificates>(`/api/v1/editions/${editionId}/certificates`, { signal }),
    enabled: editionId !== null,
  });
}

/** The public check of a code: never cached, a revocation must show at once. */
export function usePublicCertificate(code: string | null) {
  return useQuery({
    queryKey: [...CERTIFICATES_KEY, 'public', code],
    queryFn: ({ signal }) =>
      api<PublicCertificate>(`/api/v1/public/certificates/${encodeURIComponent(code ?? '')}`, {
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
      api<Certificate>(`/api/v1/certificates/${id}/revoke`, { method: 'POST', body: { reason } }),
    onSuccess: invalidate,
  });
}

export function useReissueCertificate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: number) => api<Certificate>(`/api/v1/certificates/${id}/reissue`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

/**
 * A library loaded the first time it is needed, then kept. For the heavy ones only some requests use
 * (PDF, QR codes, ZIP, SMTP, Redis): the server starts without reading them.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load().catch((err: unknown) => {
      loaded = undefined;
      throw err;
    });
    return loaded;
  };
}

/** pdfkit's document class. */
export const pdfDocument = lazy(async () => (await import('pdfkit')).default);

/** The qrcode library. */
export const qrCode = lazy(async () => (await import('qrcode')).default);

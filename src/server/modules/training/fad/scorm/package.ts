import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { SCORM_LIMITS } from '../../../../../common/fad.js';
import type { Bilingual } from '../../../../kernel/errors.js';
import { type Manifest, parseManifest } from './manifest.js';
import { contentTypeOf, entryPathProblem, isFolder } from './paths.js';

/**
 * Reads an uploaded SCORM package and judges it before anything is stored: a zip (by its first bytes,
 * whatever its name says), within the limits (SCORM_LIMITS: upload, unpacked size and entries, so a zip
 * bomb is refused before it is inflated), every entry a clean relative path, `imsmanifest.xml` at the
 * root naming a SCO that is in the package.
 */

export type PackageFile = { path: string; contentType: string; bytes: Buffer; sha256: string };
export type ReadPackage =
  | { ok: true; manifest: Manifest; files: PackageFile[]; totalBytes: number }
  | { ok: false; problems: Bilingual[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const mb = (n: number) => Math.round(n / 1024 / 1024);

export function isZip(buffer: Uint8Array) {
  return buffer.length >= 4 && ZIP_MAGIC.every((b, i) => buffer[i] === b);
}

export type PackageLimits = { uploadBytes: number; unpackedBytes: number; entries: number };

export function readPackage(buffer: Uint8Array, limits: PackageLimits = SCORM_LIMITS): ReadPackage {
  const refuse = (...problems: Bilingual[]): ReadPackage => ({ ok: false, problems });
  if (buffer.length > limits.uploadBytes)
    return refuse({
      it: `il file supera ${mb(limits.uploadBytes)} MB`,
      en: `the file is larger than ${mb(limits.uploadBytes)} MB`,
    });
  if (!isZip(buffer))
    return refuse({
      it: 'il file non è un archivio zip (qualunque sia il suo nome)',
      en: 'the file is not a zip archive (whatever its name says)',
    });

  // First pass: the central directory only (the filter refuses every entry), nothing is inflated.
  const problems: Bilingual[] = [];
  let entries = 0;
  let declared = 0;
  try {
    unzipSync(buffer, {
      filter: (f) => {
        entries += 1;
        declared += f.originalSize;
        const problem = entryPathProblem(f.name);
        if (problem && problems.length < 10) problems.push(problem);
        return false;
      },
    });
  } catch {
    return refuse({ it: 'l’archivio zip è danneggiato', en: 'the zip archive is damaged' });
  }
  if (entries > limits.entries)
    problems.unshift({
      it: `l’archivio ha ${entries} voci, più delle ${limits.entries} ammesse`,
      en: `the archive has ${entries} entries, more than the ${limits.entries} allowed`,
    });
  if (declared > limits.unpackedBytes)
    problems.unshift({
      it: `i file estratti supererebbero ${mb(limits.unpackedBytes)} MB`,
      en: `the unpacked files would exceed ${mb(limits.unpackedBytes)} MB`,
    });
  if (problems.length) return { ok: false, problems };

  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(buffer, { filter: (f) => !isFolder(f.name) });
  } catch {
    return refuse({ it: 'l’archivio zip è danneggiato', en: 'the zip archive is damaged' });
  }
  const files: PackageFile[] = [];
  let totalBytes = 0;
  for (const [name, data] of Object.entries(unpacked)) {
    totalBytes += data.length;
    // Sizes declared in the archive may lie: the real ones are counted again.
    if (totalBytes > limits.unpackedBytes)
      return refuse({
        it: `i file estratti superano ${mb(limits.unpackedBytes)} MB`,
        en: `the unpacked files exceed ${mb(limits.unpackedBytes)} MB`,
      });
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.length);
    files.push({
      path: name,
      contentType: contentTypeOf(name),
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  const manifestFile = files.find((f) => f.path === 'imsmanifest.xml');
  if (!manifestFile)
    return refuse({
      it: 'manca imsmanifest.xml nella cartella principale del pacchetto',
      en: 'imsmanifest.xml is missing from the root of the package',
    });
  const parsed = parseManifest(manifestFile.bytes.toString('utf8'), new Set(files.map((f) => f.path)));
  if (!parsed.ok) return refuse(parsed.problem);
  return { ok: true, manifest: parsed.manifest, files, totalBytes };
}

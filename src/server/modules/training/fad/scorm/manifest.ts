import { XMLParser } from 'fast-xml-parser';
import type { ScormVersion } from '../../../../../common/fad.js';
import type { Bilingual } from '../../../../kernel/errors.js';
import { packagePath } from './paths.js';

/**
 * The manifest of a SCORM package (`imsmanifest.xml`): its version, the default organization and the
 * first item whose resource is a SCO, whose address is what the player opens. Pure.
 */

export type Manifest = {
  version: ScormVersion;
  identifier: string;
  title: string;
  /** The SCO's address inside the package, with the item's parameters. */
  launchHref: string;
  /** The file the launch address points to (no query or fragment), normalised. */
  launchPath: string;
};

export type ManifestResult = { ok: true; manifest: Manifest } | { ok: false; problem: Bilingual };

// biome-ignore lint/suspicious/noExplicitAny: the parsed XML is walked field by field
type Node = any;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['organization', 'item', 'resource', 'file', 'dependency'].includes(name),
});

const fail = (it: string, en: string): ManifestResult => ({ ok: false, problem: { it, en } });

const textOf = (n: Node): string => {
  if (n === undefined || n === null) return '';
  if (typeof n === 'string' || typeof n === 'number') return String(n).trim();
  if (typeof n === 'object' && '#text' in n) return String(n['#text']).trim();
  return '';
};

/** 1.2 or 2004, from `schemaversion`, else from the namespaces the manifest declares. */
export function versionOf(schemaVersion: string, xml: string): ScormVersion | null {
  const v = schemaVersion.toLowerCase();
  if (v === '1.2') return '1.2';
  if (v.includes('2004') || v.includes('1.3')) return '2004';
  if (/adlcp_v1p3|imscp_v1p1"[^>]*adlseq|adlnav_v1p3|adlseq_v1p3/i.test(xml)) return '2004';
  if (/adlcp_rootv1p2/i.test(xml)) return '1.2';
  return null;
}

const scormType = (r: Node): string =>
  String(r?.['@scormtype'] ?? r?.['@scormType'] ?? '')
    .trim()
    .toLowerCase();

/** Joins an href and an item's parameters as the SCORM content packaging specification says. */
export function withParameters(href: string, parameters: string): string {
  const p = parameters.trim();
  if (!p) return href;
  if (p.startsWith('#')) return href.includes('#') ? href : href + p;
  const query = p.replace(/^[?&]/, '');
  return href.includes('?') ? `${href}&${query}` : `${href}?${query}`;
}

export function parseManifest(xml: string, files: ReadonlySet<string>): ManifestResult {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    return fail(
      'il manifesto contiene una dichiarazione DOCTYPE o ENTITY',
      'the manifest holds a DOCTYPE or ENTITY declaration',
    );
  let doc: Node;
  try {
    doc = parser.parse(xml, true);
  } catch (e) {
    const why = e instanceof Error ? e.message.slice(0, 200) : '';
    return fail(`imsmanifest.xml non è XML valido (${why})`, `imsmanifest.xml is not valid XML (${why})`);
  }
  const manifest = doc?.manifest;
  if (!manifest || typeof manifest !== 'object')
    return fail('imsmanifest.xml non ha l’elemento <manifest>', 'imsmanifest.xml has no <manifest> element');
  const version = versionOf(textOf(manifest.metadata?.schemaversion), xml);
  if (!version)
    return fail(
      'versione SCORM non riconosciuta (serve 1.2 o 2004 in <schemaversion>)',
      'SCORM version not recognised (1.2 or 2004 is needed in <schemaversion>)',
    );
  const organizations: Node[] = manifest.organizations?.organization ?? [];
  const defaultId = String(manifest.organizations?.['@default'] ?? '');
  const organization = organizations.find((o) => o?.['@identifier'] === defaultId) ?? organizations[0];
  if (!organization) return fail('il manifesto non ha un’organizzazione', 'the manifest has no organization');

  const resources: Node[] = manifest.resources?.resource ?? [];
  const resourcesBase = String(manifest.resources?.['@base'] ?? '');
  const byId = new Map<string, Node>(resources.map((r) => [String(r?.['@identifier'] ?? ''), r]));

  const firstSco = (items: Node[]): { item: Node; resource: Node } | null => {
    for (const item of items ?? []) {
      const ref = String(item?.['@identifierref'] ?? '');
      const resource = ref ? byId.get(ref) : undefined;
      if (resource && scormType(resource) === 'sco' && resource['@href']) return { item, resource };
      const inner = firstSco(item?.item ?? []);
      if (inner) return inner;
    }
    return null;
  };
  const found = firstSco(organization.item ?? []);
  if (!found)
    return fail(
      'nessuna voce dell’organizzazione rimanda a una risorsa SCO con un indirizzo (adlcp:scormtype="sco" e href)',
      'no item of the organization points to a SCO resource with an address (adlcp:scormtype="sco" and href)',
    );
  const href = resourcesBase + String(found.resource['@base'] ?? '') + String(found.resource['@href']);
  const launchHref = withParameters(href, String(found.item['@parameters'] ?? ''));
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//'))
    return fail(
      `l’indirizzo di avvio «${href.slice(0, 200)}» punta fuori dal pacchetto`,
      `the launch address "${href.slice(0, 200)}" points outside the package`,
    );
  const launchPath = packagePath(launchHref);
  if (!launchPath || !files.has(launchPath))
    return fail(
      `il file di avvio «${href.slice(0, 200)}» non è nel pacchetto`,
      `the launch file "${href.slice(0, 200)}" is not in the package`,
    );
  const title =
    textOf(organization.title) ||
    textOf(found.item.title) ||
    String(manifest['@identifier'] ?? '') ||
    'SCORM';
  return {
    ok: true,
    manifest: {
      version,
      identifier: String(manifest['@identifier'] ?? '').slice(0, 200),
      title: title.slice(0, 200),
      launchHref,
      launchPath,
    },
  };
}

import type { Readable } from 'node:stream';
import {
  type Certificate,
  type EditionCertificates,
  hoursOf,
  normaliseCode,
  type PublicCertificate,
} from '../../../../common/certificates.js';
import { LEARNER_AREA_PATH } from '../../../../common/learning.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { AppError, type Bilingual, errors, type Lang } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import { slugify } from '../../../kernel/slug.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { MailService } from '../../platform/mail/index.js';
import type { EditionsService } from '../catalogue/index.js';
import { newCertificateCode } from './code.js';
import { certificateIssuedMail, certificateReissuedMail } from './mail.js';
import { renderCertificatePdf, verifyUrl } from './pdf.js';
import { canManageCertificates, canReadAllCertificates, canReadCertificate } from './policy.js';
import type { CertificateRow, CertificatesRepository } from './repository.js';

const CERTIFICATE = { it: 'Attestato', en: 'Certificate' };
const EDITION = { it: 'Edizione', en: 'Edition' };
/** Stored in Italian, the platform's language; shown in English to English readers. */
export const REISSUE_REASON: Bilingual = {
  it: 'Riemesso dopo una correzione',
  en: 'Reissued after a correction',
};

type Facts = NonNullable<Awaited<ReturnType<CertificatesRepository['facts']>>>;

/** A confirmed enrolment, completed, in an edition marked completed: it earns a certificate. */
const isDue = (f: Facts) =>
  f.enrolment.status === 'confirmed' && f.enrolment.completedOn !== null && f.edition.status === 'completed';

const reasonIn = (reason: string | null, lang: Lang) =>
  reason === REISSUE_REASON.it ? REISSUE_REASON[lang] : reason;

export function toCertificate(r: CertificateRow, lang: Lang): Certificate {
  return {
    id: r.id,
    code: r.code,
    enrolmentId: r.enrolmentId,
    editionId: r.editionId,
    userId: r.userId,
    holderName: r.holderName,
    pathTitle: r.pathTitle,
    editionTitle: r.editionTitle,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    completedOn: r.completedOn,
    minutesAttended: r.minutesAttended,
    hours: hoursOf(r.minutesAttended),
    issuer: r.issuer,
    issuedAt: r.issuedAt.toISOString(),
    status: r.revokedAt ? 'revoked' : 'valid',
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokeReason: reasonIn(r.revokeReason, lang),
    replacesId: r.replacesId,
  };
}

/** The file name inside the edition's ZIP: attestato-<name>-<code>.pdf. */
export const pdfFileName = (r: Pick<CertificateRow, 'holderName' | 'code'>) =>
  `attestato-${slugify(r.holderName) || 'titolare'}-${r.code}.pdf`;

export type CertificatesService = ReturnType<typeof createCertificatesService>;

export function createCertificatesService(deps: {
  db: Db;
  repo: CertificatesRepository;
  audit: AuditService;
  mail: MailService;
  config: Pick<Config, 'publicUrl' | 'certIssuer' | 'certificate'>;
  editions: Pick<EditionsService, 'trains' | 'manages'>;
  clock: Clock;
}) {
  const { db, repo, audit, mail, config, clock } = deps;

  /** Writes the snapshot, the audit record and the holder's e-mail; null if a valid one exists. */
  async function issue(tx: Db, ctx: RequestContext, f: Facts, replaced?: CertificateRow) {
    const row = await repo.insert(tx, {
      code: newCertificateCode(),
      enrolmentId: f.enrolment.id,
      userId: f.enrolment.userId,
      editionId: f.edition.id,
      holderName: f.holder.name,
      pathTitle: f.pathTitle,
      editionTitle: f.edition.title,
      startsOn: f.edition.startsOn,
      endsOn: f.edition.endsOn,
      completedOn: f.enrolment.completedOn as string,
      minutesAttended: f.enrolment.minutesAttended,
      issuer: config.certIssuer,
      replacesId: replaced?.id ?? null,
      issuedAt: clock.now(),
    });
    if (!row) return null;
    await audit.record(tx, ctx, {
      action: 'certificate.issued',
      entityType: 'certificate',
      entityId: row.id,
      unitId: f.enrolment.unitId,
      details: {
        code: row.code,
        enrolmentId: row.enrolmentId,
        minutesAttended: row.minutesAttended,
        completedOn: row.completedOn,
        ...(replaced ? { replacesId: replaced.id, replacesCode: replaced.code } : {}),
      },
    });
    const lang: Lang = f.holder.locale === 'en' ? 'en' : 'it';
    const facts = {
      name: f.holder.name,
      pathTitle: f.pathTitle,
      editionTitle: f.edition.title,
      code: row.code,
      areaLink: `${config.publicUrl}${LEARNER_AREA_PATH}`,
      verifyLink: verifyUrl(config.publicUrl, row.code),
    };
    await mail.enqueue(
      tx,
      f.holder.email,
      replaced
        ? certificateReissuedMail(lang, { ...facts, oldCode: replaced.code })
        : certificateIssuedMail(lang, facts),
    );
    return row;
  }

  /**
   * Issues the enrolment's certificate when it is due and it never had one. After a revocation a
   * new certificate comes only from reissue: a later attendance change must not undo a manager's
   * decision behind their back. Runs in the caller's transaction; safe to call any number of times
   * and concurrently (the loser of a race issues nothing). The caller kicks the mail worker after
   * commit.
   */
  async function syncEnrolment(tx: Db, ctx: RequestContext, enrolmentId: number) {
    const f = await repo.facts(tx, enrolmentId);
    if (!f || !isDue(f) || (await repo.countOf(tx, enrolmentId)) > 0) return null;
    return issue(tx, ctx, f);
  }

  async function readable(ctx: RequestContext, id: number) {
    const row = await repo.findById(db, id);
    if (
      !row ||
      !canReadCertificate(ctx.actor, {
        userId: row.certificate.userId,
        unitId: row.enrolment.unitId,
        managesEdition: await deps.editions.manages(db, ctx, row.certificate.editionId),
      })
    )
      throw errors.notFound(CERTIFICATE);
    return row.certificate;
  }

  /**
   * An edition whose certificates the actor reads: those who read them all, and whoever trains it
   * (`trainers`) or only those who manage it (`managers`: the ZIP of every PDF).
   */
  async function editionFor(ctx: RequestContext, editionId: number, who: 'trainers' | 'managers') {
    const edition = await repo.edition(db, editionId);
    if (!edition) throw errors.notFound(EDITION);
    const allowed =
      canReadAllCertificates(ctx.actor) ||
      (who === 'managers'
        ? await deps.editions.manages(db, ctx, editionId)
        : !!ctx.actor && (await deps.editions.trains(db, editionId, ctx.actor.id)));
    if (!allowed) throw errors.forbidden();
    return edition;
  }

  /** A certificate the actor may revoke or reissue; another edition's is answered as missing. */
  async function manageable(tx: Db, ctx: RequestContext, id: number) {
    const found = await repo.findById(tx, id);
    if (!found || !(await deps.editions.manages(tx, ctx, found.certificate.editionId)))
      throw errors.notFound(CERTIFICATE);
    return found;
  }

  const pdfOf = (r: CertificateRow) => renderCertificatePdf(r, config.publicUrl, config.certificate);

  return {
    syncEnrolment,

    /** Every due enrolment of the edition; call it in the transaction that marks it completed. */
    async issueForEdition(tx: Db, ctx: RequestContext, editionId: number) {
      let issued = 0;
      for (const id of await repo.dueOfEdition(tx, editionId)) if (await syncEnrolment(tx, ctx, id)) issued++;
      return issued;
    },

    async revoke(ctx: RequestContext, id: number, reason: string) {
      if (!canManageCertificates(ctx.actor, true)) throw errors.forbidden();
      const row = await db.transaction(async (tx) => {
        const found = await manageable(tx, ctx, id);
        const revoked = await repo.revoke(tx, id, requireActor(ctx).id, reason, clock.now());
        if (!revoked) throw alreadyRevoked();
        await audit.record(tx, ctx, {
          action: 'certificate.revoked',
          entityType: 'certificate',
          entityId: id,
          unitId: found.enrolment.unitId,
          details: { code: revoked.code, enrolmentId: revoked.enrolmentId, reason },
        });
        return revoked;
      });
      return toCertificate(row, ctx.lang);
    },

    /**
     * After a correction: revokes the certificate (if still valid) and issues a new one from the
     * enrolment's current data, provided the enrolment is still complete.
     */
    async reissue(ctx: RequestContext, id: number) {
      if (!canManageCertificates(ctx.actor, true)) throw errors.forbidden();
      const row = await db.transaction(async (tx) => {
        const found = await manageable(tx, ctx, id);
        const old = found.certificate;
        const f = await repo.facts(tx, old.enrolmentId);
        if (!f || !isDue(f))
          throw errors.conflict('CERTIFICATE_NOT_DUE', {
            it: 'L’iscrizione non risulta più completata: non si può riemettere l’attestato. Se non è più dovuto, revocalo.',
            en: 'The enrolment is no longer complete: the certificate cannot be reissued. If it is no longer due, revoke it.',
          });
        if (old.revokedAt) {
          const valid = await repo.validOf(tx, old.enrolmentId);
          if (valid) throw superseded(valid.code);
        } else {
          const revoked = await repo.revoke(tx, id, requireActor(ctx).id, REISSUE_REASON.it, clock.now());
          if (!revoked) throw alreadyRevoked();
          await audit.record(tx, ctx, {
            action: 'certificate.revoked',
            entityType: 'certificate',
            entityId: id,
            unitId: found.enrolment.unitId,
            details: { code: old.code, enrolmentId: old.enrolmentId, reason: REISSUE_REASON.it },
          });
        }
        const fresh = await issue(tx, ctx, f, old);
        // Only a concurrent reissue of a revoked certificate can get here first.
        if (!fresh) throw superseded(null);
        return fresh;
      });
      mail.kick();
      return toCertificate(row, ctx.lang);
    },

    async pdf(ctx: RequestContext, id: number) {
      const row = await readable(ctx, id);
      return { fileName: pdfFileName(row), body: await pdfOf(row) };
    },

    /** The edition's valid certificates, one PDF each, made one after the other as the ZIP streams. */
    async editionZip(ctx: RequestContext, editionId: number): Promise<{ fileName: string; body: Readable }> {
      await editionFor(ctx, editionId, 'managers');
      const rows = await repo.validOfEdition(db, editionId);
      if (!rows.length)
        throw errors.conflict('NO_CERTIFICATES', {
          it: 'Questa edizione non ha ancora attestati validi.',
          en: 'This edition has no valid certificates yet.',
        });
      const { ZipArchive } = await import('archiver');
      const zip = new ZipArchive({ zlib: { level: 6 } });
      void (async () => {
        for (const r of rows) zip.append(await pdfOf(r), { name: pdfFileName(r), date: r.issuedAt });
        await zip.finalize();
      })().catch((err: Error) => zip.destroy(err));
      return { fileName: `attestati-edizione-${editionId}.zip`, body: zip };
    },

    async listEdition(ctx: RequestContext, editionId: number): Promise<EditionCertificates> {
      const edition = await editionFor(ctx, editionId, 'trainers');
      const rows = await repo.ofEdition(db, editionId);
      const missing = await repo.missingOfEdition(db, editionId);
      return {
        editionId,
        editionStatus: edition.status,
        items: rows.map(({ certificate: c, enrolment: e, unitName }) => ({
          ...toCertificate(c, ctx.lang),
          unitName,
          outdated:
            !c.revokedAt &&
            (e.status !== 'confirmed' ||
              e.completedOn !== c.completedOn ||
              e.minutesAttended !== c.minutesAttended),
        })),
        missing: missing.map((m) => ({ ...m, completedOn: m.completedOn as string })),
      };
    },

    async mine(ctx: RequestContext) {
      const rows = await repo.ofUser(db, requireActor(ctx).id);
      return rows.map((r) => toCertificate(r, ctx.lang));
    },

    /** Public check of a code: tolerant of case, spaces and missing dashes. */
    async verify(code: string, lang: Lang): Promise<PublicCertificate> {
      const canonical = normaliseCode(code);
      const row = canonical ? await repo.findByCode(db, canonical) : undefined;
      if (!row)
        throw new AppError(404, 'CERTIFICATE_NOT_FOUND', {
          it: 'Nessun attestato corrisponde a questo codice: controlla di averlo copiato per intero, come è stampato sull’attestato.',
          en: 'No certificate matches this code: check that you copied all of it, as printed on the certificate.',
        });
      return {
        code: row.code,
        status: row.revokedAt ? 'revoked' : 'valid',
        holderName: row.holderName,
        pathTitle: row.pathTitle,
        completedOn: row.completedOn,
        hours: hoursOf(row.minutesAttended),
        ...(row.revokedAt
          ? { revokedAt: row.revokedAt.toISOString(), revokeReason: reasonIn(row.revokeReason, lang) ?? '' }
          : {}),
      };
    },

    /** Title of the public verification page, for the HTML served to link previews. */
    async pageMeta(pathname: string) {
      if (!/^\/verifica(\/[^/]*)?\/?$/.test(pathname)) return null;
      return {
        title: 'Verifica di un attestato',
        description: `Controlla se un attestato rilasciato da ${config.certIssuer} è valido, con il codice di verifica stampato sull’attestato.`,
      };
    },
  };
}

const alreadyRevoked = () =>
  errors.conflict('CERTIFICATE_REVOKED', {
    it: 'L’attestato è già stato revocato.',
    en: 'The certificate has already been revoked.',
  });

const superseded = (code: string | null) =>
  errors.conflict('CERTIFICATE_SUPERSEDED', {
    it: `Per questa iscrizione esiste già un attestato valido${code ? ` (codice ${code})` : ''}: riemetti quello.`,
    en: `This enrolment already has a valid certificate${code ? ` (code ${code})` : ''}: reissue that one.`,
  });

import type { Lang } from '../../../kernel/errors.js';
import type { Mail } from '../../platform/mail/index.js';

const sign = {
  it: '— Officina, la piattaforma della formazione delle Province',
  en: '— Officina, the Provinces’ training platform',
};

export type CertificateMailFacts = {
  name: string;
  pathTitle: string;
  editionTitle: string;
  code: string;
  /** The holder's area where the PDF can be downloaded. */
  areaLink: string;
  /** The public page anyone can use to check the certificate. */
  verifyLink: string;
};

export function certificateIssuedMail(lang: Lang, f: CertificateMailFacts): Mail {
  if (lang === 'en')
    return {
      subject: `Officina: your certificate for “${f.pathTitle}” is available`,
      text: `Hello ${f.name},\n\nyou have completed “${f.pathTitle}” (${f.editionTitle}) and your certificate of attendance is ready.\nDownload it from your training area:\n\n${f.areaLink}\n\nIts verification code is ${f.code}; anyone can check it here:\n\n${f.verifyLink}\n\n${sign.en}\n`,
    };
  return {
    subject: `Officina: il tuo attestato per «${f.pathTitle}» è disponibile`,
    text: `Gentile ${f.name},\n\nhai completato «${f.pathTitle}» (${f.editionTitle}) e il tuo attestato di partecipazione è pronto.\nPuoi scaricarlo dalla tua area della formazione:\n\n${f.areaLink}\n\nIl codice di verifica è ${f.code}; chiunque può controllarlo qui:\n\n${f.verifyLink}\n\n${sign.it}\n`,
  };
}

export function certificateReissuedMail(lang: Lang, f: CertificateMailFacts & { oldCode: string }): Mail {
  if (lang === 'en')
    return {
      subject: `Officina: your certificate for “${f.pathTitle}” has been reissued`,
      text: `Hello ${f.name},\n\nyour attendance record for “${f.pathTitle}” (${f.editionTitle}) was corrected, so your certificate has been reissued.\nThe previous one (code ${f.oldCode}) is no longer valid: please use the new one, which you can download from your training area:\n\n${f.areaLink}\n\nIts verification code is ${f.code}; anyone can check it here:\n\n${f.verifyLink}\n\n${sign.en}\n`,
    };
  return {
    subject: `Officina: il tuo attestato per «${f.pathTitle}» è stato riemesso`,
    text: `Gentile ${f.name},\n\ni dati della tua partecipazione a «${f.pathTitle}» (${f.editionTitle}) sono stati corretti e il tuo attestato è stato riemesso.\nIl precedente (codice ${f.oldCode}) non è più valido: usa quello nuovo, che puoi scaricare dalla tua area della formazione:\n\n${f.areaLink}\n\nIl codice di verifica è ${f.code}; chiunque può controllarlo qui:\n\n${f.verifyLink}\n\n${sign.it}\n`,
  };
}

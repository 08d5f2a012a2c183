import sanitizeHtml from 'sanitize-html';
import { VIDEO_HOSTS } from '../../../../common/fad.js';
import { errors } from '../../../kernel/errors.js';

/**
 * What a page's rich text may hold: text structure, links and images over https (or http), tables; no
 * scripts, styles, frames, forms or event attributes. Videos are embedded from `videoUrl`, not the text.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'blockquote',
    'code',
    'pre',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'caption',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
    'abbr',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'lang'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    abbr: ['title'],
    '*': ['lang'],
  },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'http'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // An image whose address was refused (javascript:, data:) has nothing left to show.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  // Links leave the platform in a new context without handing it the opener.
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
};

/** Rich text as it is stored and shown: the sanitised HTML. Images without alternative text get an empty one. */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, {
    ...OPTIONS,
    allowedAttributes: { ...OPTIONS.allowedAttributes, a: ['href', 'title', 'lang', 'rel'] },
  })
    .replace(/<img(?![^>]*\balt=)/g, '<img alt=""')
    .trim();
}

/** The player address for an allowed video address (YouTube or Vimeo), or null for any other. */
export function embedUrl(videoUrl: string): string | null {
  let u: URL;
  try {
    u = new URL(videoUrl);
  } catch {
    return null;
  }
  if (!(VIDEO_HOSTS as readonly string[]).includes(u.hostname) || u.protocol !== 'https:') return null;
  const youtubeId = (id: string | null | undefined) =>
    id && /^[\w-]{6,20}$/.test(id) ? `https://www.youtube-nocookie.com/embed/${id}` : null;
  const vimeoId = (id: string | undefined) =>
    id && /^\d{1,12}$/.test(id) ? `https://player.vimeo.com/video/${id}` : null;
  const parts = u.pathname.split('/').filter(Boolean);
  switch (u.hostname) {
    case 'youtu.be':
      return youtubeId(parts[0]);
    case 'www.youtube.com':
    case 'youtube.com':
    case 'www.youtube-nocookie.com':
      if (parts[0] === 'watch') return youtubeId(u.searchParams.get('v'));
      if (parts[0] === 'embed' || parts[0] === 'shorts' || parts[0] === 'live') return youtubeId(parts[1]);
      return null;
    case 'player.vimeo.com':
      return parts[0] === 'video' ? vimeoId(parts[1]) : null;
    default:
      return vimeoId(parts[0]);
  }
}

/** Refuses a video address that no allowed player can show. */
export function checkedVideoUrl(videoUrl: string | null): string | null {
  if (videoUrl === null) return null;
  if (embedUrl(videoUrl)) return videoUrl;
  throw errors.badRequest('VIDEO_HOST_NOT_ALLOWED', {
    it: 'Il video deve essere un indirizzo YouTube o Vimeo (per esempio https://www.youtube.com/watch?v=… o https://vimeo.com/…).',
    en: 'The video must be a YouTube or Vimeo address (for example https://www.youtube.com/watch?v=… or https://vimeo.com/…).',
  });
}

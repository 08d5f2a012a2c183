import type { ReactNode } from 'react';

const URL_RE = /(https?:\/\/[^\s<>"']+)/g;

/**
 * The plain-text body of an e-mail with its web addresses made clickable. Built from React text and
 * anchors only (never HTML), so a crafted message cannot inject markup.
 */
export function MessageText({ text, id }: { text: string; id: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    const start = match.index ?? 0;
    // Trailing punctuation belongs to the sentence, not to the address.
    const url = match[0].replace(/[.,;:)]+$/, '');
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <a key={`${start}`} href={url} rel="noopener noreferrer">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <pre id={id} className="officina-mail-text">
      {parts}
    </pre>
  );
}

import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { TableScroll } from '../../components/TableScroll';

/**
 * A deliberately small Markdown renderer for the user manual (docs/manual/*.md, written by us): headings,
 * paragraphs, lists, tables, fenced code, **bold**, `code` and [links](…). It builds React elements, never
 * HTML strings, so nothing in the text can become markup.
 */

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;

function inline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let i = 0;
  for (const m of text.matchAll(INLINE)) {
    const start = m.index ?? 0;
    if (start > last) out.push(text.slice(last, start));
    const token = m[0];
    const k = `${key}-${i++}`;
    if (token.startsWith('**')) out.push(<strong key={k}>{token.slice(2, -2)}</strong>);
    else if (token.startsWith('`')) out.push(<code key={k}>{token.slice(1, -1)}</code>);
    else {
      const label = token.slice(1, token.indexOf(']('));
      const href = token.slice(token.indexOf('](') + 2, -1);
      if (href.startsWith('/') && !href.startsWith('/api/')) {
        out.push(
          <Link key={k} to={href}>
            {label}
          </Link>,
        );
      } else if (/^(https?:|#|\/api\/|mailto:)/.test(href)) {
        out.push(
          <a key={k} href={href}>
            {label}
          </a>,
        );
      } else out.push(label);
    }
    last = start + token.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

export type Heading = { level: number; text: string; id: string };

export function headings(md: string): Heading[] {
  return md
    .split('\n')
    .map((l) => /^(#{2,3}) (.+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ level: m[1]?.length ?? 2, text: m[2] ?? '', id: slug(m[2] ?? '') }));
}

export function renderMarkdown(md: string): ReactNode[] {
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  const blocks: ReactNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const key = `b${i}`;
    if (!line.trim()) {
      i++;
    } else if (line.startsWith('```')) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? '').startsWith('```')) code.push(lines[i++] ?? '');
      i++;
      blocks.push(
        // biome-ignore lint/a11y/noNoninteractiveTabindex: may scroll sideways, so it must take keyboard focus
        <pre key={key} tabIndex={0}>
          <code>{code.join('\n')}</code>
        </pre>,
      );
    } else if (/^#{1,4} /.test(line)) {
      const level = line.indexOf(' ');
      const text = line.slice(level + 1);
      i++;
      // The page supplies the h1; the file's own title is skipped.
      if (level === 1) continue;
      const Tag = (['h2', 'h3', 'h4'] as const)[Math.min(level, 4) - 2] ?? 'h4';
      blocks.push(
        <Tag key={key} id={slug(text)}>
          {inline(text, key)}
        </Tag>,
      );
    } else if (line.trim().startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && (lines[i] ?? '').trim().startsWith('|')) rows.push(cells(lines[i++] ?? ''));
      const [head, , ...body] = rows;
      blocks.push(
        <TableScroll key={key} label={(head ?? []).join(', ')}>
          <table className="table">
            <thead>
              <tr>
                {(head ?? []).map((c, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
                  <th scope="col" key={`${key}h${j}`}>
                    {inline(c, `${key}h${j}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.map((r, ri) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
                <tr key={`${key}r${ri}`}>
                  {r.map((c, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
                    <td key={`${key}r${ri}c${j}`}>{inline(c, `${key}r${ri}c${j}`)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>,
      );
    } else if (/^(\s*[-*] |\s*\d+\. )/.test(line)) {
      const ordered = /^\s*\d+\. /.test(line);
      const items: string[] = [];
      while (i < lines.length && /^(\s*[-*] |\s*\d+\. )/.test(lines[i] ?? ''))
        items.push((lines[i++] ?? '').replace(/^\s*([-*]|\d+\.) /, ''));
      const List = ordered ? 'ol' : 'ul';
      blocks.push(
        <List key={key}>
          {items.map((it, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered
            <li key={`${key}i${j}`}>{inline(it, `${key}i${j}`)}</li>
          ))}
        </List>,
      );
    } else {
      const para: string[] = [];
      while (
        i < lines.length &&
        (lines[i] ?? '').trim() &&
        !/^(#|```|\||\s*[-*] |\s*\d+\. )/.test(lines[i] ?? '')
      )
        para.push(lines[i++] ?? '');
      blocks.push(<p key={key}>{inline(para.join(' '), key)}</p>);
    }
  }
  return blocks;
}

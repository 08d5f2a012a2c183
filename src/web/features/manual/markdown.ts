import MarkdownIt from 'markdown-it';

/**
 * Renders the user manual (docs/manual/*.md) with markdown-it. Raw HTML in the text is escaped
 * (html: false), headings get stable ids for the table of contents, and wide tables scroll in a
 * focusable region so that keyboard users can scroll them too.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export type Heading = { level: number; text: string; id: string };

md.core.ruler.push('heading_ids', (state) => {
  state.tokens.forEach((token, i) => {
    if (token.type === 'heading_open') token.attrSet('id', slug(state.tokens[i + 1]?.content ?? ''));
  });
});
// Each table's region is named after the section it is in ("Tabella: Ruoli", "Tabella: Ruoli (2)"), so that no
// two regions of the page share a name (axe's landmark-unique).
md.renderer.rules.table_open = (tokens, idx, _options, renderEnv) => {
  const env = (renderEnv ?? {}) as { tableLabel?: string; tableNames?: Set<string> };
  let section = '';
  for (let i = idx - 1; i >= 0; i--)
    if (tokens[i]?.type === 'heading_open') {
      section = tokens[i + 1]?.content ?? '';
      break;
    }
  const base = section ? `${env.tableLabel ?? 'Tabella'}: ${section}` : (env.tableLabel ?? 'Tabella');
  env.tableNames ??= new Set();
  let name = base;
  for (let n = 2; env.tableNames.has(name); n++) name = `${base} (${n})`;
  env.tableNames.add(name);
  return `<div class="table-responsive" tabindex="0" role="region" aria-label="${md.utils.escapeHtml(name)}"><table class="table">`;
};
md.renderer.rules.table_close = () => '</table></div>';
// Code blocks scroll sideways on small screens: make them reachable by keyboard too.
const fence = md.renderer.rules.fence;
md.renderer.rules.fence = (...args) => (fence?.(...args) ?? '').replace('<pre>', '<pre tabindex="0">');

export function headings(source: string): Heading[] {
  const tokens = md.parse(source, {});
  return tokens.flatMap((token, i) =>
    token.type === 'heading_open'
      ? [
          {
            level: Number(token.tag.slice(1)),
            text: tokens[i + 1]?.content ?? '',
            id: slug(tokens[i + 1]?.content ?? ''),
          },
        ]
      : [],
  );
}

/** tableLabel names the scrollable region around each table, in the page's language. */
export function renderMarkdown(source: string, tableLabel: string): string {
  return md.render(source, { tableLabel });
}

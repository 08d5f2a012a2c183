import { fileURLToPath } from 'node:url';
import purgeCssModule from '@fullhuman/postcss-purgecss';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.js';

// The package is CommonJS (module.exports = the plugin) while its types declare an ES default export.
const purgeCss = purgeCssModule as unknown as typeof purgeCssModule.default;
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const api = process.env.OFFICINA_API ?? 'http://localhost:3000';

/**
 * Bootstrap Italia ships 570 KB of CSS, of which the app uses a small part. The production build keeps
 * only the rules whose classes appear in the app's sources or in the design-react-kit components, plus
 * the classes made at run time (state classes, colours chosen from data, the elements of the manual's
 * Markdown). A class that never appears in the sources as a whole word must be listed here.
 */
const unusedCss = purgeCss({
  content: [
    here('./src/web/**/*.{ts,tsx,html}'),
    here('./src/common/**/*.ts'),
    // Only the design-react-kit components the app imports (see the imports from 'design-react-kit').
    here('./node_modules/design-react-kit/dist/{Header,Collapse,Button,Badge,Table,Icon}/*.js'),
    // and the reactstrap components they are built on.
    here(
      './node_modules/reactstrap/esm/{Button,Badge,Table,Collapse,Navbar,NavbarToggler,NavbarBrand,Container,Row,Col}.js',
    ),
  ],
  safelist: {
    standard: [
      // State classes set by components and by the app (collapse, dropdown, navigation, forms).
      /^(show|showing|hiding|active|disabled|fade|collapse|collapsing|collapse-horizontal|open|focus--.*|is-(in)?valid|was-validated)$/,
      // Classes that components build from their props: <Header type theme>, <HeaderContent expand>, <Table>.
      /^it-header-(slim|center|navbar)-wrapper$/,
      /^theme-(dark|light)$/,
      /^navbar-expand(-(sm|md|lg|xl|xxl))?$/,
      /^container(-fluid|-sm|-md|-lg|-xl|-xxl)?$/,
      /^table-(hover|striped|bordered|borderless|sm|responsive.*)$/,
      // Colours picked from data: `bg-${tone}`, <Badge color={...}>, <Button color={...}>, <Icon color=... size=...>.
      /^(bg|text|btn|btn-outline|badge|alert|border|link|icon|text-bg)-(primary|secondary|success|danger|warning|info|light|dark|white|black|muted|body|xs|sm|lg|xl)$/,
      // Elements of the manual's Markdown, rendered to HTML at run time.
      /^(h[1-6]|p|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|th|td|caption|code|pre|kbd|blockquote|strong|em|a|hr|img|figure|abbr|sup|sub|mark|small|del|ins)$/,
    ],
  },
});

export default defineConfig(({ command }) => ({
  root: here('./src/web'),
  // Everything is self-hosted: the production CSP is default-src 'self' with no external hosts.
  base: '/',
  publicDir: false,
  plugins: [react(), precompress()],
  resolve: {
    alias: {
      '@bi-fonts': here('./node_modules/bootstrap-italia/dist/fonts'),
    },
  },
  css: { postcss: { plugins: command === 'build' ? [unusedCss] : [] } },
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    // Vite would inline small fonts and icons as data: URIs; CSP allows that, but separate files cache better.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    fs: { allow: [here('.')] },
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/calendar.ics': { target: api, changeOrigin: false },
      '/verifica': { target: api, changeOrigin: false },
    },
  },
}));

import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors.js';
import { checkedVideoUrl, embedUrl, sanitizeRichText } from './rich-text.js';

describe('rich text of module pages', () => {
  it('keeps structure, links and images, and drops scripts, styles, frames, forms and events', () => {
    const out = sanitizeRichText(
      '<h2>Titolo</h2><p style="color:red" onmouseover="x()">Testo <em>importante</em></p>' +
        '<script>alert(1)</script><style>p{}</style><iframe src="https://x.example"></iframe>' +
        '<form action="https://x.example"><input name="p"></form>' +
        '<a href="https://example.org" target="_top">fonte</a><a href="javascript:alert(1)">no</a>' +
        '<img src="data:image/png;base64,AAAA"><img src="https://example.org/a.png" alt="Schema">' +
        '<table><caption>Dati</caption><tr><th scope="col">A</th></tr></table>',
    );
    expect(out).toContain('<h2>Titolo</h2>');
    expect(out).toContain('<p>Testo <em>importante</em></p>');
    expect(out).not.toMatch(/script|style|iframe|form|input|onmouseover|javascript|data:|target/);
    expect(out).toContain('<a href="https://example.org" rel="noopener noreferrer">fonte</a>');
    expect(out).toContain('<img src="https://example.org/a.png" alt="Schema" />');
    expect(out).toContain('<th scope="col">A</th>');
  });

  it('embeds videos from YouTube and Vimeo only, through their players', () => {
    expect(embedUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    );
    expect(embedUrl('https://youtu.be/dQw4w9WgXcQ')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    );
    expect(embedUrl('https://vimeo.com/76979871')).toBe('https://player.vimeo.com/video/76979871');
    expect(embedUrl('https://player.vimeo.com/video/76979871')).toBe(
      'https://player.vimeo.com/video/76979871',
    );
    for (const bad of [
      'http://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
      'https://evil.example/?v=https://youtu.be/x',
      'https://www.youtube.com/watch?v=<script>',
      'https://vimeo.com/abc',
      'not a url',
    ])
      expect(embedUrl(bad), bad).toBeNull();
    expect(() => checkedVideoUrl('https://evil.example/v.mp4')).toThrow(AppError);
    expect(checkedVideoUrl(null)).toBeNull();
  });
});

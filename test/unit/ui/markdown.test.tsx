// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from '../../../src/ui/markdown';
import { parseMarkdown, safeHref } from '../../../src/ui/markdown-parse';

// Property runs are CPU-bound; on a busy machine they need more than the default 5 s.
const SLOW = 30_000;

let root: HTMLDivElement;
const show = (text: string, props: { headingLevel?: number } = {}) => {
  root = document.createElement('div');
  document.body.append(root);
  render(<Markdown text={text} {...props} />, root);
  return root.firstElementChild as HTMLElement;
};
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Markdown', () => {
  it('keeps <script> and other raw HTML as visible text', () => {
    const el = show(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> and <b>bold</b>\n\n<iframe src="https://evil.example"></iframe>',
    );
    expect(el.querySelector('script, img, b, iframe')).toBeNull();
    expect(el.textContent).toContain('<script>alert(1)</script>');
    expect(el.textContent).toContain('<img src=x onerror="alert(2)"> and <b>bold</b>');
    expect(el.innerHTML).toContain('&lt;script&gt;');
  });

  it('does not make javascript:, data: or relative links into links', () => {
    const el = show(
      '[click](javascript:alert(1)) [x](JaVaScRiPt:alert(2)) [y](java\tscript:alert(3)) [d](data:text/html,<script>1</script>) [r](/options.html) <javascript:alert(4)>',
    );
    expect(el.querySelector('a')).toBeNull();
    // Unsafe targets keep their label as text; a target with a tab is not link syntax at all.
    expect(el.textContent).toBe('click x [y](java\tscript:alert(3)) d r <javascript:alert(4)>');
  });

  it('renders http(s) and mailto links that open safely in a new tab', () => {
    const el = show(
      'See [the PR](https://github.com/acme/app/pull/12), <mailto:dana@example.com> and https://example.com/a_(b).',
    );
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['https://github.com/acme/app/pull/12', 'the PR'],
      ['mailto:dana@example.com', 'mailto:dana@example.com'],
      ['https://example.com/a_(b)', 'https://example.com/a_(b)'],
    ]);
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('target')).toBe('_blank');
    }
    expect(el.textContent?.endsWith(').')).toBe(true);
  });

  it('renders emphasis, code, line breaks and paragraphs', () => {
    const el = show('**Bold** and *italic* and _also_ with `a <b> c`\nnext line\n\nsnake_case_name stays');
    const [first, second] = [...el.querySelectorAll('p')];
    expect(first?.querySelector('strong')?.textContent).toBe('Bold');
    expect([...(first?.querySelectorAll('em') ?? [])].map((e) => e.textContent)).toEqual(['italic', 'also']);
    expect(first?.querySelector('code')?.textContent).toBe('a <b> c');
    expect(first?.querySelector('br')).not.toBeNull();
    expect(second?.innerHTML).toBe('snake_case_name stays');
  });

  it('renders headings below the page outline, lists, quotes and fenced code', () => {
    const el = show(
      '# Why\n\n## Details\n\n- one\n- two\n  - nested\n\n3. third\n4. fourth\n\n> quoted **text**\n\n```html\n<b>not bold</b>\n```\n\n---',
      {
        headingLevel: 3,
      },
    );
    expect([...el.children].map((c) => c.tagName.toLowerCase())).toEqual([
      'h3',
      'h4',
      'ul',
      'ol',
      'blockquote',
      'pre',
      'hr',
    ]);
    expect(el.querySelector('ul > li:nth-child(2) > ul > li')?.textContent).toBe('nested');
    expect(el.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(el.querySelector('blockquote strong')?.textContent).toBe('text');
    expect(el.querySelector('pre code')?.textContent).toBe('<b>not bold</b>');
    expect(el.querySelector('pre code')?.className).toBe('language-html');
    expect(el.querySelector('pre b')).toBeNull();
  });

  // Speed on such input is a benchmark matter; here: it renders, with nesting capped.
  it(
    'stays shallow on hostile input',
    () => {
      const nested = `${'> '.repeat(500)}deep`;
      const stars = '*a '.repeat(5000);
      const brackets = '[x]('.repeat(5000);
      const ticks = '` `` '.repeat(3000);
      const el = show([nested, stars, brackets, ticks, `${'- '.repeat(300)}item`].join('\n\n'));
      expect(el.querySelectorAll('blockquote').length).toBeLessThanOrEqual(9);
      expect(el.querySelectorAll('ul').length).toBeLessThanOrEqual(9);
      expect(el.textContent).toContain('deep');
      expect(el.textContent).toContain('item');
    },
    SLOW,
  );
});

describe('safeHref', () => {
  it('accepts only absolute http(s) and mailto URLs', () => {
    expect(safeHref('https://example.com/x?y=1#z')).toBe('https://example.com/x?y=1#z');
    expect(safeHref(' HTTP://Example.com ')).toBe('http://example.com/');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'vbscript:x',
      'data:text/html,x',
      'file:///etc/passwd',
      '/relative',
      '//evil.example',
      'chrome-extension://id/x',
    ])
      expect(safeHref(bad)).toBeNull();
  });
});

describe('parseMarkdown', () => {
  it('produces only text values, never markup', () => {
    expect(parseMarkdown('<b>x</b>')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: '<b>x</b>' }] },
    ]);
  });

  it('honours backslash escapes', () => {
    expect(parseMarkdown('\\*not em\\* \\[not link](https://x.y)')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: '*not em* [not link](' },
          { type: 'link', href: 'https://x.y/', children: [{ type: 'text', value: 'https://x.y' }] },
          { type: 'text', value: ')' },
        ],
      },
    ]);
  });
});

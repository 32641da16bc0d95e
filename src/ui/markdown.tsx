// Renders user-written Markdown (decision context, rationale, notes, imported ADRs) as Preact
// elements built from a parsed tree — never from HTML strings — so nothing in the text can become
// markup: `<script>` shows as text and only http(s)/mailto links are links.
import { type ComponentChildren, h } from 'preact';
import { useMemo } from 'preact/hooks';
import { type Block, type Inline, parseMarkdown } from './markdown-parse';

export interface MarkdownProps {
  text: string;
  class?: string;
  /**
   * The element a `#` heading becomes (default 3): the text sits inside cards and panels whose own
   * headings come first, so its headings must rank below them.
   */
  headingLevel?: number;
}

const inlines = (nodes: Inline[]) => nodes.map(inline);
const blocks = (nodes: Block[], base: number) => nodes.map((b, key) => block(b, key, base));

function inline(n: Inline, key: number): ComponentChildren {
  switch (n.type) {
    case 'text':
      return n.value;
    case 'br':
      return <br key={key} />;
    case 'code':
      return <code key={key}>{n.value}</code>;
    case 'strong':
      return <strong key={key}>{inlines(n.children)}</strong>;
    case 'em':
      return <em key={key}>{inlines(n.children)}</em>;
    case 'link':
      return (
        <a key={key} href={n.href} target="_blank" rel="noopener noreferrer">
          {inlines(n.children)}
        </a>
      );
  }
}

function block(b: Block, key: number, base: number): ComponentChildren {
  switch (b.type) {
    case 'paragraph':
      return <p key={key}>{inlines(b.children)}</p>;
    case 'heading':
      return h(`h${Math.min(6, base + b.level - 1)}`, { key }, inlines(b.children));
    case 'code':
      return (
        <pre key={key}>
          <code class={b.lang ? `language-${b.lang.replace(/[^\w-]/g, '')}` : undefined}>{b.value}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote key={key}>{blocks(b.children, base)}</blockquote>;
    case 'hr':
      return <hr key={key} />;
    case 'list': {
      const items = b.items.map((item, i) => (
        // A lone paragraph renders without <p>, as a "tight" list item.
        <li key={i}>
          {item.length === 1 && item[0]?.type === 'paragraph'
            ? inlines(item[0].children)
            : blocks(item, base)}
        </li>
      ));
      return b.ordered ? (
        <ol key={key} start={b.start === 1 ? undefined : b.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
  }
}

/** Safe Markdown: a small subset rendered as elements; raw HTML stays visible text. */
export function Markdown({ text, class: className, headingLevel = 3 }: MarkdownProps) {
  const tree = useMemo(() => parseMarkdown(text), [text]);
  return <div class={className ?? 'markdown'}>{blocks(tree, Math.min(6, Math.max(1, headingLevel)))}</div>;
}

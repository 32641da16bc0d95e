// @vitest-environment happy-dom
// Short quotes, repeated phrases, whitespace, quotes spanning elements and text the user cannot see.
import { describe, expect, test } from 'vitest';
import { anchor, describeRange, type Selectors } from '../../../src/anchoring/index';
import { loadFixture, loadHtml, rangeOfText, visibleText } from './helpers';

function spanning(start: [Node, number], end: [Node, number]): Range {
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  return range;
}

describe('short quotes', () => {
  test('anchor where their context still matches, even after the page moved', () => {
    const root = loadFixture('notion-doc');
    const cell = rangeOfText(root, '22%', 1); // the table cell, not the hypothesis sentence
    const selectors = describeRange(root, cell);
    root.querySelector('.notion-page-content')!.prepend(document.createElement('p'));
    root.querySelector('.notion-page-content p')!.textContent = 'A new intro block. '.repeat(30);
    const result = anchor(root, selectors);
    expect(result?.exact).toBe(true);
    expect(result!.range.startContainer).toBe(cell.startContainer);
  });

  test('return null when their context is gone, even though the same characters remain elsewhere', () => {
    const root = loadFixture('notion-doc');
    const selectors = describeRange(root, rangeOfText(root, '22%', 1));
    const row = rangeOfText(root, 'Annual take-up').startContainer.parentElement!.closest('tr')!;
    row.remove();
    expect(root.textContent).toContain('22%');
    expect(anchor(root, selectors)).toBeNull();
  });

  test('with a wrong position hint, context picks the right occurrence of a one-word quote', () => {
    const root = loadFixture('github-pr');
    const second = rangeOfText(root, 'LGTM', 1);
    const selectors = describeRange(root, second);
    const first = describeRange(root, rangeOfText(root, 'LGTM', 0));
    const result = anchor(root, { ...selectors, position: first.position });
    expect(result!.range.startContainer).toBe(second.startContainer);
  });
});

describe('repeated phrases', () => {
  test.each([
    ['jira-issue', 'Sounds good to me.', 0],
    ['jira-issue', 'Sounds good to me.', 1],
    ['notion-doc', 'We ship the annual plan toggle to 50% of visitors for two weeks', 0],
    ['notion-doc', 'We ship the annual plan toggle to 50% of visitors for two weeks', 1],
    ['github-pr', 'LGTM on the key scheme.', 1],
  ])('%s: "%s" (occurrence %i) anchors to that occurrence after the page shifts', (fixture, text, nth) => {
    const root = loadFixture(fixture);
    const chosen = rangeOfText(root, text, nth);
    const selectors = describeRange(root, chosen);
    // Shift everything by about one occurrence's distance so the raw position hint points elsewhere.
    const banner = document.createElement('div');
    banner.textContent = `${text} `.repeat(3);
    root.prepend(banner);
    const result = anchor(root, selectors);
    expect(result?.exact).toBe(true);
    expect(result!.range.startContainer).toBe(chosen.startContainer);
    expect(result!.range.startOffset).toBe(chosen.startOffset);
  });
});

describe('whitespace', () => {
  test('line breaks, tabs, NBSPs and re-indentation between describe and anchor do not matter', () => {
    const root = loadFixture('github-pr');
    const text = 'Line one of a hard-wrapped paragraph, with odd spacing and a tab here.';
    const selectors = describeRange(root, rangeOfText(root, text));
    expect(selectors.quote.exact).toBe(text);
    const p = rangeOfText(root, text).startContainer.parentElement!;
    p.textContent = '\n\tLine\u00a0one of a hard-wrapped\r\n paragraph, with odd spacing and a tab here.  ';
    const result = anchor(root, selectors);
    expect(result?.exact).toBe(true);
    expect(visibleText(result!.range)).toBe(text);
  });

  test('text re-split into different nodes and wrapped in new inline elements still anchors exactly', () => {
    const root = loadHtml('<p>Ship the <b>beta</b> to design partners in March.</p>');
    const selectors = describeRange(root, rangeOfText(root, 'design partners in'));
    root
      .querySelector('p')!
      .replaceChildren(
        'Ship the beta to ',
        Object.assign(document.createElement('a'), { textContent: 'design' }),
        ' part',
        'ners in March.',
      );
    const result = anchor(root, selectors);
    expect(result?.exact).toBe(true);
    expect(visibleText(result!.range)).toBe('design partners in');
  });

  test('selectors with raw whitespace (e.g. imported annotations) anchor too', () => {
    const root = loadFixture('confluence-page');
    const selectors: Selectors = {
      quote: {
        exact: 'Tenants choose their region\n at sign-up',
        prefix: 'log pipeline.\t',
        suffix: ' and cannot',
      },
      position: { start: 0, end: 0 },
    };
    expect(visibleText(anchor(root, selectors)!.range)).toBe('Tenants choose their region at sign-up');
  });

  test('words in adjacent blocks are separated by a space, never glued', () => {
    const root = loadHtml(
      '<ul><li>alpha</li><li>beta</li></ul><p>gamma<br>delta</p><table><tr><td>x</td><td>y</td></tr></table>',
    );
    const all = document.createRange();
    all.selectNodeContents(root);
    expect(describeRange(root, all).quote.exact).toBe('alpha beta gamma delta x y');
  });
});

describe('quotes spanning elements', () => {
  test.each([
    ['list items', 'notion-doc', 'leads from the experiment.', 'must include VAT'],
    ['table cells', 'confluence-page', 'Cost', 'more infrastructure spend'],
    ['paragraph to list', 'jira-issue', 'We need to decide', 'Option A:'],
  ])('across %s: the range starts and ends in the right text nodes', (_, fixture, from, to) => {
    const root = loadFixture(fixture);
    const start = rangeOfText(root, from);
    const end = rangeOfText(root, to);
    const range = spanning([start.startContainer, start.startOffset], [end.endContainer, end.endOffset]);
    const result = anchor(root, describeRange(root, range));
    expect(result?.exact).toBe(true);
    expect(result!.range.startContainer).toBe(start.startContainer);
    expect(result!.range.startOffset).toBe(start.startOffset);
    expect(result!.range.endContainer).toBe(end.endContainer);
    expect(result!.range.endOffset).toBe(end.endOffset);
  });

  test('words split across inline spans keep their characters together', () => {
    const root = loadFixture('notion-doc');
    const start = rangeOfText(root, 'Split');
    const end = rangeOfText(root, 'spans');
    const range = spanning([start.startContainer, 0], [end.endContainer, end.endOffset]);
    expect(describeRange(root, range).quote.exact).toBe('Splitwords acrossspans');
  });
});

describe('text the user cannot see', () => {
  test('hidden elements, scripts, styles, form controls and our own UI are not in quotes', () => {
    const root = loadFixture('jira-issue');
    const all = document.createRange();
    all.selectNodeContents(root);
    const text = describeRange(root, all).quote.exact;
    for (const invisible of [
      'Internal note', // [hidden]
      'Click to edit the assignee', // display:none from a style sheet
      'Screen reader only', // display:none class inside a comment
      '__JIRA_FLAGS__', // <script>
      'margin: 0', // <style>
      'Draft: please', // <textarea>
      'Visible to all', // <select>
      'enable JavaScript', // <noscript>
      'Template comment', // <template>
      'Decidedly sidebar', // data-decidedly-ui
    ]) {
      expect(text).not.toContain(invisible);
    }
    expect(text).toContain('Priya Raman');
    // Button labels are text the user sees and can select.
    expect(text).toContain('Delete');
  });

  test('an <object> with nothing to load shows its fallback content: that text is quoted and anchors', () => {
    // Real pages nest a link in a link this way (www.lifehacker.jp's keyword lists, in anchor-bench).
    const root = loadHtml(
      '<ul><li><a href="/a">Story <object><p>Hot keyword <a href="/k">#disaster-prevention</a></p></object></a></li>' +
        '<li><object data="chart.svg" type="image/svg+xml">Fallback of a chart</object> after the chart</li></ul>',
    );
    const range = rangeOfText(root, '#disaster-prevention');
    const selectors = describeRange(root, range);
    expect(selectors.quote.exact).toBe('#disaster-prevention');
    expect(selectors.quote.prefix).toBe('Story Hot keyword ');
    expect(visibleText(anchor(root, selectors)!.range)).toBe('#disaster-prevention');
    // An object that has something to show shows it instead of its children.
    const all = document.createRange();
    all.selectNodeContents(root);
    expect(describeRange(root, all).quote.exact).not.toContain('Fallback of a chart');
  });

  test('a quote across a hidden element skips its text and still anchors once the element is gone', () => {
    const root = loadFixture('confluence-page');
    const start = rangeOfText(root, 'Cross-region workspaces');
    const end = rangeOfText(root, 'We will review');
    const range = spanning([start.startContainer, start.startOffset], [end.endContainer, end.endOffset]);
    const selectors = describeRange(root, range);
    expect(selectors.quote.exact).not.toContain('Encrypt EU data');
    expect(selectors.quote.exact).toContain('Options we rejected Review We will review');
    root.querySelector('.expand-content')!.remove();
    expect(anchor(root, selectors)?.exact).toBe(true);
  });

  test('a short hidden marker that the page shows later becomes a small edit inside the quote', () => {
    const root = loadHtml(
      '<p>We will migrate the billing service to the new cluster <span style="display:none">(edited) </span>' +
        'before the end of the quarter, after the code freeze.</p>',
    );
    const quote = 'migrate the billing service to the new cluster before the end of the quarter';
    const p = root.querySelector('p')!;
    const range = spanning(
      [p.firstChild!, 'We will '.length],
      [p.lastChild!, 'before the end of the quarter'.length],
    );
    const selectors = describeRange(root, range);
    expect(selectors.quote.exact).toBe(quote);
    root.querySelector('span')!.style.display = '';
    const result = anchor(root, selectors);
    expect(result?.exact).toBe(false);
    expect(visibleText(result!.range)).toBe(quote.replace('cluster ', 'cluster (edited) '));
  });
});

describe('context cut next to an emoji', () => {
  test('keeps whole characters, so the selectors are valid records', async () => {
    const { Selectors } = await import('../../../src/core/schemas');
    // The quote's context boundary (32 code units) falls inside an emoji on either side.
    const before = `😀${'x'.repeat(30)} `;
    const after = ` ${'y'.repeat(30)}😀 tail`;
    const root = loadHtml(`<p>Intro ${before}the decision${after}</p>`);
    const selectors = describeRange(root, rangeOfText(root, 'the decision'));
    expect(Selectors.safeParse(selectors).success).toBe(true);
    expect(selectors.quote.prefix).toBe(before); // the whole emoji, not half of it
    expect(selectors.quote.suffix).toBe(after.slice(0, 33));
    expect(anchor(root, selectors)?.exact).toBe(true);
  });
});

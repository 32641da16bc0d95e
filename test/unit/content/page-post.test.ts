// @vitest-environment happy-dom
// The page-post module on its own: filling a React-style textarea, pasting into an editor that
// reads the paste event, opening a collapsed box, finding the posted text, and reporting the
// share once the summary appears among the page's comments.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sent = vi.hoisted(() => [] as unknown[]);
vi.mock('../../../src/messaging/index', () => ({
  sendToBackground: async (name: string, payload: unknown) => {
    sent.push({ name, payload });
    return { ok: true };
  },
}));
vi.mock('../../../src/content/anchoring-loader', async () => ({
  loadAnchoring: async () => await import('../../../src/anchoring/index'),
}));

const { fillTextarea, findCommentBox, findText, pasteIntoEditor, postToPage } = await import(
  '../../../src/content/page-post'
);

beforeEach(() => {
  document.body.innerHTML = '';
  sent.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('fillTextarea', () => {
  it('sets the value past a framework’s own property and says so with an input event', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const el = document.getElementById('t') as HTMLTextAreaElement;
    // React tracks a controlled textarea by defining `value` on the node itself.
    let tracked = '';
    Object.defineProperty(el, 'value', {
      configurable: true,
      get: () => Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.get?.call(el),
      set: (v: string) => {
        tracked = v;
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(el, v);
      },
    });
    const seen: string[] = [];
    el.addEventListener('input', () => seen.push(el.value));
    fillTextarea(el, '### Decision: X\n');
    expect(el.value).toBe('### Decision: X\n');
    // The tracker did not see the write, so React compares and fires onChange.
    expect(tracked).toBe('');
    expect(seen).toEqual(['### Decision: X\n']);
    expect(document.activeElement).toBe(el);
  });

  it('keeps a draft already in the box and puts the summary after it', () => {
    document.body.innerHTML = '<textarea id="t">Thanks all!  </textarea>';
    const el = document.getElementById('t') as HTMLTextAreaElement;
    fillTextarea(el, 'summary\n');
    expect(el.value).toBe('Thanks all!\n\nsummary\n');
    fillTextarea(el, 'summary\n');
    expect(el.value).toBe('Thanks all!\n\nsummary\n');
  });
});

describe('pasteIntoEditor', () => {
  it('hands an editor that reads paste events both HTML and plain text', () => {
    document.body.innerHTML = '<div id="e" contenteditable="true"><p></p></div>';
    const el = document.getElementById('e') as HTMLElement;
    const got: Record<string, string> = {};
    el.addEventListener('paste', (e) => {
      const data = (e as ClipboardEvent).clipboardData;
      got.html = data?.getData('text/html') ?? '';
      got.text = data?.getData('text/plain') ?? '';
      e.preventDefault();
    });
    expect(pasteIntoEditor(el, '<h3>Decision: X</h3>', '### Decision: X')).toEqual({
      ok: true,
      how: 'paste',
    });
    expect(got).toEqual({ html: '<h3>Decision: X</h3>', text: '### Decision: X' });
    expect(document.activeElement).toBe(el);
  });
});

describe('findCommentBox', () => {
  it('clicks a collapsed box open and waits for the editor', async () => {
    document.body.innerHTML =
      '<div data-testid="issue.activity.comment"><textarea data-testid="canned-comments.common.ui.comment-text-area-placeholder.textarea" placeholder="Add a comment…"></textarea></div>';
    const placeholder = document.querySelector('textarea') as HTMLTextAreaElement;
    placeholder.addEventListener('click', () =>
      setTimeout(() => {
        placeholder.parentElement?.insertAdjacentHTML(
          'beforeend',
          '<div class="ak-editor-content-area"><div id="ak-editor-textarea" contenteditable="true"></div></div>',
        );
        placeholder.remove();
      }, 10),
    );
    const box = await findCommentBox('jira');
    expect(box).toEqual({ kind: 'editor', el: document.getElementById('ak-editor-textarea') });
  });

  it('answers null on a site without a box', async () => {
    document.body.innerHTML = '<textarea></textarea>';
    expect(await findCommentBox('generic')).toBeNull();
    expect(await findCommentBox('github')).toBeNull();
  });
});

describe('findText', () => {
  it('finds text across nodes, outside the excluded element and any editor', () => {
    document.body.innerHTML =
      '<form id="f"><div>Decision: X</div></form><div contenteditable="true">Decision: X</div><h3>Decision: <em>X</em></h3>';
    const range = findText(document.body, 'Decision: X', document.getElementById('f'));
    expect(range?.toString()).toBe('Decision: X');
    expect(range?.startContainer.parentElement?.localName).toBe('h3');
    expect(range?.endContainer.parentElement?.localName).toBe('em');
    expect(findText(document.body, 'Decision: Y', null)).toBeNull();
  });
});

describe('postToPage', () => {
  const request = {
    decisionId: '0190f0f0-0000-7000-8000-000000000001',
    text: '### Decision: Keep it\n',
    marker: 'Decision: Keep it',
  };
  const site = { id: 'github' as const, root: (doc: Document) => doc.body };

  it('says there is no box where none is found', async () => {
    expect(await postToPage(request, site, new AbortController().signal)).toEqual({
      ok: false,
      reason: 'no-box',
    });
  });

  it('fills the box, then reports the share when the comment appears, with selectors on it', async () => {
    document.body.innerHTML =
      '<div class="timeline"><p>Earlier comment</p></div><form id="f"><textarea id="new_comment_field"></textarea></form>';
    const result = await postToPage(request, site, new AbortController().signal);
    expect(result).toEqual({ ok: true, how: 'textarea' });
    expect((document.getElementById('new_comment_field') as HTMLTextAreaElement).value).toBe(request.text);
    // A preview inside the form is not the posted comment.
    document.getElementById('f')?.insertAdjacentHTML('beforeend', '<div><h3>Decision: Keep it</h3></div>');
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toEqual([]);
    document
      .querySelector('.timeline')
      ?.insertAdjacentHTML('beforeend', '<div><h3>Decision: Keep it</h3><p>Decided</p></div>');
    // The anchoring module loads on first use: slow on a busy machine.
    await vi.waitFor(() => expect(sent).toHaveLength(1), { timeout: 10_000 });
    expect(sent[0]).toMatchObject({
      name: 'post:shared',
      payload: { decisionId: request.decisionId, selectors: { quote: { exact: 'Decision: Keep it' } } },
    });
  });

  it('stops watching when the page session ends', async () => {
    document.body.innerHTML =
      '<div class="timeline"></div><form><textarea id="new_comment_field"></textarea></form>';
    const session = new AbortController();
    await postToPage(request, site, session.signal);
    session.abort();
    document.querySelector('.timeline')?.insertAdjacentHTML('beforeend', '<h3>Decision: Keep it</h3>');
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toEqual([]);
  });
});

// @vitest-environment happy-dom
// Each site's comment-box finder on fixture pages: it finds the new-comment box as the site marks
// it up, and never a page's own editable content (Linear's description, Notion's blocks), which
// those sites save as you type.
import { beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_BOXES } from '../../../../src/sites/post/index';
import { GITHUB_COMMENT_FORM, JIRA_COMMENT_EDITOR } from '../../../fixtures/pages/comment-boxes';
import { readFixture } from '../../../fixtures/pages/index';

const load = (html: string) => {
  document.documentElement.innerHTML = html.replace(/<script[\s\S]*?<\/script>/g, '');
};
const append = (html: string) => document.body.insertAdjacentHTML('beforeend', html);
const found = (site: keyof typeof COMMENT_BOXES) => COMMENT_BOXES[site]?.find(document) ?? null;

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('GitHub', () => {
  it('finds the classic new-comment textarea, not a hidden edit form of an older comment', () => {
    load(readFixture('github-pr.html'));
    expect(found('github')).toBeNull();
    append(
      '<form class="js-comment-update" hidden><textarea name="comment[body]" id="edit-1">old</textarea></form>',
    );
    append(GITHUB_COMMENT_FORM);
    expect(found('github')).toEqual({ kind: 'textarea', el: document.getElementById('new_comment_field') });
  });

  it('finds the React issue view’s Markdown textarea', () => {
    load(readFixture('github-issue.html'));
    append(
      '<div><textarea aria-label="Markdown value" placeholder="Use Markdown to format your comment"></textarea></div>',
    );
    expect(found('github')?.kind).toBe('textarea');
  });

  it('skips a disabled box', () => {
    append('<textarea id="new_comment_field" disabled></textarea>');
    expect(found('github')).toBeNull();
  });
});

describe('GitLab', () => {
  it('finds the main form’s textarea, else its rich text editor', () => {
    load(readFixture('gitlab-mr.html'));
    expect(found('gitlab')).toBeNull();
    append(
      '<form class="js-main-target-form"><div data-testid="content_editor_editablebox"><div class="ProseMirror" contenteditable="true"><p></p></div></div></form>',
    );
    expect(found('gitlab')).toMatchObject({ kind: 'editor' });
    expect(found('gitlab')?.el.className).toBe('ProseMirror');
    append('<form class="js-main-target-form"><textarea id="note-body" name="note[note]"></textarea></form>');
    expect(found('gitlab')).toEqual({ kind: 'textarea', el: document.getElementById('note-body') });
  });
});

describe('Jira', () => {
  it('finds the comment editor, not the description', () => {
    load(readFixture('jira-issue.html'));
    expect(found('jira')).toBeNull();
    append(
      '<div data-testid="issue.views.field.rich-text.description"><div class="ProseMirror" contenteditable="true" id="desc"></div></div>',
    );
    expect(found('jira')).toBeNull();
    append(JIRA_COMMENT_EDITOR);
    expect(found('jira')).toEqual({ kind: 'editor', el: document.getElementById('ak-editor-textarea') });
  });

  it('names the collapsed "Add a comment…" placeholder as the opener', () => {
    load(readFixture('jira-issue.html'));
    append(
      '<div data-testid="issue.activity.comment"><textarea data-testid="canned-comments.common.ui.comment-text-area-placeholder.textarea" placeholder="Add a comment…"></textarea></div>',
    );
    expect(found('jira')).toBeNull();
    expect(COMMENT_BOXES.jira?.opener?.(document)?.getAttribute('placeholder')).toBe('Add a comment…');
  });
});

describe('Confluence', () => {
  it('finds the comment editor in the comments section, never the page body', () => {
    load(readFixture('confluence-page.html'));
    expect(found('confluence')).toBeNull();
    document.getElementById('main-content')?.setAttribute('contenteditable', 'true');
    expect(found('confluence')).toBeNull();
    document
      .getElementById('comments-section')
      ?.insertAdjacentHTML(
        'beforeend',
        '<div class="ak-editor-content-area"><div contenteditable="true" id="c"></div></div>',
      );
    expect(found('confluence')?.el.id).toBe('c');
  });
});

describe('Linear', () => {
  it('never takes the issue description; takes the editor whose placeholder asks for a comment', () => {
    load(readFixture('linear-issue.html'));
    expect(document.querySelector('.ProseMirror[contenteditable="true"]')).not.toBeNull();
    expect(found('linear')).toBeNull();
    append(
      '<div class="ProseMirror" contenteditable="true" id="composer"><p data-placeholder="Leave a comment…" class="is-empty"><br></p></div>',
    );
    expect(found('linear')?.el.id).toBe('composer');
  });
});

describe('Notion', () => {
  it('never takes a page block; takes the discussion’s "Add a comment…" box', () => {
    load(readFixture('notion-page.html'));
    expect(document.querySelectorAll('[contenteditable="true"]').length).toBeGreaterThan(3);
    expect(found('notion')).toBeNull();
    append('<div contenteditable="true" placeholder="Add a comment…" id="discussion"></div>');
    expect(found('notion')?.el.id).toBe('discussion');
  });
});

describe('sites without a comment box', () => {
  it('have no finder, so posting copies instead', () => {
    expect(COMMENT_BOXES.generic).toBeUndefined();
    expect(COMMENT_BOXES.gdocs).toBeUndefined();
  });
});

// "Post to this page" and "Copy" for one decision (issue 20): the summary goes into the page's own
// comment box for the person to submit, or onto the clipboard as Markdown, rich text, plain text
// for chat or Slack. Where the page has no comment box, the summary is copied instead.
import { useId, useRef, useState } from 'preact/hooks';
import { renderSummary, type SummaryInput } from '../core/summary/index';
import type { PostResult } from '../messaging/maps';
import { errorText } from '../ui/actions';
import { copyToClipboard } from '../ui/clipboard';
import { call } from './api';

export interface ShareActionsProps {
  input: SummaryInput;
  /** The tab the sidebar sits in; without one there is no page to post to. */
  tabId: number | undefined;
}

type CopyFormat = 'markdown' | 'rich' | 'text' | 'slack';

const COPY_FORMATS: { value: CopyFormat; label: string; hint: string }[] = [
  { value: 'markdown', label: 'Markdown', hint: 'GitHub, GitLab, Linear, Notion' },
  { value: 'rich', label: 'Rich text', hint: 'Jira, Confluence, email' },
  { value: 'text', label: 'Plain text', hint: 'chat' },
  { value: 'slack', label: 'Slack', hint: 'mrkdwn' },
];

const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** What each copy format puts on the clipboard. */
export function clipboardParts(input: SummaryInput, format: CopyFormat) {
  const options = { timeZone: timeZone() };
  if (format === 'rich')
    return { text: renderSummary(input, 'text', options), html: renderSummary(input, 'html', options) };
  return { text: renderSummary(input, format, options) };
}

const POSTED: Record<Extract<PostResult, { ok: true }>['how'], string> = {
  textarea: 'The summary is in the page’s comment box. Check it, then press the site’s Comment button.',
  paste:
    'The summary is pasted into the page’s comment editor. Check it, then press the site’s button to post.',
  'insert-html':
    'The summary is pasted into the page’s comment editor. Check it, then press the site’s button to post.',
  'insert-text':
    'The summary is in the page’s comment editor as plain text. Check it, then press the site’s button to post.',
};

export function ShareActions({ input, tabId }: ShareActionsProps) {
  const id = useId();
  const details = useRef<HTMLDetailsElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const close = () => {
    if (!details.current) return;
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  };
  const copy = async (format: CopyFormat) => {
    setMessage(null);
    try {
      await copyToClipboard(clipboardParts(input, format));
      const label = COPY_FORMATS.find((f) => f.value === format)?.label ?? format;
      setMessage({ text: `Copied the summary as ${label.toLowerCase()}.`, error: false });
      close();
    } catch (e) {
      setMessage({ text: `Copy failed: ${errorText(e)}`, error: true });
    }
  };
  const post = async () => {
    if (tabId === undefined) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await call('tab:post', input.decision.id);
      if (result.ok) setMessage({ text: POSTED[result.how], error: false });
      else {
        // No box to fill: the summary goes on the clipboard, as rich text with Markdown as its
        // plain text, so it pastes formatted into an editor and as Markdown into a textarea.
        const options = { timeZone: timeZone() };
        await copyToClipboard({
          text: renderSummary(input, 'markdown', options),
          html: renderSummary(input, 'html', options),
        });
        setMessage({
          text: 'No comment box found on this page, so the summary was copied instead. Paste it where the team reads it.',
          error: false,
        });
      }
    } catch (e) {
      setMessage({ text: `Could not post: ${errorText(e)}`, error: true });
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !details.current?.open) return;
    e.preventDefault();
    close();
  };

  return (
    <div class="export-control share-actions">
      {tabId !== undefined && (
        <button type="button" disabled={busy} aria-describedby={`${id}-status`} onClick={() => void post()}>
          Post to this page
        </button>
      )}
      <details class="export-menu" ref={details} onKeyDown={onKeyDown}>
        <summary aria-describedby={`${id}-status`}>Copy</summary>
        <div class="export-formats">
          {COPY_FORMATS.map((f) => (
            <button key={f.value} type="button" onClick={() => void copy(f.value)}>
              {f.label} <span class="hint">— {f.hint}</span>
            </button>
          ))}
        </div>
      </details>
      <span id={`${id}-status`} role="status" class={message?.error ? 'error' : 'muted'}>
        {message?.text ?? ''}
      </span>
    </div>
  );
}

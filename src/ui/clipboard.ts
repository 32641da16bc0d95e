// Writes text, or rich text with its plain-text twin, to the clipboard. The async Clipboard API
// first (an extension frame in a page may use it when the frame is allowed `clipboard-write`,
// see src/content/sidebar-host.ts); where it is refused, the older `copy` command, which a click
// also permits, with the data set on its event.

export interface ClipboardParts {
  text: string;
  html?: string;
}

function copyByCommand(doc: Document, { text, html }: ClipboardParts): boolean {
  let wrote = false;
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', text);
    if (html) e.clipboardData.setData('text/html', html);
    wrote = true;
  };
  doc.addEventListener('copy', onCopy);
  try {
    return doc.execCommand('copy') && wrote;
  } finally {
    doc.removeEventListener('copy', onCopy);
  }
}

export async function copyToClipboard(parts: ClipboardParts, doc: Document = document): Promise<void> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  try {
    if (parts.html && typeof ClipboardItem === 'function' && clipboard?.write) {
      await clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([parts.text], { type: 'text/plain' }),
          'text/html': new Blob([parts.html], { type: 'text/html' }),
        }),
      ]);
      return;
    }
    if (!parts.html && clipboard?.writeText) {
      await clipboard.writeText(parts.text);
      return;
    }
  } catch {
    // Refused (no permission, or the frame lost focus): the copy command may still be allowed.
  }
  if (!copyByCommand(doc, parts)) throw new Error('The browser did not allow copying here.');
}

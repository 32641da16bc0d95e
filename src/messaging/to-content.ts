// Background → content script messages: their own module, validated with guard.ts, so the
// content script checks what it receives without loading Zod or the other directions' schemas.
import { bool, optional, shape, text, uuid } from './guard';

export const backgroundToContent = {
  /** Toggle the sidebar, or force it open/closed. */
  'sidebar:toggle': shape<{ open?: boolean }>({ open: optional(bool) }),
  /** Capture from the current selection (command / context menu). */
  'capture:selection': shape<Record<string, never>>({}),
  /** The page's decisions changed: re-fetch and repaint. */
  'page:refresh': shape<Record<string, never>>({}),
  /** Scroll to a decision's highlight and flash it. */
  'highlight:focus': shape<{ decisionId: string }>({ decisionId: uuid }),
  /** Take the current selection to re-attach an anchor. */
  'reattach:selection': shape<{ anchorId: string }>({ anchorId: uuid }),
  /** Put a decision's summary into the page's comment box (never submitted); watch for it posted. */
  'page:post': shape<{ decisionId: string; text: string; html?: string; marker: string }>({
    decisionId: uuid,
    text: text(50_000),
    html: optional(text(100_000)),
    marker: text(400),
  }),
  /** Read the people the page names (assignee, reviewers, commenters…) for the sidebar's RACI. */
  'people:read': shape<Record<string, never>>({}),
} as const;

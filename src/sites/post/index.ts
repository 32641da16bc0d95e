// The comment-box finder of each site that has one; other sites get "Copy" instead of "Post".
import type { SiteId } from '../types';
import { confluence } from './confluence';
import { github } from './github';
import { gitlab } from './gitlab';
import { jira } from './jira';
import { linear } from './linear';
import { notion } from './notion';
import type { CommentBoxFinder } from './types';

export type { CommentBox, CommentBoxFinder } from './types';

export const COMMENT_BOXES: Partial<Record<SiteId, CommentBoxFinder>> = {
  github,
  gitlab,
  jira,
  confluence,
  linear,
  notion,
};

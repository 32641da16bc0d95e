// The anchoring code (text index, matching, highlight painter) is a module of its own, loaded
// from the extension only when a page has decisions or a person captures: the many pages with
// neither never download, parse or run it (the content script budget is 12 KB gzip).
import type * as Anchoring from '../anchoring/index';
import { loadModule } from './sidebar-loader';

export const loadAnchoring = () => loadModule<typeof Anchoring>('anchoring.js');

// Content script entry.
import { init } from './index';

void init();

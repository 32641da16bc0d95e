// Time-zone-correct calendar helpers and due-date parsing for follow-ups and reviews (Intl only, no library).

export { DEFAULT_DUE_HOUR, formatDueLabel, formatRelative } from './dates-format';
export { type DueDate, type ParseDueOptions, parseDueDate, TONIGHT_HOUR } from './dates-parse';
export {
  addLocalDays,
  addLocalMonths,
  type CivilDate,
  instantAt,
  isValidTimeZone,
  type LocalParts,
  localDateKey,
  localDayDiff,
  localParts,
  startOfLocalDay,
  startOfLocalDayAfter,
  type WallTime,
} from './dates-zone';

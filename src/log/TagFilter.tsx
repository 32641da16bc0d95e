// The tag filter: a select adds a tag, each chosen tag is a chip that removes itself; a decision
// must carry every chosen tag.
import type { Facet } from '../core/log';
import { SelectField } from './SelectField';

export interface TagFilterProps {
  tags: Facet<string>[];
  chosen: string[];
  onChange: (tags: string[]) => void;
}

export function TagFilter({ tags, chosen, onChange }: TagFilterProps) {
  const left = tags.filter((t) => !chosen.includes(t.value));
  return (
    <div class="tag-filter">
      <SelectField
        label="Tag"
        value=""
        any={chosen.length ? 'Add a tag…' : 'Any tag'}
        options={left.map((t) => ({ value: t.value, label: `${t.value} (${t.count})` }))}
        onChange={(t) => t && onChange([...chosen, t])}
      />
      {chosen.length > 0 && (
        <ul class="chips" aria-label="Chosen tags">
          {chosen.map((t) => (
            <li key={t}>
              <button type="button" class="chip" onClick={() => onChange(chosen.filter((x) => x !== t))}>
                {t} <span aria-hidden="true">×</span>
                <span class="sr-only"> (remove)</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

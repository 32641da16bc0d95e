// One decision's full record (DESIGN.md §2): what and why, consequences, options, trade-offs, risks,
// RACI and stances, follow-ups, tags, review date, links, the clarity check, the lifecycle actions
// and the history. Every edit goes through the repositories and saves as you type.
import { useEffect, useRef } from 'preact/hooks';
import { isFieldLocked } from '../core/lifecycle';
import { accountableOf } from '../core/raci';
import { act } from '../ui/actions';
import { ConflictVersions } from '../ui/ConflictVersions';
import { DeleteDecisionButton } from '../ui/DeleteDecisionButton';
import { ExportMenu } from '../ui/ExportMenu';
import { Anchors } from './Anchors';
import { type DecisionFields, updateDecision, useQuery } from './api';
import { ClarityCheck } from './ClarityCheck';
import { FollowUps } from './FollowUps';
import { History } from './History';
import { fieldName } from './history-text';
import { LifecycleActions } from './LifecycleActions';
import { LockedNote } from './LockedNote';
import { MarkdownField } from './MarkdownField';
import { OptionsEditor } from './OptionsEditor';
import { RaciEditor } from './RaciEditor';
import { ReviewDateField } from './ReviewDateField';
import { ShareActions } from './ShareActions';
import { TagsField } from './TagsField';
import { TitleField } from './TitleField';
import { TradeoffsEditor } from './TradeoffsEditor';

export interface DecisionViewProps {
  id: string;
  tabId: number | undefined;
  missing: boolean;
  anchorsMissing: Set<string>;
  onBack: () => void;
  /** Opens another decision (a superseding or superseded one). */
  onOpen: (id: string) => void;
}

export function DecisionView({ id, tabId, missing, anchorsMissing, onBack, onOpen }: DecisionViewProps) {
  const data = useQuery('decision:record', [id], undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = data?.bundle.decision.id === id;
  // A keyboard user lands on the record they opened, not at the top of a stale list.
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [id, loaded]);

  const back = (
    <button type="button" class="link" onClick={onBack}>
      ← All decisions on this page
    </button>
  );
  if (data === undefined || (data && !loaded)) return <p class="muted">Loading…</p>;
  if (data === null)
    return (
      <div>
        {back}
        <p>This decision no longer exists.</p>
      </div>
    );

  const { bundle, directory } = data;
  const { decision, roles, followUps, events, anchors } = bundle;
  const save = (fields: DecisionFields) =>
    act(
      (ctx) => updateDecision(ctx, id, fields),
      `the ${Object.keys(fields).map(fieldName).join(' and ')} of “${decision.title}”`,
    );
  const conflicts = (field: string, label: string) => (
    <ConflictVersions
      decision={decision}
      field={field}
      label={label}
      events={events}
      stakeholders={directory}
    />
  );
  // Only written text is locked: an empty why stays open to whoever fills it in.
  const lockNote = isFieldLocked(decision, 'rationale', Date.now()) ? (
    <LockedNote decisionId={id} status={decision.status} />
  ) : undefined;
  const accountable = accountableOf(roles);
  const accountableName = directory.find((p) => p.id === accountable?.stakeholderId)?.name;

  return (
    <article class="decision" aria-labelledby="decision-title" key={id}>
      {back}
      <h2 id="decision-title" class="decision-title" tabIndex={-1} ref={heading}>
        {decision.title}
      </h2>
      <p class="row">
        <span class={`badge status-${decision.status}`}>{decision.status}</span>
        {missing && <span class="badge source-changed">Source changed</span>}
        {accountableName && <span class="small">Accountable: {accountableName}</span>}
      </p>
      <ShareActions input={bundle} tabId={tabId} />
      <div class="row record-tools">
        <ExportMenu ids={[decision.id]} />
        <DeleteDecisionButton id={decision.id} title={decision.title} onDeleted={onBack} />
      </div>
      {data.supersededBy && (
        <p class="link-line">
          Superseded by{' '}
          <button type="button" class="link" onClick={() => onOpen(data.supersededBy?.id ?? '')}>
            {data.supersededBy.title}
          </button>
        </p>
      )}
      {data.supersedes && (
        <p class="link-line">
          Supersedes{' '}
          <button type="button" class="link" onClick={() => onOpen(data.supersedes?.id ?? '')}>
            {data.supersedes.title}
          </button>
        </p>
      )}
      <Anchors anchors={anchors} missing={anchorsMissing} tabId={tabId} />
      <ClarityCheck decision={decision} roles={roles} followUps={followUps} />
      <LifecycleActions decision={decision} roles={roles} followUps={followUps} onOpen={onOpen} />

      <section class="subsection" aria-labelledby="what-heading">
        <h3 id="what-heading">What and why</h3>
        {!isFieldLocked(decision, 'title', Date.now()) && (
          <TitleField decisionId={id} title={decision.title} />
        )}
        <MarkdownField
          id="field-rationale"
          label="Why this path?"
          prompt="Why this option over the others?"
          value={decision.rationale}
          save={(rationale) => save({ rationale })}
          after={conflicts('rationale', 'Why this path?')}
          locked={lockNote}
        />
        <MarkdownField
          id="field-context"
          label="Context"
          prompt="What made a decision necessary?"
          value={decision.context}
          save={(context) => save({ context })}
          after={conflicts('context', 'Context')}
        />
        <MarkdownField
          id="field-consequences"
          label="Consequences"
          prompt="What becomes easier or harder because of this?"
          value={decision.consequences}
          save={(consequences) => save({ consequences })}
          after={conflicts('consequences', 'Consequences')}
        />
      </section>
      <OptionsEditor options={decision.options} save={(options) => save({ options })} />
      <TradeoffsEditor tradeoffs={decision.tradeoffs} save={(tradeoffs) => save({ tradeoffs })} />
      <section class="subsection" aria-labelledby="risks-heading">
        <h3 id="risks-heading">Risks</h3>
        <MarkdownField
          id="field-risks"
          label="Pre-mortem"
          prompt="Imagine this failed — why?"
          value={decision.risks}
          save={(risks) => save({ risks })}
          after={conflicts('risks', 'Risks')}
        />
      </section>
      <RaciEditor decisionId={id} roles={roles} people={directory} />
      <FollowUps
        decisionId={id}
        followUps={followUps}
        people={directory}
        defaultOwnerId={accountable?.stakeholderId ?? null}
      />
      <section class="subsection" aria-labelledby="tags-heading">
        <h3 id="tags-heading">Tags and review</h3>
        <TagsField tags={decision.tags} save={(tags) => save({ tags })} />
        <ReviewDateField reviewAt={decision.reviewAt} save={(reviewAt) => save({ reviewAt })} />
      </section>
      <History events={events} people={directory} />
    </article>
  );
}

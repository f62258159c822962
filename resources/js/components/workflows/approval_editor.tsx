import { ROLES } from '#engine/definition'
import { useI18n } from '../../lib/i18n.ts'
import type { EditorApproval, EditorStage, EditorTransition } from './designer_state.ts'
import { blankApproval } from './designer_state.ts'
import { ChoiceControl, DesignerControl } from './designer_control.tsx'
import { InlineProblems, type DesignerProblem } from './designer_problems.tsx'
import { KeyPicker } from './designer_pickers.tsx'
import { useDesignerChoices } from './designer_choices.ts'
import { OptionalStageSection, leavingChoices } from './optional_stage_section.tsx'

const STRATEGIES = ['round_robin', 'least_busy'] as const

/**
 * A stage's team assignee (`assignee.team`) and how a member is picked:
 * no strategy leaves the process in the team's queue.
 */
export function TeamAssigneeControls(props: {
  stage: EditorStage
  id: (slot: string) => string
  problems: (slot: string) => readonly DesignerProblem[]
  onChange: (patch: Partial<EditorStage>) => void
}) {
  const { t } = useI18n()
  const { teams } = useDesignerChoices()
  const { stage, id, problems } = props
  const team = stage.assigneeTeam ?? ''
  return (
    <>
      <KeyPicker
        id={id('assignee-team')}
        label={t('designer_people.assigneeTeam')}
        hint={t('designer_people.assigneeTeamHint')}
        problems={problems('assignee.team')}
        choices={teams}
        none={t('designer_people.noTeam')}
        value={team}
        onChange={(assigneeTeam) =>
          props.onChange({
            assigneeTeam,
            ...(assigneeTeam === '' ? { assigneeStrategy: '' } : {}),
          })
        }
      />
      {(team !== '' || (stage.assigneeStrategy ?? '') !== '') && (
        <ChoiceControl
          id={id('assignee-strategy')}
          label={t('designer_people.strategy')}
          problems={problems('assignee.strategy')}
          values={STRATEGIES}
          labelOf={(strategy) => t(`designer_people.strategies.${strategy}`)}
          none={t('designer_people.strategies.queue')}
          value={stage.assigneeStrategy ?? ''}
          onChange={(assigneeStrategy) => props.onChange({ assigneeStrategy })}
        />
      )}
    </>
  )
}

/**
 * "Approvals by several people" of a stage: who votes, how many decide,
 * and which of the stage's outgoing transitions approve and reject.
 */
export function ApprovalEditor(props: {
  stage: EditorStage
  stageTitle: string
  transitions: readonly EditorTransition[]
  id: (slot: string) => string
  problems: (slot: string) => readonly DesignerProblem[]
  onChange: (approval: EditorApproval | undefined) => void
}) {
  const { t } = useI18n()
  const { teams } = useDesignerChoices()
  const { stage, id, problems } = props
  const approval = stage.approval
  const leaving = leavingChoices(stage, props.transitions)
  const set = (patch: Partial<EditorApproval>) => props.onChange({ ...approval!, ...patch })

  return (
    <OptionalStageSection
      name="approval"
      id={id}
      stageTitle={props.stageTitle}
      present={!!approval}
      onAdd={() => props.onChange(blankApproval(stage, props.transitions))}
      onRemove={() => props.onChange(undefined)}
    >
      {approval && (
        <>
          <div className="wf-grid">
            <ChoiceControl
              id={id('approval-from')}
              label={t('designer_people.approval.from')}
              problems={problems('approval.from')}
              values={['team', 'role', 'users']}
              labelOf={(kind) => t(`designer_people.approval.fromKinds.${kind}`)}
              value={approval.from}
              onChange={(from) => set({ from: from as EditorApproval['from'] })}
            />
            {approval.from === 'team' && (
              <KeyPicker
                id={id('approval-team')}
                label={t('designer_people.approval.team')}
                choices={teams}
                none={t('designer.choose')}
                value={approval.team}
                onChange={(team) => set({ team })}
              />
            )}
            {approval.from === 'role' && (
              <ChoiceControl
                id={id('approval-role')}
                label={t('designer_people.approval.role')}
                values={ROLES}
                labelOf={(role) => t(`roles.${role}`)}
                none={t('designer.choose')}
                value={approval.role}
                onChange={(role) => set({ role })}
              />
            )}
            {approval.from === 'users' && (
              <DesignerControl
                id={id('approval-users')}
                label={t('designer_people.approval.users')}
                hint={t('designer_people.approval.usersHint')}
              >
                {(control) => (
                  <textarea
                    {...control}
                    rows={2}
                    value={approval.users}
                    onChange={(event) => set({ users: event.target.value })}
                  />
                )}
              </DesignerControl>
            )}
            <ChoiceControl
              id={id('approval-policy')}
              label={t('designer_people.approval.policy')}
              problems={problems('approval.policy')}
              values={['any', 'all', 'quorum']}
              labelOf={(policy) => t(`designer_people.approval.policies.${policy}`)}
              value={approval.policy}
              onChange={(policy) => set({ policy: policy as EditorApproval['policy'] })}
            />
            {approval.policy === 'quorum' && (
              <DesignerControl
                id={id('approval-quorum')}
                label={t('designer_people.approval.quorum')}
                hint={t('designer_people.approval.quorumHint')}
              >
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    min={1}
                    step={1}
                    value={approval.quorum}
                    onChange={(event) => set({ quorum: event.target.value })}
                  />
                )}
              </DesignerControl>
            )}
            <KeyPicker
              id={id('approval-approve')}
              label={t('designer_people.approval.approve')}
              hint={t('designer_people.approval.transitionHint')}
              problems={problems('approval.approve')}
              choices={leaving}
              none={t('designer.choose')}
              value={approval.approve}
              onChange={(approve) => set({ approve })}
            />
            <KeyPicker
              id={id('approval-reject')}
              label={t('designer_people.approval.reject')}
              problems={problems('approval.reject')}
              choices={leaving}
              none={t('designer.choose')}
              value={approval.reject}
              onChange={(reject) => set({ reject })}
            />
            <ChoiceControl
              id={id('approval-rejectPolicy')}
              label={t('designer_people.approval.rejectPolicy')}
              problems={problems('approval.rejectPolicy')}
              values={['majority']}
              labelOf={() => t('designer_people.approval.rejectPolicies.majority')}
              none={t('designer_people.approval.rejectPolicies.any')}
              value={approval.rejectPolicy === 'any' ? '' : approval.rejectPolicy}
              onChange={(rejectPolicy) => set({ rejectPolicy })}
            />
          </div>
          <div className="field">
            <label className="checkbox" htmlFor={id('approval-fourEyes')}>
              <input
                id={id('approval-fourEyes')}
                type="checkbox"
                checked={approval.fourEyes}
                aria-describedby={id('approval-fourEyes-hint')}
                onChange={(event) => set({ fourEyes: event.target.checked })}
              />
              {t('designer_people.approval.fourEyes')}
            </label>
            <span className="hint" id={id('approval-fourEyes-hint')}>
              {t('designer_people.approval.fourEyesHint')}
            </span>
            <InlineProblems
              id={id('approval-fourEyes-problems')}
              problems={problems('approval.fourEyes')}
            />
          </div>
        </>
      )}
    </OptionalStageSection>
  )
}

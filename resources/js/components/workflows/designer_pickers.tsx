import { useI18n } from '../../lib/i18n.ts'
import { DesignerControl } from './designer_control.tsx'
import { InlineProblems, type DesignerProblem } from './designer_problems.tsx'
import { choiceLabel, type DesignerChoice } from './designer_choices.ts'

/**
 * A choice among existing things (a team, a calendar, a workflow, a
 * transition) by key. A value that is not among them (typed in the
 * JSON document, or since removed) stays selectable and is marked unknown.
 */
export function KeyPicker(props: {
  id: string
  label: string
  hint?: string
  problems?: readonly DesignerProblem[]
  choices: readonly DesignerChoice[]
  /** Label of the empty first option. */
  none: string
  value: string
  onChange(value: string): void
  /** Extra fixed options after the empty one (e.g. "ignore"). */
  extra?: readonly DesignerChoice[]
}) {
  const { t } = useI18n()
  const known =
    props.value === '' ||
    props.choices.some((choice) => choice.key === props.value) ||
    (props.extra ?? []).some((choice) => choice.key === props.value)
  return (
    <DesignerControl id={props.id} label={props.label} hint={props.hint} problems={props.problems}>
      {(control) => (
        <select
          {...control}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        >
          <option value="">{props.none}</option>
          {(props.extra ?? []).map((choice) => (
            <option key={`extra-${choice.key}`} value={choice.key}>
              {choice.name}
            </option>
          ))}
          {props.choices.map((choice) => (
            <option key={choice.key} value={choice.key}>
              {choiceLabel(choice)}
            </option>
          ))}
          {!known && (
            <option value={props.value}>
              {t('designer_people.unknownChoice', { key: props.value })}
            </option>
          )}
        </select>
      )}
    </DesignerControl>
  )
}

/**
 * Several teams at once, as checkboxes (a transition's `teams`, an access
 * right). Keys not among the existing teams stay listed, checked, so they
 * can be removed.
 */
export function TeamChecklist(props: {
  id: string
  legend: string
  hint?: string
  problems?: readonly DesignerProblem[]
  teams: readonly DesignerChoice[]
  value: readonly string[]
  onChange(value: string[]): void
}) {
  const { t } = useI18n()
  const problems = props.problems ?? []
  const unknown = props.value.filter((key) => !props.teams.some((team) => team.key === key))
  const shown = [...props.teams, ...unknown.map((key) => ({ key, name: '' }))]
  const describedBy = [
    props.hint ? `${props.id}-hint` : '',
    problems.length ? `${props.id}-problems` : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <fieldset className="wf-choices" aria-describedby={describedBy || undefined}>
      <legend>{props.legend}</legend>
      {shown.length === 0 && (
        <span className="hint" id={props.id} tabIndex={-1}>
          {t('designer_people.noTeams')}
        </span>
      )}
      {shown.map((team, index) => (
        <label key={team.key} className="checkbox">
          <input
            type="checkbox"
            id={index === 0 ? props.id : undefined}
            value={team.key}
            checked={props.value.includes(team.key)}
            onChange={(event) =>
              props.onChange(
                event.target.checked
                  ? [...props.value.filter((key) => key !== team.key), team.key]
                  : props.value.filter((key) => key !== team.key)
              )
            }
          />
          {team.name ? choiceLabel(team) : t('designer_people.unknownChoice', { key: team.key })}
        </label>
      ))}
      {props.hint && (
        <span className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      <InlineProblems id={`${props.id}-problems`} problems={problems} />
    </fieldset>
  )
}

/** "finance, hr" ↔ ["finance", "hr"] (how a transition row keeps its teams). */
export const splitKeys = (typed: string) =>
  typed
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean)

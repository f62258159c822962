import Team from '#models/team'
import Calendar from '#models/calendar'
import Workflow from '#models/workflow'
import { hiddenWorkflowIds, type Viewer } from '#support/access/workflow_access'
import DesignerChoiceTransformer from '#transformers/designer_choice_transformer'

/**
 * The choices the designer's pickers offer: every team (stage assignees,
 * approvals, transition and access audiences), every business calendar,
 * and the workflows the designer may see (child workflows of a stage).
 * A constant number of queries, whatever the number of rows.
 */
export async function designerChoices(viewer: Viewer) {
  const hidden = await hiddenWorkflowIds(viewer)
  const [teams, calendars, workflows] = await Promise.all([
    Team.query().select('id', 'key', 'name').orderBy('name'),
    Calendar.query().select('id', 'key', 'name').orderBy('name'),
    Workflow.query()
      .select('id', 'key', 'name')
      .withScopes((scopes) => scopes.visibleTo(hidden))
      .orderBy('name'),
  ])
  return {
    teams: DesignerChoiceTransformer.transform(teams),
    calendars: DesignerChoiceTransformer.transform(calendars),
    childWorkflows: DesignerChoiceTransformer.transform(workflows),
  }
}

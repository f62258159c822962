import { BaseTransformer } from '@adonisjs/core/transformers'
import type Team from '#models/team'
import type Calendar from '#models/calendar'
import type Workflow from '#models/workflow'

/**
 * What the designer's pickers offer (a team, a calendar, a child workflow):
 * a key and the name shown beside it, nothing else.
 */
export default class DesignerChoiceTransformer extends BaseTransformer<Team | Calendar | Workflow> {
  toObject() {
    return { key: this.resource.key, name: this.resource.name }
  }
}

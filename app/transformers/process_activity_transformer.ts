import type { WorkflowDefinition } from '#engine/definition'
import { stageOf } from '#engine/state_machine'
import { routeOf } from '#engine/decisions'
import type Process from '#models/process'
import type ProcessEvent from '#models/process_event'
import ProcessEventTransformer from '#transformers/process_event_transformer'

export type ActivityContext = {
  /** The processes the events belong to, by id. */
  processes: Map<number, Process>
  /** Definitions by version id, to name stages and transitions. */
  definitions: Map<number, WorkflowDefinition>
  /** Names of the people an event may mention (assignees), by id. */
  people: Map<number, { id: number; name: string }>
}

/**
 * An event as a person reads it in a timeline or an activity feed: the
 * raw event plus stage and transition names, the assignee's name and the
 * process it happened to.
 */
export default class ProcessActivityTransformer extends ProcessEventTransformer {
  constructor(
    resource: ProcessEvent,
    protected context: ActivityContext
  ) {
    super(resource)
  }

  toObject() {
    const event = this.resource
    const process = this.context.processes.get(event.processId)
    const definition = process ? this.context.definitions.get(process.workflowVersionId) : undefined
    const stageName = (key: string | null) =>
      key === null ? null : ((definition && stageOf(definition, key)?.name) ?? key)
    const transitionKey =
      typeof event.payload.transition === 'string' ? event.payload.transition : null
    const transition = transitionKey
      ? definition?.transitions.find((t) => t.key === transitionKey)
      : undefined
    const assigneeId =
      event.type === 'assigned' || event.type === 'started' ? event.payload.assigneeId : undefined
    const onBehalfOf = event.payload.onBehalfOf

    return {
      ...super.toObject(),
      fromStageName: stageName(event.fromStage),
      toStageName: stageName(event.toStage),
      transitionLabel: transitionKey ? (transition?.label ?? transitionKey) : null,
      // The system's step out of a decision stage: which condition held (null: `otherwise`).
      route: routeOf(event),
      // The stage an event is about without entering or leaving it (an SLA breach).
      payloadStageName:
        typeof event.payload.stage === 'string' ? stageName(event.payload.stage) : null,
      assignee:
        typeof assigneeId === 'number'
          ? (this.context.people.get(assigneeId) ?? { id: assigneeId, name: `#${assigneeId}` })
          : null,
      // Delegation: the absent person the actor stood in for (a vote) or who was assigned (an assignment).
      onBehalfOf:
        typeof onBehalfOf === 'number'
          ? (this.context.people.get(onBehalfOf) ?? { id: onBehalfOf, name: `#${onBehalfOf}` })
          : null,
      process: process
        ? {
            id: process.id,
            reference: process.reference,
            title: process.title,
            workflowName: process.workflow?.name ?? definition?.name ?? '',
          }
        : null,
    }
  }
}

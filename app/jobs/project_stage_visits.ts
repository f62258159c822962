import { Job, type JobContext } from '#queue/job'
import StageVisitsProjector from '#actions/projections/stage_visits_projector'

/**
 * Brings the `stage_visits` read model up to date with the event log
 * (#actions/projections/stage_visits_projector). Queued every minute by the
 * outbox relay's leader; with nothing new it is one range count on
 * `process_events`' primary key. Does nothing until
 * `node ace projections:rebuild` has made the first checkpoint.
 */
export default class ProjectStageVisits extends Job<Record<string, never>> {
  static jobName = 'project_stage_visits'
  static routine = true

  async handle(_payload: Record<string, never>, context: JobContext) {
    const result = await new StageVisitsProjector().run()
    if (result.processes > 0) {
      context.logger.info(result, 'stage visits projected')
    }
  }
}

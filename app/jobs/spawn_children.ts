import { Job } from '#queue/job'
import SpawnChildren, { type SpawnPayload } from '#actions/processes/children/spawn_children'

/** A parent entered a stage with `children`: start them (exactly once, resumable). */
export default class SpawnChildrenJob extends Job<SpawnPayload> {
  static jobName = 'spawn_children'

  async handle(payload: SpawnPayload) {
    await new SpawnChildren().handle(payload)
  }
}

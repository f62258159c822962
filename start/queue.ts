/*
|--------------------------------------------------------------------------
| In-process queue (embedded default)
|--------------------------------------------------------------------------
|
| Without Redis the web server also runs the workers, the outbox relay and
| the alert evaluator, so the quick start needs no other process. With BullMQ, workers run as
| `node ace queue:work` and the web server only writes the outbox.
| Started by bin/server.ts once the HTTP server is ready (not a preload:
| tools that boot the app, like codegen, must not start background work).
|
*/
import app from '@adonisjs/core/services/app'
import queue, { QUEUE_NAMES } from '#queue/queue_manager'
import { OutboxRelay } from '#queue/outbox_relay'
import { AlertEvaluator } from '#alerts/evaluator'

export async function startEmbeddedQueue() {
  if (queue.driver().name !== 'memory') return
  const relay = new OutboxRelay(queue.driver())
  await queue.driver().work({ queues: QUEUE_NAMES })
  relay.start()
  const alerts = new AlertEvaluator()
  alerts.start()
  app.terminating(async () => {
    await alerts.stop()
    await relay.stop()
    await queue.close()
  })
}

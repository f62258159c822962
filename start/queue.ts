/*
|--------------------------------------------------------------------------
| In-process queue (embedded default)
|--------------------------------------------------------------------------
|
| Without Redis the web server also runs the workers and the outbox relay,
| so the quick start needs no other process. With BullMQ, workers run as
| `node ace queue:work` and the web server only writes the outbox.
|
*/
import app from '@adonisjs/core/services/app'
import queue, { QUEUE_NAMES } from '#queue/queue_manager'
import { OutboxRelay } from '#queue/outbox_relay'

if (app.getEnvironment() === 'web' && queue.driver().name === 'memory') {
  const relay = new OutboxRelay(queue.driver())
  await queue.driver().work({ queues: QUEUE_NAMES })
  relay.start()
  app.terminating(async () => {
    await relay.stop()
    await queue.close()
  })
}

import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Installs sticky reads (app/support/sticky_reads.ts) in every process
 * that boots the app: web servers, workers and commands. Connections
 * without replicas are not affected.
 */
export default class StickyReadsProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const { installStickyReads } = await import('#support/sticky_reads')
    await installStickyReads()
  }

  async shutdown() {
    const { closeAllReplicas } = await import('#support/sticky_reads')
    await closeAllReplicas()
  }
}

import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Remembers the app's cookie signatures (#support/http/signature_memo) in
 * every process that boots the app.
 */
export default class SignatureMemoProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const { memoizeSignatures } = await import('#support/http/signature_memo')
    const encryption = await this.app.container.make('encryption')
    memoizeSignatures(encryption.getMessageVerifier())
  }
}

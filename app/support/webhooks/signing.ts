/**
 * Standard Webhooks secrets and signatures (https://www.standardwebhooks.com):
 * `whsec_` + base64 of 32 random bytes; `webhook-signature` is
 * `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, several
 * space-separated while a rotated secret is still honoured. Secrets are
 * kept encrypted with the app's key and never logged.
 */
import { randomBytes } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import { Webhook } from 'standardwebhooks'

const PURPOSE = 'webhook_secret'

export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`
}

export function sealSecret(secret: string): string {
  return String(encryption.encrypt(secret, undefined, PURPOSE))
}

export function openSecret(sealed: string): string {
  const secret = encryption.decrypt<string>(sealed, PURPOSE)
  if (!secret) throw new Error('A webhook secret could not be decrypted (was APP_KEY changed?)')
  return secret
}

export type SignedHeaders = {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

/** The three Standard Webhooks headers, one signature per secret given. */
export function signedHeaders(
  messageId: string,
  at: Date,
  body: string,
  secrets: string[]
): SignedHeaders {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets
      .map((secret) => new Webhook(secret).sign(messageId, at, body))
      .join(' '),
  }
}

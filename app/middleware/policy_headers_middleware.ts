import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Browser features no page of Stageflow uses, switched off for it and
 * anything it embeds.
 */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
  'browsing-topics=()',
].join(', ')

/**
 * Referrer-Policy and Permissions-Policy on every response (pages, API,
 * static files, errors and 404s). Shield has no option for either, so this
 * runs as server middleware, before routing.
 */
export default class PolicyHeadersMiddleware {
  async handle({ response }: HttpContext, next: NextFn) {
    response.header('Referrer-Policy', 'strict-origin-when-cross-origin')
    response.header('Permissions-Policy', PERMISSIONS_POLICY)
    return next()
  }
}

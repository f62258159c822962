import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import BaseInertiaMiddleware from '@adonisjs/inertia/inertia_middleware'
import type { InertiaConfig } from '@adonisjs/inertia/types'
import UserTransformer from '#transformers/user_transformer'

/**
 * Props every page receives: the signed-in user, what their role lets
 * them open (navigation), the language, and validation errors. Flash
 * messages travel in Inertia's own `flash` field.
 */
export default class InertiaMiddleware extends BaseInertiaMiddleware {
  async share(ctx: HttpContext) {
    const { session, auth } = ctx as Partial<HttpContext>
    const user = auth?.user
    const bouncer = ctx.bouncer

    return {
      errors: ctx.inertia.always(session ? this.getValidationErrors(ctx) : {}),
      // The transformer's output itself: `transform()` would build a stack trace per request.
      user: ctx.inertia.always(user ? new UserTransformer(user).forSummary() : null),
      locale: ctx.inertia.always(ctx.i18n?.locale ?? 'en'),
      can: ctx.inertia.always({
        viewReports: user && bouncer ? await bouncer.allows('viewReports') : false,
        viewAdmin: user && bouncer ? await bouncer.allows('viewAdmin') : false,
      }),
    }
  }

  flash(ctx: HttpContext) {
    const { session } = ctx as Partial<HttpContext>
    // A background partial reload (a deferred prop: the list's view counts) can reach the
    // server between a form's redirect and the page it redirects to: the messages the form
    // left are kept for that page instead of being spent on a response that shows none.
    if (isPartialReload(ctx)) {
      if (session && !session.flashMessages.isEmpty) session.reflash()
      return {}
    }
    const messages = session?.flashMessages
    return {
      success: messages?.get('success') as string | undefined,
      error: messages?.get('error') as string | undefined,
    }
  }

  async handle(ctx: HttpContext, next: NextFn) {
    await this.init(ctx)
    // Inertia keeps the assets version (an MD5 of the Vite manifest, which is read once and
    // never changes while the process runs) per instance, that is per request: pinned in the
    // shared config the first time, later instances start with it.
    const config = app.config.get<InertiaConfig>('inertia')
    config.assetsVersion ??= ctx.inertia.getVersion()
    const output = await next()
    this.dispose(ctx)
    return output
  }
}

function isPartialReload(ctx: HttpContext) {
  return Boolean(ctx.request.header('x-inertia-partial-data'))
}

declare module '@adonisjs/inertia/types' {
  type MiddlewareSharedProps = InferSharedProps<InertiaMiddleware>
  export interface SharedProps extends MiddlewareSharedProps {}
}

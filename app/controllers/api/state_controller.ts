import type { HttpContext } from '@adonisjs/core/http'
import { Forbidden } from '#exceptions/domain_error'
import { StateNotFound, StateStore } from '#automation/state_store'
import {
  incrementStateValidator,
  lockStateValidator,
  setStateValidator,
  unlockStateValidator,
} from '#validators/automation'

/**
 * The workflow state store over the API: /api/v1/state/:scope/:key.
 * Everyone with a token reads; members may not write.
 */
export default class StateController {
  async show({ params }: HttpContext) {
    const entry = await new StateStore().get(params.scope, params.key)
    if (!entry) throw new StateNotFound(params.scope, params.key)
    return { data: entry }
  }

  async update({ params, request, auth }: HttpContext) {
    ensureWriter(auth.getUserOrFail().role)
    const input = await request.validateUsing(setStateValidator)
    const entry = await new StateStore().set(params.scope, params.key, input.value, {
      ttlMs: input.ttl ? Math.round(input.ttl * 1000) : null,
      expectedVersion: input.expectedVersion ?? null,
    })
    return { data: entry }
  }

  async increment({ params, request, auth }: HttpContext) {
    ensureWriter(auth.getUserOrFail().role)
    const input = await request.validateUsing(incrementStateValidator)
    return { data: await new StateStore().increment(params.scope, params.key, input.by ?? 1) }
  }

  async destroy({ params, response, auth }: HttpContext) {
    ensureWriter(auth.getUserOrFail().role)
    const deleted = await new StateStore().delete(params.scope, params.key)
    if (!deleted) throw new StateNotFound(params.scope, params.key)
    return response.noContent()
  }

  async lock({ params, request, response, auth }: HttpContext) {
    ensureWriter(auth.getUserOrFail().role)
    const input = await request.validateUsing(lockStateValidator)
    const result = await new StateStore().acquireLock(
      params.scope,
      params.key,
      input.owner,
      Math.round(input.ttl * 1000)
    )
    return result.acquired
      ? { data: result }
      : response.conflict({
          errors: [
            {
              code: 'lock_held',
              message: `The lock is held by ${result.owner} until ${result.expiresAt}.`,
            },
          ],
          data: result,
        })
  }

  async unlock({ params, request, response, auth }: HttpContext) {
    ensureWriter(auth.getUserOrFail().role)
    const input = await request.validateUsing(unlockStateValidator)
    const released = await new StateStore().releaseLock(params.scope, params.key, input.owner)
    if (!released) {
      return response.conflict({
        errors: [{ code: 'not_lock_owner', message: `${input.owner} does not hold this lock.` }],
      })
    }
    return response.noContent()
  }
}

function ensureWriter(role: string) {
  if (role === 'member') throw new Forbidden('Members may read the state store, not change it')
}

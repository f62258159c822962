import { test } from '@japa/runner'
import type { ActionDefinition } from '#engine/definition'
import { ACTION_TYPE_RULES, ACTION_TYPES } from '#engine/actions/types/registry'
import { compensationOf, handlerFor } from '#automation/steps/registry'

test.group('Automation / step types', () => {
  test('every step type has its publish-time rules and its handler, filed under its own name', ({
    assert,
  }) => {
    assert.deepEqual(ACTION_TYPES, ['http', 'set_data', 'notify', 'transition'])
    for (const type of ACTION_TYPES) {
      assert.equal(ACTION_TYPE_RULES[type].type, type)
      assert.equal(handlerFor({ type } as ActionDefinition).type, type)
    }
  })

  test('only an http step names a compensation; a transition step moves on by its transition', ({
    assert,
  }) => {
    const undo = { method: 'POST', url: 'https://stock.example/release' } as const
    const http = {
      key: 'reserve',
      type: 'http',
      method: 'POST',
      url: 'https://stock.example/reserve',
      compensation: undo,
    } as const
    assert.deepEqual(compensationOf(http), undo)
    assert.isUndefined(
      compensationOf({ key: 'tell', type: 'notify', notify: { role: 'manager', message: 'hi' } })
    )
    assert.isUndefined(compensationOf(undefined))
    const move = {
      key: 'go',
      type: 'transition',
      transition: 'approve',
      onSuccess: 'other',
    } as const
    assert.equal(handlerFor(move).successTransition?.(move), 'approve')
    assert.isUndefined(handlerFor(http).successTransition)
  })
})

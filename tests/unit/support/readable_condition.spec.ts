import { test } from '@japa/runner'

const load = async () => {
  const module = await import('../../../resources/js/lib/readable_condition.ts')
  return module.readableCondition
}

test.group('Timeline | readable route conditions', () => {
  test('strips data., writes signs and words, separates thousands as the locale does', async ({
    assert,
  }) => {
    const readable = await load()
    const en = { and: 'and', or: 'or' }
    assert.equal(readable('data.amount <= 10000', 'en', en), 'amount ≤ 10,000')
    assert.equal(readable('data.amount < 1000', 'en', en), 'amount < 1,000')
    assert.equal(
      readable('data.amount >= 2500.5 && data.kind != "a" || !data.urgent', 'en', en),
      'amount ≥ 2,500.5 and kind ≠ "a" or !urgent'
    )
    assert.equal(
      readable('data.amount <= 10000 && data.urgent', 'pt-BR', { and: 'e', or: 'ou' }),
      'amount ≤ 10.000 e urgent'
    )
    assert.equal(readable("process.priority == 'high'", 'en', en), "process.priority = 'high'")
  })

  test('text in quotes is left exactly as written', async ({ assert }) => {
    const readable = await load()
    assert.equal(
      readable("data.note == 'data.x <= 10000 && y' || data.n > 1", 'en', { and: 'and', or: 'or' }),
      "note = 'data.x <= 10000 && y' or n > 1"
    )
    assert.equal(readable('"it\\"s 1000"', 'en', { and: 'and', or: 'or' }), '"it\\"s 1000"')
  })
})

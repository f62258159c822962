import { test } from '@japa/runner'
import { verifyDefinition, type ProblemCode } from '#engine/verifier'

/** A valid workflow whose start stage has `fields`. */
function withFields(fields: unknown[]) {
  return {
    key: 'rules',
    name: 'Rules',
    stages: [
      { key: 'start', name: 'Start', type: 'start', fields },
      { key: 'done', name: 'Done', type: 'end', outcome: 'completed' },
    ],
    transitions: [{ key: 'finish', from: 'start', to: 'done' }],
  }
}

const AMOUNT = { key: 'amount', label: 'Amount', type: 'number' }
const problemsOf = (fields: unknown[]) =>
  verifyDefinition(withFields(fields)).problems.map((p) => [p.path, p.code])

/** [what, fields, expected problems as [path, code]; [] means valid] */
const CASES: [string, unknown[], [string, ProblemCode][]][] = [
  [
    'every new type is accepted',
    [
      { key: 'a', label: 'A', type: 'long_text' },
      { key: 'b', label: 'B', type: 'email' },
      { key: 'c', label: 'C', type: 'url' },
      { key: 'd', label: 'D', type: 'money', currency: 'EUR' },
      { key: 'e', label: 'E', type: 'multiselect', options: ['x', 'y'] },
    ],
    [],
  ],
  [
    'multiselect needs options',
    [{ key: 'e', label: 'E', type: 'multiselect' }],
    [['$.stages[0].fields[0].options', 'missing_options']],
  ],
  [
    'options only on select and multiselect',
    [{ key: 'a', label: 'A', type: 'email', options: ['x'] }],
    [['$.stages[0].fields[0].options', 'options_not_allowed']],
  ],
  [
    'currency only on money',
    [{ ...AMOUNT, currency: 'EUR' }],
    [['$.stages[0].fields[0].currency', 'currency_not_allowed']],
  ],
  [
    'currency is an ISO code',
    [{ key: 'm', label: 'M', type: 'money', currency: 'eur' }],
    [['$.stages[0].fields[0].currency', 'invalid_currency']],
  ],
  ['number rules', [{ ...AMOUNT, rules: { min: 0, max: 10 } }], []],
  [
    'a rule for another type',
    [{ ...AMOUNT, rules: { pattern: '^\\d+$', minLength: 1 } }],
    [
      ['$.stages[0].fields[0].rules.minLength', 'rule_not_allowed'],
      ['$.stages[0].fields[0].rules.pattern', 'rule_not_allowed'],
    ],
  ],
  [
    'no rules at all on booleans',
    [{ key: 'ok', label: 'OK', type: 'boolean', rules: { min: 1 } }],
    [['$.stages[0].fields[0].rules.min', 'rule_not_allowed']],
  ],
  [
    'an unknown rule',
    [{ ...AMOUNT, rules: { minimum: 1 } }],
    [['$.stages[0].fields[0].rules.minimum', 'unknown_property']],
  ],
  [
    'rules must be an object',
    [{ ...AMOUNT, rules: [1] }],
    [['$.stages[0].fields[0].rules', 'invalid_type']],
  ],
  [
    'min must be a number on numbers',
    [{ ...AMOUNT, rules: { min: '1' } }],
    [['$.stages[0].fields[0].rules.min', 'invalid_rule']],
  ],
  [
    'min must be a date on dates',
    [{ key: 'due', label: 'Due', type: 'date', rules: { min: '2025-02-30' } }],
    [['$.stages[0].fields[0].rules.min', 'invalid_rule']],
  ],
  [
    'lengths are whole numbers of 0 or more',
    [{ key: 't', label: 'T', type: 'text', rules: { minLength: -1, maxLength: 2.5 } }],
    [
      ['$.stages[0].fields[0].rules.minLength', 'invalid_rule'],
      ['$.stages[0].fields[0].rules.maxLength', 'invalid_rule'],
    ],
  ],
  [
    'min above max',
    [{ ...AMOUNT, rules: { min: 10, max: 1 } }],
    [['$.stages[0].fields[0].rules.min', 'conflicting_rules']],
  ],
  [
    'minLength above maxLength',
    [{ key: 't', label: 'T', type: 'text', rules: { minLength: 5, maxLength: 2 } }],
    [['$.stages[0].fields[0].rules.minLength', 'conflicting_rules']],
  ],
  [
    'date bounds out of order',
    [{ key: 'd', label: 'D', type: 'date', rules: { min: '2026-01-01', max: '2025-01-01' } }],
    [['$.stages[0].fields[0].rules.min', 'conflicting_rules']],
  ],
  [
    'a pattern RE2 cannot compile (backreference)',
    [{ key: 't', label: 'T', type: 'text', rules: { pattern: '(a)\\1' } }],
    [['$.stages[0].fields[0].rules.pattern', 'invalid_pattern']],
  ],
  [
    'a pattern that is not a regular expression',
    [{ key: 't', label: 'T', type: 'text', rules: { pattern: '[' } }],
    [['$.stages[0].fields[0].rules.pattern', 'invalid_pattern']],
  ],
  [
    'an over-long pattern',
    [{ key: 't', label: 'T', type: 'text', rules: { pattern: 'a'.repeat(501) } }],
    [['$.stages[0].fields[0].rules.pattern', 'invalid_pattern']],
  ],
  [
    'a catastrophic-looking pattern is fine: RE2 runs it in linear time',
    [{ key: 't', label: 'T', type: 'text', rules: { pattern: '(a+)+$' } }],
    [],
  ],
  [
    'conditions over fields of any stage',
    [
      { key: 'price', label: 'Price', type: 'money', currency: 'EUR' },
      { key: 'tags', label: 'Tags', type: 'multiselect', options: ['a', 'b'] },
      {
        key: 'risk',
        label: 'Risk',
        type: 'text',
        visibleWhen: 'data.price.amount > 10000',
        requiredWhen: '"a" in data.tags && data.price.currency == "EUR"',
      },
    ],
    [],
  ],
  [
    'a condition with a syntax error',
    [AMOUNT, { key: 'r', label: 'R', type: 'text', visibleWhen: 'data.amount >' }],
    [['$.stages[0].fields[1].visibleWhen', 'invalid_expression']],
  ],
  [
    'a condition naming an unknown field',
    [AMOUNT, { key: 'r', label: 'R', type: 'text', requiredWhen: 'data.total > 1' }],
    [['$.stages[0].fields[1].requiredWhen', 'invalid_expression']],
  ],
  [
    'a condition with a type error',
    [AMOUNT, { key: 'r', label: 'R', type: 'text', visibleWhen: 'data.amount > "x"' }],
    [['$.stages[0].fields[1].visibleWhen', 'invalid_expression']],
  ],
  [
    'a condition on a money field part that does not exist',
    [
      { key: 'price', label: 'Price', type: 'money', currency: 'EUR' },
      { key: 'r', label: 'R', type: 'text', visibleWhen: 'data.price.value > 1.0' },
    ],
    [['$.stages[0].fields[1].visibleWhen', 'invalid_expression']],
  ],
  [
    'a condition that is not boolean',
    [AMOUNT, { key: 'r', label: 'R', type: 'text', visibleWhen: 'data.amount + 1.0' }],
    [['$.stages[0].fields[1].visibleWhen', 'invalid_expression']],
  ],
  [
    'a condition may name only data',
    [AMOUNT, { key: 'r', label: 'R', type: 'text', visibleWhen: 'user.role == "admin"' }],
    [['$.stages[0].fields[1].visibleWhen', 'invalid_expression']],
  ],
  [
    'a condition must be text',
    [AMOUNT, { key: 'r', label: 'R', type: 'text', requiredWhen: true }],
    [['$.stages[0].fields[1].requiredWhen', 'invalid_type']],
  ],
  [
    'valid defaults',
    [
      { ...AMOUNT, default: 5, rules: { min: 1 } },
      { key: 'm', label: 'M', type: 'money', currency: 'EUR', default: 10 },
      { key: 's', label: 'S', type: 'multiselect', options: ['a', 'b'], default: ['b'] },
      { key: 'u', label: 'U', type: 'url', default: 'https://example.com' },
    ],
    [],
  ],
  [
    'a default of the wrong type',
    [{ ...AMOUNT, default: 'many' }],
    [['$.stages[0].fields[0].default', 'invalid_default']],
  ],
  [
    'a default outside the rules',
    [{ ...AMOUNT, default: 0, rules: { min: 1 } }],
    [['$.stages[0].fields[0].default', 'invalid_default']],
  ],
  [
    'a default that is not an option',
    [{ key: 's', label: 'S', type: 'select', options: ['a'], default: 'b' }],
    [['$.stages[0].fields[0].default', 'invalid_default']],
  ],
  [
    'a default that does not match the pattern',
    [{ key: 't', label: 'T', type: 'text', rules: { pattern: '^\\d+$' }, default: 'x' }],
    [['$.stages[0].fields[0].default', 'invalid_default']],
  ],
]

test.group('Verifier | field rules, conditions and defaults', () => {
  for (const [what, fields, expected] of CASES) {
    test(what, ({ assert }) => {
      assert.sameDeepMembers(problemsOf(fields), expected)
    })
  }

  test('defaults are stored coerced in the normalised definition; empty ones are dropped', ({
    assert,
  }) => {
    const result = verifyDefinition(
      withFields([
        { key: 'm', label: 'M', type: 'money', currency: 'EUR', default: '10.5' },
        { ...AMOUNT, default: '7' },
        { key: 't', label: 'T', type: 'text', rules: { minLength: 3 }, default: '' },
        { key: 's', label: 'S', type: 'multiselect', options: ['a'], default: [] },
      ])
    )
    assert.deepEqual(result.problems, [])
    const fields = result.definition!.stages[0]!.fields!
    assert.deepEqual(fields[0]!.default, { amount: 10.5, currency: 'EUR' })
    assert.equal(fields[1]!.default, 7)
    assert.notProperty(fields[2]!, 'default')
    assert.notProperty(fields[3]!, 'default')
  })

  test('messages name the field and say what is wrong', ({ assert }) => {
    const [problem] = verifyDefinition(
      withFields([AMOUNT, { key: 'r', label: 'R', type: 'text', visibleWhen: 'data.nope' }])
    ).problems
    assert.match(problem!.message, /^The condition on when field "r" of stage "start" shows/)
    assert.include(problem!.message, 'nope')
    const [rule] = verifyDefinition(withFields([{ ...AMOUNT, rules: { pattern: 'x' } }])).problems
    assert.include(rule!.message, 'is a number field, so it cannot have the rule "pattern"')
  })
})

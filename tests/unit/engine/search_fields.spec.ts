import { test } from '@japa/runner'
import { verifyDefinition } from '#engine/verifier'
import {
  indexedValue,
  MAX_POSTINGS,
  postingWord,
  postingWordsOf,
  searchableFieldsOf,
  searchBody,
} from '#engine/search_fields'
import { mutable, PURCHASE_REQUEST } from '#tests/unit/engine/fixtures'
import type { WorkflowDefinition } from '#engine/definition'

test.group('Search fields | verifier', () => {
  test('"searchable": true is kept on an indexable field', ({ assert }) => {
    const document = mutable(PURCHASE_REQUEST)
    const field = document.stages[0].fields![0]
    ;(field as { searchable?: boolean }).searchable = true
    const result = verifyDefinition(document)
    assert.isTrue(result.valid, JSON.stringify(result.problems))
    const definition = result.definition as WorkflowDefinition
    assert.isTrue(definition.stages[0].fields![0].searchable)
    assert.deepEqual(
      searchableFieldsOf(definition).map((f) => f.key),
      [field.key]
    )
  })

  test('a list or multiselect field cannot be searchable; "searchable" must be a boolean', ({
    assert,
  }) => {
    const document = mutable(PURCHASE_REQUEST) as any
    document.stages[0].fields.push(
      {
        key: 'tags',
        label: 'Tags',
        type: 'multiselect',
        options: ['a', 'b'],
        searchable: true,
      },
      { key: 'ref', label: 'Ref', type: 'text', searchable: 'yes' }
    )
    const result = verifyDefinition(document)
    assert.isFalse(result.valid)
    const codes = result.problems.map((p) => [p.path, p.code])
    const n = document.stages[0].fields.length
    assert.deepInclude(codes, [`$.stages[0].fields[${n - 2}].searchable`, 'field_not_searchable'])
    assert.deepInclude(codes, [`$.stages[0].fields[${n - 1}].searchable`, 'invalid_type'])
  })
})

test.group('Search fields | values and words', () => {
  test('values go to the column of their kind; empty or unreadable values are null', ({
    assert,
  }) => {
    assert.deepEqual(indexedValue('number', { amount: 12.5, currency: 'EUR' }), {
      num_value: 12.5,
      text_value: null,
      date_value: null,
    })
    assert.equal(indexedValue('number', 3).num_value, 3)
    assert.isNull(indexedValue('number', 'abc').num_value)
    assert.equal(indexedValue('boolean', false).num_value, 0)
    assert.equal(indexedValue('date', '2026-01-02').date_value, '2026-01-02')
    assert.isNull(indexedValue('date', 'soon').date_value)
    assert.equal(indexedValue('text', 'ACME').text_value, 'ACME')
    assert.isNull(indexedValue('text', '').text_value)
  })

  test('the free-text body holds lower-case words of title, reference and text fields only', ({
    assert,
  }) => {
    const body = searchBody(
      'Café Order',
      'PO-000012',
      [
        { key: 'note', label: 'Note', type: 'text', kind: 'text' },
        { key: 'amount', label: 'Amount', type: 'number', kind: 'number' },
      ],
      { note: 'Deliver to Gate-4!', amount: 999, secret: 'hidden' }
    )
    assert.equal(body, ' café order po 000012 deliver to gate 4')
  })
})

test.group('Search fields | posting words', () => {
  test('distinct words without diacritics, cut to 40 characters (never half a character)', ({
    assert,
  }) => {
    assert.deepEqual(postingWordsOf(' café cafe order the a order'), ['cafe', 'order', 'the', 'a'])
    assert.equal(postingWord('Ünïcödé'.toLowerCase()), 'unicode')
    assert.equal(postingWord('x'.repeat(50)), 'x'.repeat(40))
    // An astral character is one character: cut between characters, not inside one.
    const astral = `${'a'.repeat(39)}𝔸𝔸`
    assert.equal(postingWord(astral), `${'a'.repeat(39)}𝔸`)
  })

  test('at most MAX_POSTINGS distinct words a process', ({ assert }) => {
    const body = ' ' + Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ')
    const words = postingWordsOf(body)
    assert.lengthOf(words, MAX_POSTINGS)
    assert.equal(words[0], 'w0')
  })
})

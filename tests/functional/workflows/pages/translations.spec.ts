import { readFileSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'

const load = (locale: string, file: string) =>
  JSON.parse(readFileSync(app.makePath('resources/lang', locale, `${file}.json`), 'utf8'))

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key)
  )
}

test.group('Workflow pages / translations', () => {
  for (const file of ['workflows', 'designer', 'draft_check', 'designer_people']) {
    test(`${file}.json has the same keys in English and Portuguese`, ({ assert }) => {
      assert.sameMembers(keys(load('pt-BR', file)), keys(load('en', file)))
    })
  }

  test('every problem code of the verifier has a message in both languages', ({ assert }) => {
    const source = readFileSync(app.makePath('app/engine/verifier/problems.ts'), 'utf8')
    const union = source.match(/export type ProblemCode =([^;]*?)\n\n/)![1]!
    const codes = [...union.matchAll(/'([a-z_]+)'/g)].map((match) => match[1]!)
    assert.isAbove(codes.length, 30)
    for (const locale of ['en', 'pt-BR']) {
      const messages = load(locale, 'designer').problems
      assert.deepEqual(
        codes.filter((code) => typeof messages[code] !== 'string'),
        [],
        `${locale} lacks messages`
      )
    }
  })
})

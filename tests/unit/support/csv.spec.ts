import { test } from '@japa/runner'
import { toCsv } from '#support/csv'

test.group('CSV', () => {
  test('cells a spreadsheet would run as a formula get a leading quote', ({ assert }) => {
    const formulas = ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1']
    const lines = toCsv(
      ['cell'],
      formulas.map((f) => [f])
    ).split('\r\n')
    assert.deepEqual(lines.slice(1, 5), ["'=cmd|' /C calc'!A0", "'+1+1", "'-2+3", "'@SUM(A1:A2)"])
    assert.equal(lines[5], "'\t=1")
    assert.equal(lines[6], '"\'\r=1"')
  })

  test('quotes, commas and line breaks are quoted per RFC 4180; safe text is left alone', ({
    assert,
  }) => {
    assert.equal(
      toCsv(
        ['a', 'b'],
        [
          ['say "hi"', 'x,y'],
          ['plain', null],
        ]
      ),
      'a,b\r\n"say ""hi""","x,y"\r\nplain,\r\n'
    )
  })
})

import { test } from '@japa/runner'
import fc from 'fast-check'
import { bundleLines, packBundle, unpackBundle, verifyLines } from '#support/archives/bundle'

/** A bundle of `sizes.length` processes with that many events each. */
function bundle(sizes: number[]) {
  const processes = sizes.map((events, p) => ({
    process: { id: p + 1, reference: `P-${p + 1}`, version: events },
    attachments: [],
    events: Array.from({ length: events }, (_, i) => ({
      id: p * 100 + i + 1,
      process_id: p + 1,
      sequence: i + 1,
      type: i === 0 ? 'started' : 'commented',
      payload: JSON.stringify({ n: i }),
    })),
  }))
  return bundleLines('wf', '2025-01', processes).lines
}

const kinds = (lines: string[]) => verifyLines(lines).problems.map((p) => p.kind)

const shape = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 })

test.group('Archive bundle format', () => {
  test('a bundle as written verifies, also through gzip', ({ assert }) => {
    fc.assert(
      fc.property(shape, (sizes) => {
        const lines = bundle(sizes)
        assert.deepEqual(verifyLines(unpackBundle(packBundle(lines))).problems, [])
      })
    )
  })

  test('any changed line is reported as changed, at its position', ({ assert }) => {
    fc.assert(
      fc.property(shape, fc.nat(), (sizes, pick) => {
        const lines = bundle(sizes)
        const index = pick % (lines.length - 1) // not the manifest
        const line = JSON.parse(lines[index]!)
        line.tampered = true
        lines[index] = JSON.stringify(line)
        const problems = verifyLines(lines).problems
        assert.deepInclude(
          problems.map((p) => [p.kind, p.position]),
          ['changed', index + 1]
        )
      })
    )
  })

  test('any removed event is reported as removed (or the manifest when it was the last one)', ({
    assert,
  }) => {
    fc.assert(
      fc.property(shape, fc.nat(), (sizes, pick) => {
        const lines = bundle(sizes)
        const events = lines.flatMap((l, i) => (JSON.parse(l).kind === 'event' ? [i] : []))
        const index = events[pick % events.length]!
        lines.splice(index, 1)
        const found = kinds(lines)
        assert.isNotEmpty(found)
        assert.isTrue(found.includes('removed') || found.includes('manifest'))
      })
    )
  })

  test('swapping two events of a process is reported as reordered', ({ assert }) => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2, max: 6 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (sizes, pick) => {
          const lines = bundle(sizes)
          // Pairs of consecutive event lines of the same process.
          const pairs = lines.flatMap((l, i) => {
            const a = JSON.parse(l)
            const b = lines[i + 1] ? JSON.parse(lines[i + 1]!) : null
            return a.kind === 'event' && b?.kind === 'event' && a.processId === b.processId
              ? [i]
              : []
          })
          const index = pairs[pick % pairs.length]!
          ;[lines[index], lines[index + 1]] = [lines[index + 1]!, lines[index]!]
          assert.include(
            verifyLines(lines).problems.map((p) => `${p.kind}@${p.position}`),
            `reordered@${index + 1}`
          )
        }
      )
    )
  })

  test('a manifest that disagrees with the lines is reported on its line', ({ assert }) => {
    const lines = bundle([2, 3])
    const manifest = JSON.parse(lines.at(-1)!)
    manifest.processCount = 3
    lines[lines.length - 1] = JSON.stringify(manifest)
    assert.deepEqual(
      verifyLines(lines).problems.map((p) => [p.kind, p.position]),
      [['manifest', lines.length]]
    )
  })
})

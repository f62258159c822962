import { test } from '@japa/runner'
import { layoutGraph, layoutSignature } from '../../../resources/js/components/canvas/elk_layout.ts'
import {
  flowWidth,
  heatOf,
  heatThresholds,
  shortDuration,
} from '../../../resources/js/components/canvas/flow_scale.ts'
import { problemCounts } from '../../../resources/js/components/canvas/problem_counts.ts'
import type { DiagramGraph } from '../../../resources/js/components/canvas/graph.ts'

const graph: DiagramGraph = {
  // Listed out of order on purpose: the layout follows the arrows, not the list.
  stages: [
    { key: 'paid', name: 'Paid', type: 'end', outcome: 'completed' },
    { key: 'review', name: 'Review', type: 'task' },
    { key: 'triage', name: 'Triage', type: 'decision' },
    { key: 'claim', name: 'Claim', type: 'start' },
  ],
  transitions: [
    { key: 'submit', from: 'claim', to: 'triage' },
    { key: 'big', from: 'triage', to: 'review' },
    { key: 'small', from: 'triage', to: 'paid' },
    { key: 'pay', from: 'review', to: 'paid' },
    { key: 'back', from: 'review', to: 'claim' },
    { key: 'broken', from: 'review', to: 'nowhere' },
  ],
}

test.group('Canvas / ELK layout', () => {
  test('lays out left to right from the start stage, the same way every time', async ({
    assert,
  }) => {
    const first = await layoutGraph(graph)
    const second = await layoutGraph(graph)
    assert.deepEqual(first, second)
    assert.sameMembers(Object.keys(first), ['0', '1', '2', '3'])
    // claim (3) → triage (2) → review (1) → paid (0), despite the loop back.
    assert.isBelow(first[3]!.x, first[2]!.x)
    assert.isBelow(first[2]!.x, first[1]!.x)
    assert.isBelow(first[1]!.x, first[0]!.x)
  })

  test('the signature ignores names but not connections', ({ assert }) => {
    const renamed = { ...graph, stages: graph.stages.map((s) => ({ ...s, name: `${s.name}!` })) }
    assert.equal(layoutSignature(renamed), layoutSignature(graph))
    const rewired = {
      ...graph,
      transitions: graph.transitions.map((t) => (t.key === 'pay' ? { ...t, to: 'claim' } : t)),
    }
    assert.notEqual(layoutSignature(rewired), layoutSignature(graph))
  })
})

test.group('Canvas / overlays and problems', () => {
  test('line width grows with the share of processes', ({ assert }) => {
    assert.equal(flowWidth(0, 10), 1.5)
    assert.equal(flowWidth(10, 10), 9)
    assert.isAbove(flowWidth(6, 10), flowWidth(3, 10))
    assert.equal(flowWidth(5, 0), 1.5)
  })

  test('stages are coloured by thirds of their median times', ({ assert }) => {
    const stage = (medianSeconds: number | null) => ({
      medianSeconds,
      current: 0,
      overdue: 0,
      listUrl: '/processes',
    })
    const flow = {
      period: { from: '2026-11-01', to: '2026-11-30' },
      transitions: {},
      stages: { a: stage(60), b: stage(3600), c: stage(86400), d: stage(null) },
    }
    const thresholds = heatThresholds(flow)
    assert.deepEqual(thresholds, [3600, 86400])
    assert.equal(heatOf(60, thresholds), 'fast')
    assert.equal(heatOf(3600, thresholds), 'medium')
    assert.equal(heatOf(86400, thresholds), 'slow')
    assert.equal(heatOf(null, thresholds), 'none')
    assert.isNull(heatThresholds({ ...flow, stages: { d: stage(null) } }))
    assert.equal(shortDuration(90000), '1 d 1 h')
    assert.equal(shortDuration(3900), '1 h 5 min')
  })

  test('problems are counted per stage (fields included) and per transition', ({ assert }) => {
    const counts = problemCounts([
      { path: '$.stages[1]' },
      { path: '$.stages[1].fields[0].key' },
      { path: '$.transitions[2].to' },
      { path: '$.name' },
    ])
    assert.deepEqual([...counts.stages], [[1, 2]])
    assert.deepEqual([...counts.transitions], [[2, 1]])
  })
})

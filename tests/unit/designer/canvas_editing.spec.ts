import { test } from '@japa/runner'
import { nearestInDirection } from '../../../resources/js/components/canvas/canvas_keys.ts'
import {
  connect,
  deleteStage,
  layoutFromSaved,
  layoutToSave,
  moveStages,
  transitionsOfStage,
} from '../../../resources/js/components/workflows/canvas_editing.ts'
import {
  starterDocument,
  updateStage,
} from '../../../resources/js/components/workflows/designer_state.ts'

const starter = () => starterDocument({ start: 'Start', end: 'Done', transition: 'Finish' })

test.group('Designer / canvas editing', () => {
  test('arrow keys go to the nearest stage in that direction, and nowhere at the edge', ({
    assert,
  }) => {
    const box = (x: number, y: number) => ({ x, y, width: 100, height: 50 })
    // a(0,0)  b(300,0)
    // c(0,200)        d(320,220)
    const boxes = [box(0, 0), box(300, 0), box(0, 200), box(320, 220)]
    assert.equal(nearestInDirection(boxes, 0, 'ArrowRight'), 1)
    assert.equal(nearestInDirection(boxes, 0, 'ArrowDown'), 2)
    assert.equal(nearestInDirection(boxes, 2, 'ArrowRight'), 3)
    assert.equal(nearestInDirection(boxes, 3, 'ArrowUp'), 1)
    assert.isNull(nearestInDirection(boxes, 0, 'ArrowLeft'))
    assert.isNull(nearestInDirection(boxes, 0, 'Enter'))
  })

  test('positions follow a renamed stage and are saved by key, rounded; none saves null', ({
    assert,
  }) => {
    const doc = starter()
    const layout = layoutFromSaved({ start: { x: 10, y: 20 }, ghost: { x: 1, y: 1 } }, doc)
    assert.deepEqual(Object.values(layout), [{ x: 10, y: 20 }])
    const moved = moveStages({ doc, layout }, { 1: { x: 300.6, y: 40.2 } })
    const renamed = updateStage(moved.doc, 0, { key: 'begin' })
    assert.deepEqual(layoutToSave(moved.layout, renamed), {
      begin: { x: 10, y: 20 },
      done: { x: 301, y: 40 },
    })
    assert.isNull(layoutToSave({}, doc))
  })

  test('connecting adds a transition between the two stages; deleting a stage takes its transitions and position', ({
    assert,
  }) => {
    const doc = starter()
    const snapshot = { doc, layout: layoutFromSaved({ done: { x: 5, y: 5 } }, doc) }
    const connected = connect(snapshot, 1, 0)
    const added = connected.snapshot.doc.transitions[connected.index]!
    assert.deepInclude(added, { from: 'done', to: 'start' })
    assert.lengthOf(transitionsOfStage(connected.snapshot.doc, 1), 2)

    const deleted = deleteStage(connected.snapshot, 1)
    assert.deepEqual(
      deleted.doc.stages.map((stage) => stage.key),
      ['start']
    )
    assert.lengthOf(deleted.doc.transitions, 0)
    assert.deepEqual(deleted.layout, {})
  })
})

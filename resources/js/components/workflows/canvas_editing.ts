/**
 * What the canvas changes in the designer's state, beside the definition:
 * stage positions (by row uid while editing, so a renamed stage keeps its
 * place; by stage key when saved). Pure.
 */
import {
  addStage,
  addTransition,
  removeStage,
  removeTransition,
  updateStage,
  updateTransition,
  type EditorDocument,
} from './designer_state.ts'

type Point = { x: number; y: number }
/** Positions moved by hand, by stage row uid. */
export type UidLayout = Record<string, Point>
/** One undo step of the designer: the document and where its stages are drawn. */
export type DesignerSnapshot = { doc: EditorDocument; layout: UidLayout }

/** The saved layout (by stage key) for the rows of `doc`. */
export function layoutFromSaved(
  saved: Record<string, Point> | null | undefined,
  doc: EditorDocument
): UidLayout {
  const layout: UidLayout = {}
  for (const stage of doc.stages) {
    const at = saved?.[stage.key]
    if (at) layout[stage.uid] = at
  }
  return layout
}

/** The layout to save (by stage key; first stage with a key wins), or null when none. */
export function layoutToSave(layout: UidLayout, doc: EditorDocument) {
  const saved: Record<string, Point> = {}
  for (const stage of doc.stages) {
    const at = layout[stage.uid]
    if (at && stage.key && !saved[stage.key]) {
      saved[stage.key] = { x: Math.round(at.x), y: Math.round(at.y) }
    }
  }
  return Object.keys(saved).length > 0 ? saved : null
}

/** A new stage of a kind; returns its index. */
export function addStageOfKind(
  snapshot: DesignerSnapshot,
  kind: string,
  name: string
): { snapshot: DesignerSnapshot; index: number } {
  const result = addStage(snapshot.doc, name)
  const index = result.doc.stages.findIndex((stage) => stage.uid === result.uid)
  const doc = kind === 'task' ? result.doc : updateStage(result.doc, index, { type: kind })
  return { snapshot: { ...snapshot, doc }, index }
}

/** A transition from one stage to another (by index); returns its index and uid. */
export function connect(snapshot: DesignerSnapshot, from: number, to: number) {
  const result = addTransition(snapshot.doc)
  const index = result.doc.transitions.length - 1
  const doc = updateTransition(result.doc, index, {
    from: snapshot.doc.stages[from]?.key ?? '',
    to: snapshot.doc.stages[to]?.key ?? '',
  })
  return { snapshot: { ...snapshot, doc }, index, uid: result.uid }
}

/** The transitions that go when the stage at `index` goes (into or out of it). */
export function transitionsOfStage(doc: EditorDocument, index: number) {
  const stage = doc.stages[index]
  if (!stage?.key) return []
  const shared = doc.stages.some((other, i) => i !== index && other.key === stage.key)
  if (shared) return []
  return doc.transitions.filter((t) => t.from === stage.key || t.to === stage.key)
}

export function deleteStage(snapshot: DesignerSnapshot, index: number): DesignerSnapshot {
  const uid = snapshot.doc.stages[index]?.uid
  const layout = { ...snapshot.layout }
  if (uid) delete layout[uid]
  return { doc: removeStage(snapshot.doc, index).doc, layout }
}

export function deleteTransition(snapshot: DesignerSnapshot, index: number): DesignerSnapshot {
  return { ...snapshot, doc: removeTransition(snapshot.doc, index) }
}

/** Stages dropped at new places (by index). */
export function moveStages(
  snapshot: DesignerSnapshot,
  moved: Record<number, Point>
): DesignerSnapshot {
  const layout = { ...snapshot.layout }
  for (const [index, at] of Object.entries(moved)) {
    const uid = snapshot.doc.stages[Number(index)]?.uid
    if (uid) layout[uid] = { x: at.x, y: at.y }
  }
  return { ...snapshot, layout }
}

import { useCallback, useEffect, useState } from 'react'

type History<T> = { past: T[]; present: T; future: T[]; at: number }

/** Edits closer together than this are one step (typing a name is one undo). */
const MERGE_MS = 700
const LIMIT = 200

/**
 * The designer's whole editing session as an undo/redo history. Every
 * change goes through `update`; Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and
 * redo outside text inputs, where the browser's own undo applies.
 */
export function useHistory<T>(initial: () => T) {
  const [history, setHistory] = useState<History<T>>(() => ({
    past: [],
    present: initial(),
    future: [],
    at: 0,
  }))

  /** `step`: a change of its own (add, connect, delete, move), never merged with typing. */
  const update = useCallback((change: (current: T) => T, step = false) => {
    setHistory((h) => {
      const next = change(h.present)
      if (next === h.present) return h
      const now = Date.now()
      const merge = !step && now - h.at < MERGE_MS && h.past.length > 0
      return {
        past: merge ? h.past : [...h.past, h.present].slice(-LIMIT),
        present: next,
        future: [],
        at: step ? 0 : now,
      }
    })
  }, [])

  const undo = useCallback(() => {
    setHistory((h) =>
      h.past.length === 0
        ? h
        : {
            past: h.past.slice(0, -1),
            present: h.past.at(-1)!,
            future: [h.present, ...h.future],
            at: 0,
          }
    )
  }, [])

  const redo = useCallback(() => {
    setHistory((h) =>
      h.future.length === 0
        ? h
        : { past: [...h.past, h.present], present: h.future[0]!, future: h.future.slice(1), at: 0 }
    )
  }, [])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return
      const target = event.target as HTMLElement | null
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog')) return
      const key = event.key.toLowerCase()
      if (key === 'z' && !event.shiftKey) undo()
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [undo, redo])

  return {
    present: history.present,
    update,
    undo,
    redo,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
  }
}

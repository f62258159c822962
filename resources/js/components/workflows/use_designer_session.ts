import { useEffect, useMemo, useRef, useState } from 'react'
import { router } from '@inertiajs/react'
import { verifyDefinition } from '#engine/verifier'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { useHistory } from './designer_history.ts'
import { layoutFromSaved, layoutToSave, type DesignerSnapshot } from './canvas_editing.ts'
import { focusElement, type DesignerProblem } from './designer_problems.tsx'
import { indexProblems } from './problem_index.ts'
import {
  fromDefinition,
  starterDocument,
  toDocument,
  type EditorDocument,
} from './designer_state.ts'
import type { Data } from '../../../../.adonisjs/client/data.js'

type DesignerSessionInput = {
  /** Null while creating a new workflow. */
  workflow: Data.Workflow | null
  /** The version the editor starts from: the draft, else the published one. */
  version: Data.WorkflowVersion.Variants['forDefinition'] | null
  /** Problems the server found in the last save, by JSON path. */
  serverProblems: Record<string, string>
  /** Validation errors of the last request (Inertia's `errors` prop). */
  errors: unknown
}

/**
 * The designer's editing session: the document and canvas positions as one
 * undo history, the live verifier's problems (with the server's from the
 * last save until the next edit), saving and publishing, and the warning
 * before leaving with unsaved changes.
 */
export function useDesignerSession({
  workflow,
  version,
  serverProblems,
  errors,
}: DesignerSessionInput) {
  const { t } = useI18n()
  const creating = workflow === null

  // The whole editing session (document and canvas positions) is one undo history.
  const history = useHistory<DesignerSnapshot>(() => {
    const initial = version
      ? fromDefinition(version.definition)
      : starterDocument({
          start: t('designer.defaults.start'),
          end: t('designer.defaults.end'),
          transition: t('designer.defaults.transition'),
        })
    return { doc: initial, layout: layoutFromSaved(version?.layout, initial) }
  })
  const doc = history.present.doc
  const document = useMemo(() => toDocument(doc), [doc])
  const layout = useMemo(
    () => layoutToSave(history.present.layout, doc),
    [history.present.layout, doc]
  )
  const serialized = useMemo(() => JSON.stringify([document, layout]), [document, layout])
  const [savedAs, setSavedAs] = useState(serialized)
  const dirty = serialized !== savedAs

  // The engine's own verifier, on every edit: the same rules as the server.
  const verification = useMemo(() => verifyDefinition(document), [document])

  // Server problems are shown until the next edit (after it, the live ones are current).
  const [staleFor, setStaleFor] = useState<object | null>(null)
  const serverList = useMemo<DesignerProblem[]>(() => {
    if (staleFor === serverProblems) return []
    const livePaths = new Set(verification.problems.map((problem) => problem.path))
    const merged = { ...serverProblems, ...(errors as Record<string, string> | undefined) }
    return Object.entries(merged)
      .map(([field, message]) => ({
        path: field.startsWith('$') ? field : '$',
        message: String(message),
        fromServer: true,
      }))
      .filter((problem) => !livePaths.has(problem.path))
  }, [serverProblems, errors, staleFor, verification.problems])
  const problems = useMemo<DesignerProblem[]>(
    () => [...verification.problems, ...serverList],
    [verification.problems, serverList]
  )
  const problemIndex = useMemo(() => indexProblems(problems), [problems])

  const pendingFocus = useRef<string | null>(null)
  useEffect(() => {
    if (pendingFocus.current) {
      focusElement(pendingFocus.current)
      pendingFocus.current = null
    }
  }, [doc])

  /** A change of the document; `focus`: the id of the element to focus after it. */
  const edit = (change: (current: EditorDocument) => EditorDocument, focus?: string) => {
    if (focus) pendingFocus.current = focus
    history.update((current) => ({ ...current, doc: change(current.doc) }))
    setStaleFor(serverProblems)
  }
  /** A canvas change (document and positions), one undo step of its own. */
  const canvasChange = (
    change: (current: DesignerSnapshot) => DesignerSnapshot,
    focus?: string
  ) => {
    if (focus) pendingFocus.current = focus
    history.update(change, true)
    setStaleFor(serverProblems)
  }

  /* ----- saving, publishing, leaving ----- */
  const submitting = useRef(false)
  const [processing, setProcessing] = useState(false)
  const [confirmPublish, setConfirmPublish] = useState(false)

  const save = () => {
    const sent = serialized
    submitting.current = true
    setProcessing(true)
    const options = {
      preserveScroll: true,
      preserveState: true,
      onSuccess: (page: { props: Record<string, unknown> }) => {
        const refused = Object.keys((page.props.serverProblems as object) ?? {}).length > 0
        if (refused) {
          focusElement('problems-heading')
        } else {
          setSavedAs(sent)
        }
      },
      onFinish: () => {
        submitting.current = false
        setProcessing(false)
      },
    }
    const payload = { definition: document, layout }
    if (creating) router.post(urlFor('workflows.store'), payload, options)
    else router.put(urlFor('workflows.draft', { key: workflow.key }), payload, options)
  }

  const publish = () => {
    if (!workflow) return
    submitting.current = true
    setProcessing(true)
    router.post(
      urlFor('workflows.publish', { key: workflow.key }),
      {},
      {
        preserveScroll: true,
        preserveState: true,
        onFinish: () => {
          submitting.current = false
          setProcessing(false)
          setConfirmPublish(false)
        },
      }
    )
  }

  const leaveMessage = t('designer.unsaved.confirm')
  useEffect(() => {
    if (!dirty) return
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    const stopListening = router.on('before', (event: { preventDefault(): void }) => {
      if (submitting.current) return
      if (!window.confirm(leaveMessage)) event.preventDefault()
    })
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload)
      stopListening()
    }
  }, [dirty, leaveMessage])

  return {
    history,
    doc,
    dirty,
    problems,
    problemIndex,
    edit,
    canvasChange,
    save,
    publish,
    processing,
    confirmPublish,
    setConfirmPublish,
  }
}

export type DesignerSession = ReturnType<typeof useDesignerSession>

/**
 * The workflow drawn with React Flow, laid out by ELK. Loaded on demand
 * (see workflow_diagram.tsx) so that pages without a diagram do not carry
 * React Flow and ELK.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import {
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  type Connection,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react'
import { DrawnProbe } from './drawn_probe.tsx'
import '@xyflow/react/dist/base.css'
import './canvas.css'
import { useI18n } from '../../lib/i18n.ts'
import '../../lib/canvas_messages.ts'
import { onCanvasKey } from './canvas_keys.ts'
import { withRouteLabels, type RoutedStage } from '../workflows/diagram_routes.ts'
import { layoutSignature, type Positions } from './elk_layout.ts'
import { layoutInBackground } from './elk_worker_layout.ts'
import {
  nodeSize,
  stageIndexByKey,
  stageNodeId,
  transitionEdgeId,
  type DiagramGraph,
} from './graph.ts'
import { stageName, stageTypeName } from './diagram_text.ts'
import { problemCounts } from './problem_counts.ts'
import { flowWidth, heatOf, heatThresholds } from './flow_scale.ts'
import { StageNodeView, type StageNode } from './stage_node.tsx'
import { TransitionEdgeView, type TransitionEdge } from './transition_edge.tsx'
import { DiagramDescription } from './diagram_description.tsx'
import { FlowLegend } from './flow_legend.tsx'
import type { DraftCheckOverlay, FlowOverlay } from './overlay.ts'

export type WorkflowCanvasProps = {
  /** A workflow definition (or the designer's work in progress). */
  definition: DiagramGraph & { name?: string; stages: readonly (RoutedStage & { sla?: string })[] }
  /** Key of the stage to highlight, e.g. where a process is now. */
  currentStage?: string | null
  /** Verifier problems; stages and transitions they concern are marked with a count. */
  problems?: readonly { path: string }[]
  /** Where processes went on a published version. */
  flow?: FlowOverlay | null
  /** What a draft check found. */
  check?: DraftCheckOverlay | null
  /** The designer's canvas: select, move and connect stages. */
  editor?: CanvasEditor
}

/** A stage or transition of the canvas, by index in the definition. */
export type CanvasSelection = { kind: 'stage' | 'transition'; index: number } | null

export type CanvasEditor = {
  selected: CanvasSelection
  onSelect: (selection: CanvasSelection) => void
  /** A new transition drawn from one stage to another (indexes). */
  onConnect: (from: number, to: number) => void
  /** Positions moved by hand, by stage index (undefined: laid out by ELK). */
  positions: readonly ({ x: number; y: number } | undefined)[]
  /** Stages dropped somewhere else, by index. */
  onMove: (moved: Positions) => void
  /** Forget the positions moved by hand. */
  onAutoLayout: () => void
  /** Enter on a stage or transition: edit it in the side panel. */
  onOpen: (selection: NonNullable<CanvasSelection>) => void
  /** Delete on a stage or transition. */
  onDelete: (selection: NonNullable<CanvasSelection>) => void
  /** "Connect to…" from a stage (the C key). */
  onConnectFrom: (from: number) => void
}

const MINIMAP_FROM = 8
const nodeTypes: NodeTypes = { stage: StageNodeView }
const edgeTypes: EdgeTypes = { transition: TransitionEdgeView }

export default function WorkflowCanvas({
  currentStage,
  problems = [],
  flow,
  check,
  editor,
  ...props
}: WorkflowCanvasProps) {
  const { t } = useI18n()
  const id = useId()
  const otherwise = t('workflows.diagram.otherwise')
  const { graph, routeLabels } = useMemo(
    () => withRouteLabels(props.definition, otherwise),
    [props.definition, otherwise]
  )

  // ELK is asynchronous: lay out again only when stages or connections change, and not at
  // all while every stage has a position of its own (saved with the draft or moved by hand).
  const signature = layoutSignature(graph)
  const placed = editor?.positions
  const allPlaced = useMemo(
    () => !!placed && graph.stages.length > 0 && graph.stages.every((_, index) => placed[index]),
    [graph, placed]
  )
  const [laidOut, setLaidOut] = useState<{ signature: string; positions: Positions } | null>(null)
  useEffect(() => {
    if (allPlaced) return
    let cancelled = false
    void layoutInBackground(graph).then((positions) => {
      if (!cancelled) setLaidOut({ signature, positions })
    })
    return () => {
      cancelled = true
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, allPlaced])
  const placedLayout = useMemo(() => ({ signature, positions: {} as Positions }), [signature])
  const layout = allPlaced ? placedLayout : laidOut

  // The layout (by signature) React Flow has drawn: handles measured, view fitted.
  const [drawn, setDrawn] = useState<string | null>(null)
  const drawnKey = layout?.signature ?? null
  const onDrawn = useCallback((done: boolean) => setDrawn(done ? drawnKey : null), [drawnKey])

  // Where stages are while they are dragged; dropped ones go to the editor.
  const [dragging, setDragging] = useState<Positions>({})
  const onNodesChange = (changes: NodeChange<StageNode>[]) => {
    const moving = { ...dragging }
    const dropped: Positions = {}
    for (const change of changes) {
      if (change.type !== 'position') continue
      const index = Number(change.id.slice(1))
      const at = change.position ?? moving[index]
      if (change.dragging && at) moving[index] = at
      else if (!change.dragging && at) {
        dropped[index] = at
        delete moving[index]
      }
    }
    setDragging(moving)
    if (Object.keys(dropped).length > 0) editor?.onMove(dropped)
  }
  const onConnect = (connection: Connection) => {
    const from = Number(connection.source.slice(1))
    const to = Number(connection.target.slice(1))
    editor?.onConnect(from, to)
  }

  const counts = useMemo(() => problemCounts(problems), [problems])
  const byKey = useMemo(() => stageIndexByKey(graph), [graph])
  const thresholds = useMemo(() => (flow ? heatThresholds(flow) : null), [flow])

  const nodes = useMemo((): StageNode[] => {
    if (!layout) return []
    return graph.stages.map((stage, index) => {
      const stageFlow = flow?.stages[stage.key]
      const detail = [
        stageTypeName(t, stage),
        stage.sla ? t('workflows.diagram.sla', { sla: stage.sla }) : '',
      ]
        .filter(Boolean)
        .join(' · ')
      return {
        id: stageNodeId(index),
        type: 'stage',
        position: dragging[index] ??
          editor?.positions[index] ??
          layout.positions[index] ?? { x: 0, y: 0 },
        ariaLabel: t('canvas_editor.node', {
          name: stageName(t, stage, index),
          type: stageTypeName(t, stage),
          problems: counts.stages.get(index) ?? 0,
        }),
        selected: editor?.selected?.kind === 'stage' && editor.selected.index === index,
        ...nodeSize(stage.type),
        // Sizes are fixed: React Flow's own measuring (dimension changes) is not fed back.
        measured: nodeSize(stage.type),
        data: {
          index,
          key: stage.key,
          type: stage.type ?? 'task',
          outcome: stage.outcome,
          name: stageName(t, stage, index),
          detail,
          current: !!currentStage && stage.key === currentStage,
          problems: counts.stages.get(index) ?? 0,
          flow: stageFlow
            ? { ...stageFlow, heat: heatOf(stageFlow.medianSeconds, thresholds) }
            : undefined,
          stuck: check?.stages[stage.key]?.stuck,
        },
      }
    })
  }, [
    layout,
    dragging,
    editor?.positions,
    editor?.selected,
    graph,
    flow,
    check,
    counts,
    currentStage,
    thresholds,
    t,
  ])

  const edges = useMemo((): TransitionEdge[] => {
    const max = Math.max(0, ...Object.values(flow?.transitions ?? {}).map((f) => f.count))
    return graph.transitions.flatMap((transition, index) => {
      const from = byKey.get(transition.from)
      const to = byKey.get(transition.to)
      if (from === undefined || to === undefined) return []
      const count = flow ? (flow.transitions[transition.key]?.count ?? 0) : undefined
      const problemsHere = counts.transitions.get(index) ?? 0
      return [
        {
          id: transitionEdgeId(index),
          type: 'transition',
          selected: editor?.selected?.kind === 'transition' && editor.selected.index === index,
          source: stageNodeId(from),
          target: stageNodeId(to),
          ariaLabel: t('canvas_editor.edge', {
            name: transition.label?.trim() || transition.key,
            from: stageName(t, graph.stages[from]!, from),
            to: stageName(t, graph.stages[to]!, to),
          }),
          markerEnd: {
            type: MarkerType.ArrowClosed,
            width: 16,
            height: 16,
            color: problemsHere > 0 ? '#c0392b' : '#8a93a8',
          },
          data: {
            index,
            key: transition.key,
            label: transition.label?.trim() || transition.key,
            route: routeLabels.get(index),
            problems: problemsHere,
            count,
            width: count !== undefined ? flowWidth(count, max) : undefined,
            differ: check?.transitions[transition.key]?.differ,
            blocked: check?.transitions[transition.key]?.blocked,
          },
        },
      ]
    })
  }, [graph, byKey, flow, check, counts, routeLabels, editor?.selected, t])

  const height = useMemo(() => {
    if (!layout) return 240
    const bottoms = graph.stages.map(
      (stage, index) =>
        (placed?.[index]?.y ?? layout.positions[index]?.y ?? 0) + nodeSize(stage.type).height
    )
    return Math.min(560, Math.max(placed ? 420 : 220, Math.max(0, ...bottoms) + 90))
  }, [layout, graph, placed])

  const canvasRef = useRef<HTMLDivElement>(null)
  const onKeyDownCapture = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (!editor || !canvasRef.current) return
    const boxes = nodes.map((node) => ({
      ...node.position,
      width: node.width ?? 0,
      height: node.height ?? 0,
    }))
    onCanvasKey(event, editor, boxes, canvasRef.current)
  }
  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('canvas_editor.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('canvas_editor.nodeHelp'),
      'edge.a11yDescription.default': t('canvas_editor.edgeHelp'),
      'controls.ariaLabel': t('canvas_editor.controls'),
      'controls.zoomIn.ariaLabel': t('canvas_editor.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas_editor.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas_editor.fitView'),
      'handle.ariaLabel': t('canvas_editor.handle'),
    }),
    [t]
  )

  const titleId = `${id}-title`
  const title = graph.name?.trim()
    ? t('workflows.diagram.title', { name: graph.name.trim() })
    : t('workflows.diagram.untitled')

  return (
    <figure className="wf-diagram" aria-labelledby={titleId}>
      <figcaption className="sr-only">
        <span id={titleId}>{title}</span>
        <DiagramDescription
          graph={graph}
          original={props.definition}
          routeLabels={routeLabels}
          currentStage={currentStage}
          counts={counts}
          flow={flow}
          check={check}
        />
      </figcaption>
      {graph.stages.length === 0 ? (
        <p className="wf-diagram-empty">{t('workflows.diagram.empty')}</p>
      ) : (
        <div
          ref={canvasRef}
          className="wf-canvas"
          style={{ height }}
          // "true" once the current stages and connections are laid out, drawn and fitted in
          // view (tests, benches); data-edges: how many transitions are drawn then.
          data-ready={layout?.signature === signature && drawn === signature ? 'true' : 'false'}
          data-edges={edges.length}
          onKeyDownCapture={editor ? onKeyDownCapture : undefined}
        >
          {layout && (
            <ReactFlow
              key={layout.signature}
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              ariaLabelConfig={ariaLabelConfig}
              nodesDraggable={!!editor}
              nodesConnectable={!!editor}
              nodesFocusable={!!editor}
              edgesFocusable={!!editor}
              elementsSelectable={!!editor}
              onNodesChange={editor ? onNodesChange : undefined}
              onConnect={editor ? onConnect : undefined}
              onNodeClick={(_, node) => editor?.onSelect({ kind: 'stage', index: node.data.index })}
              onEdgeClick={(_, edge) =>
                editor?.onSelect({ kind: 'transition', index: edge.data!.index })
              }
              onPaneClick={() => editor?.onSelect(null)}
              deleteKeyCode={null}
              autoPanOnConnect={false}
              zoomOnScroll={false}
              preventScrolling={false}
              // Low enough for fitView to show a wide workflow whole in a narrow pane (the form view's live diagram).
              minZoom={0.1}
              maxZoom={1.5}
              fitView
              fitViewOptions={{ padding: 0.12, maxZoom: 1 }}
            >
              <DrawnProbe onDrawn={onDrawn} />
              <Controls showInteractive={false} />
              {/* An overview only where one is needed: on small workflows it would hide stages. */}
              {editor && graph.stages.length > MINIMAP_FROM && (
                <MiniMap pannable zoomable ariaLabel={t('workflows.canvas.minimap')} />
              )}
              {editor && (
                <div className="wf-canvas-tools">
                  <button type="button" className="btn btn-sm" onClick={editor.onAutoLayout}>
                    {t('workflows.canvas.autoLayout')}
                  </button>
                </div>
              )}
            </ReactFlow>
          )}
        </div>
      )}
      {flow && <FlowLegend flow={flow} thresholds={thresholds} />}
    </figure>
  )
}

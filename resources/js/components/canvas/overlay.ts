/**
 * What the canvas can draw over a workflow besides its definition: where
 * real processes went (the flow overlay of a published version) and what a
 * draft check found. Computed on the server; the canvas only renders them.
 */

/** Per transition key: how many processes took it in the period. */
export interface TransitionFlow {
  count: number
}

/** Per stage key: time spent there and who is there now. */
export interface StageFlow {
  /** Median seconds processes spent in the stage (left in the period); null without visits. */
  medianSeconds: number | null
  /** Active processes in the stage now. */
  current: number
  /** Of those, how many are past their SLA. */
  overdue: number
  /** The process list filtered to this stage (and version). */
  listUrl: string
}

export interface FlowOverlay {
  /** ISO dates, inclusive. */
  period: { from: string; to: string }
  transitions: Record<string, TransitionFlow>
  stages: Record<string, StageFlow>
}

/** A draft check's findings drawn on the draft. */
export interface DraftCheckOverlay {
  /** Transition keys where histories would go differently, with how many processes. */
  transitions: Record<string, { differ: number; blocked: number }>
  /** Stage keys where processes would be stuck, with how many. */
  stages: Record<string, { stuck: number }>
}

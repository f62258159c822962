/**
 * How the flow overlay turns numbers into drawing: line width by the share
 * of processes a transition carried, stage colour by median time (thirds of
 * the stages that have one).
 */
import type { FlowOverlay } from './overlay.ts'

export type Heat = 'fast' | 'medium' | 'slow' | 'none'

const MIN_WIDTH = 1.5
const MAX_WIDTH = 9

/** Stroke width of a transition that `count` processes took, of at most `max`. */
export function flowWidth(count: number, max: number): number {
  if (max <= 0 || count <= 0) return MIN_WIDTH
  return Math.round((MIN_WIDTH + ((MAX_WIDTH - MIN_WIDTH) * count) / max) * 10) / 10
}

/** The median-time thresholds (seconds) between fast/medium and medium/slow. */
export function heatThresholds(flow: FlowOverlay): [number, number] | null {
  const medians = Object.values(flow.stages)
    .map((stage) => stage.medianSeconds)
    .filter((value): value is number => value !== null)
    .sort((a, b) => a - b)
  if (medians.length === 0) return null
  const at = (q: number) => medians[Math.min(medians.length - 1, Math.floor(q * medians.length))]!
  return [at(1 / 3), at(2 / 3)]
}

export function heatOf(median: number | null, thresholds: [number, number] | null): Heat {
  if (median === null || thresholds === null) return 'none'
  if (median < thresholds[0]) return 'fast'
  if (median < thresholds[1]) return 'medium'
  return 'slow'
}

/** "3 d 4 h", "2 h 5 min", "45 s": short enough for a legend. */
export function shortDuration(seconds: number): string {
  const d = Math.floor(seconds / 86400)
  const h = Math.floor((seconds % 86400) / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`
  if (m > 0) return `${m} min`
  return `${Math.round(seconds)} s`
}

import type { CellType } from './types.ts'

/** "3d 4h", "2h 5m", "45s": durations short enough for a table cell. */
export function formatSeconds(value: number): string {
  const s = Math.round(value)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m}m`
  const h = Math.floor(m / 60)
  if (h < 48) return `${h}h ${m % 60}m`
  return `${Math.floor(h / 24)}d ${h % 24}h`
}

export function formatCell(
  value: string | number | null | undefined,
  type: CellType,
  locale: string
): string {
  if (value === null || value === undefined || value === '') return '—'
  if (type === 'seconds') return formatSeconds(Number(value))
  if (type === 'percent') return `${new Intl.NumberFormat(locale).format(Number(value))}%`
  if (type === 'number') return new Intl.NumberFormat(locale).format(Number(value))
  return String(value)
}

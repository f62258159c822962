/** A business calendar as the admin pages receive it (CalendarTransformer). */
export type CalendarView = {
  key: string
  name: string
  timeZone: string
  hours: Partial<Record<(typeof WEEKDAYS)[number], string[]>>
  holidays: string[]
  isDefault: boolean
  updatedAt: string
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

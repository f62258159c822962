/**
 * The slot for bulk actions on the process list: assign, transition or
 * cancel the selected rows or the whole current filter, with a preview of
 * what would change and progress while a background job does it.
 *
 * Not built yet: it needs the queue layer (one job per bulk request,
 * progress reported back). The list already renders this slot above the
 * table and passes what it will need — the current filter (the same one
 * the CSV export uses), the total it covers and `can.bulk` (leads only) —
 * so adding it means filling in this component and one controller action.
 */
export function BulkActions(_props: {
  filters: Record<string, string>
  total: number
  allowed: boolean
}) {
  return null
}

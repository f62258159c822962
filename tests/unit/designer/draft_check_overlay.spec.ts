import { test } from '@japa/runner'
import type { DraftDifference, ProcessVerdict } from '#engine/draft_check'
import { draftCheckOverlay } from '../../../resources/js/components/workflows/draft_check_overlay.ts'

const verdict = (
  kind: ProcessVerdict['verdict'],
  difference: Partial<DraftDifference> | null
): Pick<ProcessVerdict, 'verdict' | 'difference'> => ({
  verdict: kind,
  difference: difference && {
    sequence: 2,
    stage: 'review',
    transition: null,
    historyTo: null,
    draftTo: null,
    fields: [],
    message: '',
    ...difference,
  },
})

test.group('Designer | draft check overlay', () => {
  test('counts differences on transitions and stuck processes on stages', ({ assert }) => {
    const overlay = draftCheckOverlay({
      processes: [
        verdict('unchanged', null),
        verdict('routes_differently', { transition: 'approve', draftTo: 'rejected' }),
        verdict('routes_differently', { transition: 'approve', historyTo: null }),
        verdict('blocked_by_guard', { transition: 'approve' }),
        verdict('blocked_by_role', { transition: 'submit', stage: 'draft' }),
        verdict('blocked_by_field_rule', { transition: 'submit', stage: 'draft' }),
        verdict('blocked_by_field_rule', { transition: null }),
        verdict('stuck', { stage: 'review', sequence: null }),
        verdict('stuck', { stage: 'review', sequence: null }),
        verdict('unknown_transition', { transition: 'gone' }),
        verdict('unknown_stage', { stage: 'gone' }),
        verdict('unreadable', null),
      ],
    })
    assert.deepEqual(overlay, {
      transitions: {
        approve: { differ: 2, blocked: 1 },
        submit: { differ: 0, blocked: 2 },
      },
      stages: { review: { stuck: 2 } },
    })
  })

  test('no processes, nothing to draw', ({ assert }) => {
    assert.deepEqual(draftCheckOverlay({ processes: [] }), { transitions: {}, stages: {} })
  })
})

import {
  answer,
  authenticated,
  dateTime,
  idempotencyKey,
  jsonBody,
  list,
  nullable,
  object,
  ok,
  parameter,
  ref,
  response,
  type Json,
} from '#support/openapi/helpers'

/** Team queues, approvals and delegation (issue 19). */
export function collaborationSchemas(): Record<string, Json> {
  const named = answer({ id: { type: 'integer' }, name: { type: 'string' } })
  return {
    ApprovalVote: answer({
      user: { ...named, description: 'Whose vote it is (the absent approver, when delegated).' },
      by: { ...named, description: 'Who cast it.' },
      onBehalfOf: nullable(named),
      comment: { type: ['string', 'null'] },
      at: dateTime,
    }),
    ApprovalTally: {
      description:
        'A process’s approval: of its current stage, or of the last stage it voted in (`approval` is null when there is none). An approval’s transitions are taken by votes, never listed in `availableTransitions`.',
      ...answer({
        stage: { type: 'string', description: 'The stage the votes were cast in.' },
        policy: {
          oneOf: [
            { type: 'string', enum: ['all', 'any'] },
            answer({ quorum: { type: 'integer', minimum: 1 } }),
          ],
        },
        approvals: list(ref('ApprovalVote')),
        rejections: list(ref('ApprovalVote')),
        awaiting: {
          ...list(
            answer({
              id: { type: 'integer' },
              name: { type: 'string' },
              delegate: { ...nullable(named), description: 'Votes for them while they are away.' },
            })
          ),
          description: 'Eligible people who have not voted (empty once decided).',
        },
        decided: {
          type: ['string', 'null'],
          enum: ['approved', 'rejected', null],
          description: 'Set once the policy (or the reject policy) is met.',
        },
      }),
    },
    VoteRequest: object(
      {
        decision: { type: 'string', enum: ['approve', 'reject'] },
        comment: { type: 'string', maxLength: 10000, description: 'Required to reject.' },
        idempotencyKey,
      },
      ['decision']
    ),
    ClaimRequest: object({ idempotencyKey }),
    AbsenceRequest: object(
      {
        from: { type: 'string', format: 'date', description: 'First day away (YYYY-MM-DD).' },
        to: { type: 'string', format: 'date', description: 'Last day away, inclusive.' },
        delegate: {
          type: 'string',
          format: 'email',
          maxLength: 254,
          description: 'Another active user.',
        },
      },
      ['from', 'to', 'delegate']
    ),
    AbsenceResponse: answer({
      data: answer({
        from: { type: ['string', 'null'], format: 'date' },
        to: { type: ['string', 'null'], format: 'date' },
        delegate: nullable(
          answer({
            id: { type: 'integer' },
            name: { type: 'string' },
            email: { type: 'string', format: 'email' },
          })
        ),
        absentNow: { type: 'boolean' },
      }),
    }),
  }
}

const processErrors = {
  ...authenticated,
  '403': response('Forbidden'),
  '404': response('NotFound'),
  '409': response('Conflict'),
  '422': response('ValidationFailed'),
}

export function collaborationPaths(): Record<string, Json> {
  return {
    '/api/v1/processes/{id}/claim': {
      parameters: [parameter('ProcessId')],
      post: {
        operationId: 'api.processes.claim',
        summary: 'Claim the process from your team’s queue',
        description:
          'Members of the team whose queue the process waits in (`{ "team": … }` stage assignee). Of two members claiming at once one wins; the other gets 409 `already_claimed`. 403 `not_team_member`; 422 `not_queued`.',
        tags: ['processes'],
        parameters: [parameter('IdempotencyKey')],
        requestBody: { ...jsonBody('ClaimRequest'), required: false },
        responses: { '200': ok('The process, now yours.', 'ProcessResponse'), ...processErrors },
      },
    },
    '/api/v1/processes/{id}/votes': {
      parameters: [parameter('ProcessId')],
      post: {
        operationId: 'api.processes.votes.store',
        summary: 'Approve or reject (approval stages)',
        description:
          'One vote per eligible person (a `voted` event). When the stage’s policy is met the engine takes its `approve` or `reject` transition in the same transaction. A delegate votes on behalf of an absent approver. Errors: 422 (reject without comment, `no_approval`), 403 `not_eligible`, `four_eyes` (the creator) or `delegate_not_allowed`, 409 `approval_decided` (after the decision) or `already_voted` (a second vote; send the same idempotency key to get the first answer instead).',
        tags: ['processes'],
        parameters: [parameter('IdempotencyKey')],
        requestBody: jsonBody('VoteRequest'),
        responses: {
          '200': ok('The process with its `approval` tally.', 'ProcessResponse'),
          ...processErrors,
        },
      },
    },
    '/api/v1/me/absence': {
      put: {
        operationId: 'api.me.absence.update',
        summary: 'Set your absence and delegate',
        description:
          'While away, new assignments and approval requests go to the delegate (resolved when they happen). 422 when the delegate is yourself, unknown or deactivated.',
        tags: ['auth'],
        requestBody: jsonBody('AbsenceRequest'),
        responses: {
          '200': ok('The absence.', 'AbsenceResponse'),
          ...authenticated,
          '422': response('ValidationFailed'),
        },
      },
      delete: {
        operationId: 'api.me.absence.destroy',
        summary: 'End your absence',
        tags: ['auth'],
        responses: { '204': { description: 'No absence is set any more.' }, ...authenticated },
      },
    },
  }
}

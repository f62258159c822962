import { DomainError } from '#exceptions/domain_error'

/** The approval was already decided (the process moved on): a late vote changes nothing. */
export class ApprovalDecided extends DomainError {
  constructor() {
    super('This approval has already been decided; your vote was not recorded.', {
      status: 409,
      code: 'approval_decided',
    })
  }
}

/** Each person votes once per approval; a second vote is refused (not merged). */
export class AlreadyVoted extends DomainError {
  constructor() {
    super('You have already voted on this approval.', { status: 409, code: 'already_voted' })
  }
}

export class NotEligibleVoter extends DomainError {
  constructor() {
    super('You are not one of the people this approval asks.', {
      status: 403,
      code: 'not_eligible',
    })
  }
}

/** Four-eyes: whoever started a request does not approve it. */
export class FourEyes extends DomainError {
  constructor() {
    super('You started this process, so you cannot vote on its approval (four-eyes principle).', {
      status: 403,
      code: 'four_eyes',
    })
  }
}

export class NoApproval extends DomainError {
  constructor(stage: string) {
    super(`The process's stage "${stage}" does not ask for approvals.`, {
      status: 422,
      code: 'no_approval',
    })
  }
}

/** Someone else claimed the process first. */
export class AlreadyClaimed extends DomainError {
  constructor(name: string | null, yours = false) {
    super(
      yours
        ? 'You have already claimed this process.'
        : `${name ?? 'Someone'} has already claimed this process.`,
      { status: 409, code: 'already_claimed' }
    )
  }
}

export class NotQueued extends DomainError {
  constructor() {
    super('This process is not waiting in a team queue.', { status: 422, code: 'not_queued' })
  }
}

export class NotTeamMember extends DomainError {
  constructor(team: string) {
    super(`Only members of the team "${team}" can claim this process.`, {
      status: 403,
      code: 'not_team_member',
    })
  }
}

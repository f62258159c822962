import { DomainError } from '#exceptions/domain_error'
import type { Problem } from '#engine/verifier'

/**
 * The caller's expectedVersion is not the process's current version:
 * someone else changed it first. Nothing was written.
 */
export class VersionConflict extends DomainError {
  constructor(current: { version: number; stageKey: string; status: string }, expected: number) {
    super(
      `This process changed since you loaded it (you had version ${expected}, it is now version ${current.version} in stage "${current.stageKey}"). Reload it and try again.`,
      {
        status: 409,
        code: 'version_conflict',
        details: {
          currentVersion: current.version,
          stage: current.stageKey,
          status: current.status,
        },
      }
    )
  }
}

/**
 * A transition the definition, the actor's role or the data does not allow.
 */
export class TransitionNotAllowed extends DomainError {
  constructor(
    message: string,
    options: {
      reason: string
      allowed: string[]
      missingFields?: { field: string; message: string }[]
    }
  ) {
    super(message, {
      status: 422,
      code: options.reason,
      details: { allowedTransitions: options.allowed },
      fieldErrors: options.missingFields?.map((f) => ({ ...f, code: 'required' })),
    })
  }
}

export class ProcessClosed extends DomainError {
  constructor(status: string) {
    super(`This process is ${status}; it cannot be changed any more.`, {
      status: 422,
      code: 'process_closed',
    })
  }
}

export class InvalidProcessData extends DomainError {
  constructor(errors: { field: string; message: string; code: string }[]) {
    super('Some fields are not valid.', {
      status: 422,
      code: 'invalid_data',
      fieldErrors: errors.map((e) => ({
        field: `data.${e.field}`,
        message: e.message,
        code: e.code,
      })),
    })
  }
}

export class WorkflowNotPublished extends DomainError {
  constructor(key: string) {
    super(`Workflow "${key}" has no published version yet; publish it before starting processes.`, {
      status: 422,
      code: 'workflow_not_published',
    })
  }
}

/**
 * A definition document the verifier rejected; each problem is reported
 * with its JSON path as the field.
 */
export class DefinitionRejected extends DomainError {
  constructor(problems: Problem[]) {
    super(
      `The workflow definition has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`,
      {
        status: 422,
        code: 'invalid_definition',
        details: { problems },
        fieldErrors: problems.map((p) => ({ field: p.path, message: p.message, code: p.code })),
      }
    )
  }
}

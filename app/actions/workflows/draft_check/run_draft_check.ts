import { urlFor } from '@adonisjs/core/services/url_builder'
import type { WorkflowDefinition } from '#engine/definition'
import {
  type DraftCheckSummary,
  type ProcessVerdict,
  checkProcessHistory,
  summarizeVerdicts,
} from '#engine/draft_check'
import { ReplayError } from '#engine/replay_error'
import { loadHistory } from '#actions/workflows/draft_check/load_history'

/** What a draft check answers (and stores, for one run in the background). */
export type DraftCheckResult = {
  draftVersion: number
  limit: number
  checkedAt: string
  summary: DraftCheckSummary
  /** The processes the draft would treat differently, newest first, with a link to each. */
  processes: (ProcessVerdict & { url: string })[]
}

/** Processes checked between two progress reports (and yields to the event loop). */
const SLICE = 100

/**
 * Replays the last `limit` processes of the workflow through `draft` with
 * the pure engine check (app/engine/draft_check.ts), reporting progress
 * (0–100) after each slice when asked to.
 */
export async function runDraftCheck(params: {
  workflowId: number
  draft: { number: number; definition: WorkflowDefinition }
  limit: number
  now?: Date
  progress?: (percent: number) => Promise<void>
}): Promise<DraftCheckResult> {
  const now = params.now ?? new Date()
  const { histories, actors, versions } = await loadHistory(params.workflowId, params.limit)
  const context = {
    draft: params.draft.definition,
    actors,
    now,
    resolveDefinition: (id: number) => {
      const definition = versions.get(id)
      if (!definition)
        throw new ReplayError('unknown_version', `workflow version ${id} does not exist.`)
      return definition
    },
  }

  const verdicts: ProcessVerdict[] = []
  for (let start = 0; start < histories.length; start += SLICE) {
    for (const history of histories.slice(start, start + SLICE)) {
      verdicts.push(checkProcessHistory(context, history))
    }
    if (params.progress) {
      await params.progress(Math.min(100, Math.round(((start + SLICE) / histories.length) * 100)))
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  return {
    draftVersion: params.draft.number,
    limit: params.limit,
    checkedAt: now.toISOString(),
    summary: summarizeVerdicts(verdicts),
    processes: verdicts
      .filter((verdict) => verdict.verdict !== 'unchanged')
      .map((verdict) => ({
        ...verdict,
        url: urlFor('processes.show', { id: verdict.processId }),
      })),
  }
}

import type { WorkflowDefinition } from '#engine/definition'
import { EpochCache } from '#support/access/access_epoch'
import { activePeople } from '#support/access/cached_rows'
import { plainItems } from '#support/plain_transform'
import { searchFieldsOfWorkflows } from '#actions/search/data_filters'
import { publishedWorkflows } from '#actions/process_pages/published_workflows'
import PersonTransformer from '#transformers/person_transformer'
import WorkflowOptionTransformer from '#transformers/workflow_option_transformer'

export type ListOptions = Awaited<ReturnType<typeof load>>

/** One entry per set of hidden workflows (viewers share the few sets access rules make). */
const cache = new EpochCache<string, ListOptions>(200)

async function load(hidden: number[]) {
  const options = await publishedWorkflows(hidden)
  const people = await activePeople()
  return {
    /** The workflows offered, by key (the filter names one). */
    workflows: new Map(
      options.workflows.map((w) => [w.key, { id: w.id, key: w.key }])
    ) as ReadonlyMap<string, { id: number; key: string }>,
    /** Latest published definition, by workflow id. */
    definitions: options.definitions as ReadonlyMap<number, WorkflowDefinition>,
    // A copy (nothing shared with the cached definitions), frozen: requests share it.
    props: deepFreeze(
      structuredClone({
        workflows: plainItems(WorkflowOptionTransformer, options.workflows, options.definitions),
        searchFields: searchFieldsOfWorkflows(options.workflows, options.definitions),
        people: plainItems(PersonTransformer, people),
      })
    ),
  }
}

/**
 * What the process list offers to filter by — the published workflows with
 * their stages and searchable fields, and the active people — as the
 * list's props, for a viewer who may not see the `hidden` workflows.
 * Built from rows cached per access epoch (#support/access/cached_rows),
 * so it is kept under the same epoch: built once per epoch and set of
 * hidden workflows instead of hydrating every workflow, version and
 * person on each request.
 */
export function listOptions(hidden: number[]): Promise<ListOptions> {
  const key = [...new Set(hidden.map(Number))].sort((a, b) => a - b).join(',')
  return cache.get(key, () => load(hidden))
}

/** Freezes plain objects and arrays all the way down. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

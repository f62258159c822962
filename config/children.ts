import env from '#start/env'
import { DEFAULT_MAX_CHILD_DEPTH } from '#engine/children'

/*
|--------------------------------------------------------------------------
| Sub-processes (stages with children)
|--------------------------------------------------------------------------
|
| At publish, the verifier refuses a workflow that nests through children
| (its own, and those of the published workflows it starts) deeper than
| this; a workflow that reaches itself always does.
|
*/
const depth = env.get('CHILDREN_MAX_DEPTH')

const childrenConfig = {
  maxDepth:
    depth !== undefined && Number.isInteger(depth) && depth >= 1 ? depth : DEFAULT_MAX_CHILD_DEPTH,
}

export default childrenConfig

export const policies = {
  ProcessPolicy: () => import('#policies/process_policy'),
  TeamPolicy: () => import('#policies/team_policy'),
  UserPolicy: () => import('#policies/user_policy'),
  WorkflowPolicy: () => import('#policies/workflow_policy'),
}


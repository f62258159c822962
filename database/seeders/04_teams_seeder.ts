import { BaseSeeder } from '@adonisjs/lucid/seeders'
import Team from '#models/team'
import User from '#models/user'
import Workflow from '#models/workflow'
import SetTeamMembers from '#actions/teams/set_team_members'
import SaveWorkflowAccess from '#actions/workflows/save_workflow_access'

/** The demo teams: key, name and members by e-mail (leads marked). */
const DEMO_TEAMS = [
  {
    key: 'finance',
    name: 'Finance',
    members: [{ email: 'manager@stageflow.test', lead: true }, { email: 'leo@stageflow.test' }],
  },
  { key: 'hr', name: 'HR', members: [{ email: 'member@stageflow.test', lead: true }] },
  {
    key: 'support',
    name: 'Support',
    members: [{ email: 'manager@stageflow.test', lead: true }, { email: 'leo@stageflow.test' }],
  },
]

/**
 * Teams Finance, HR and Support with the demo accounts, and employee
 * onboarding visible to HR only (admins always see it). Runs after the
 * demo workflows (its processes were started by everyone before the rule
 * was set). Safe to run again: existing teams keep their members.
 */
export default class TeamsSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    for (const demo of DEMO_TEAMS) {
      if (await Team.findBy('key', demo.key)) continue
      const team = await Team.create({ key: demo.key, name: demo.name })
      const known = await User.query().whereIn(
        'email',
        demo.members.map((m) => m.email)
      )
      await new SetTeamMembers().handle(
        team,
        demo.members.filter((m) => known.some((u) => u.email === m.email))
      )
    }

    const onboarding = await Workflow.findBy('key', 'employee-onboarding')
    if (onboarding && !onboarding.access) {
      const hr = [{ team: 'hr' }]
      await new SaveWorkflowAccess().handle(onboarding, { start: hr, see: hr, work: hr })
    }
  }
}

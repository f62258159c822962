import { DateTime } from 'luxon'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { sqlTime } from '#support/sql_time'
import { availableTransitions, stageOf } from '#engine/state_machine'
import { collectFields } from '#engine/data'
import type { FieldDefinition, WorkflowDefinition } from '#engine/definition'
import type { Priority } from '#engine/replay'
import User from '#models/user'
import Team from '#models/team'
import Workflow from '#models/workflow'
import type Process from '#models/process'
import VoteOnProcess from '#actions/processes/vote_on_process'
import { DomainError } from '#exceptions/domain_error'
import SaveWorkflowDraft from '#actions/workflows/save_workflow_draft'
import PublishWorkflow from '#actions/workflows/publish_workflow'
import StartProcess from '#actions/processes/start_process'
import TransitionProcess from '#actions/processes/transition_process'
import AssignProcess from '#actions/processes/assign_process'
import CommentOnProcess from '#actions/processes/comment_on_process'
import { guardContextOf } from '#actions/processes/guard_context'
import { DEMO_DEFINITIONS } from '#database/definitions/index'

/**
 * Demo workflows and a few hundred processes spread over stages and the
 * last two months, all written through the engine (every state has its
 * events). Skipped when the workflows already exist, so running the quick
 * start again keeps what is there.
 */
export default class DemoSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    const admin = await User.findBy('email', 'admin@stageflow.test')
    if (!admin) return
    const people = await User.query().whereIn('email', [
      'manager@stageflow.test',
      'member@stageflow.test',
      'leo@stageflow.test',
    ])

    await this.financeTeam(people)
    const random = seededRandom(20261127)
    const counts: Record<string, number> = {
      'order-fulfilment': 140,
      'purchase-approval': 70,
      'employee-onboarding': 30,
      // Started by onboarding's preparation stage (on the workers), not by hand.
      'onboarding-task': 0,
      'support-ticket': 110,
    }

    for (const definition of Object.values(DEMO_DEFINITIONS)) {
      if (await Workflow.findBy('key', definition.key)) continue
      const { workflow } = await new SaveWorkflowDraft().handle({
        document: definition,
        actor: admin,
      })
      await new PublishWorkflow().handle({ workflow, actor: admin })
      const total = counts[definition.key] ?? 50
      for (let i = 0; i < total; i++) {
        await this.simulate(definition, admin, people, random)
      }
      if (!app.inTest) console.log(`  seeded ${definition.name}: ${total} processes`)
    }

    // The demo history happened "in the past": its notifications are not
    // sent again. Timers stay pending, so overdue demo processes get breached.
    await db
      .from('outbox_messages')
      .where('topic', 'like', 'process.%')
      .where('status', 'pending')
      .update({ status: 'sent', sent_at: sqlTime(DateTime.now()) })
  }

  protected async simulate(
    definition: WorkflowDefinition,
    admin: User,
    people: User[],
    random: () => number
  ) {
    const now = DateTime.now()
    let at = now.minus({ minutes: Math.floor(random() * 60 * 24 * 60) })
    const actor = people.length ? people[Math.floor(random() * people.length)]! : admin
    const fields = collectFields(definition)
    const priorities: Priority[] = ['low', 'normal', 'normal', 'normal', 'high', 'urgent']

    let { process } = await new StartProcess().handle({
      workflowKey: definition.key,
      title: titleFor(definition.key, random),
      priority: priorities[Math.floor(random() * priorities.length)],
      data: dataFor(
        fields.filter((f) => definition.stages[0]?.fields?.some((s) => s.key === f.key)),
        random,
        people
      ),
      actor,
      at,
    })

    if (random() < 0.7 && people.length) {
      at = at.plus({ minutes: 5 + Math.floor(random() * 120) })
      const assignee = people[Math.floor(random() * people.length)]!
      ;({ process } = await new AssignProcess().handle({
        process,
        assigneeId: assignee.id,
        expectedVersion: process.version,
        actorId: admin.id,
        at,
      }))
    }

    // Walk the graph: each step a little later; some processes stop midway (still open).
    for (let step = 0; step < 12 && process.status === 'active'; step++) {
      if (random() < 0.18) break
      const next = at.plus({ minutes: 10 + Math.floor(random() * 60 * 24 * 2) })
      if (next > now) break
      at = next
      // A stage with children waits for them: the workers start them (the
      // spawn message stays pending below) and move the process when all finish.
      if (stageOf(definition, process.stageKey)?.children) break
      // An approval stage moves by votes (two of Finance, see the purchase approval).
      if (stageOf(definition, process.stageKey)?.approval) {
        const waiting = process.stageKey
        process = await this.vote(process, people, random, at)
        if (process.stageKey === waiting) break
        continue
      }
      // Fields are filled below; a guard that does not hold rules a transition out.
      const options = availableTransitions(definition, {
        stage: process.stageKey,
        role: 'admin',
        data: process.data,
        guard: guardContextOf(process, { email: '', role: 'admin' }, at),
      }).filter((option) => !option.reasons.includes('guard_failed'))
      // Prefer the "happy path" (first transition) most of the time.
      const choice = random() < 0.8 ? options[0] : options[Math.floor(random() * options.length)]
      if (!choice) break
      const required = fields.filter((f) => choice.transition.requires?.includes(f.key))
      ;({ process } = await new TransitionProcess().handle({
        process,
        transition: choice.transition.key,
        expectedVersion: process.version,
        data: dataFor(required, random, people),
        actor: { id: (process.assigneeId ?? admin.id) as number, role: 'admin' },
        at,
      }))
      if (random() < 0.15) {
        at = at.plus({ minutes: 3 })
        if (at > now) break
        ;({ process } = await new CommentOnProcess().handle({
          process,
          body: COMMENTS[Math.floor(random() * COMMENTS.length)]!,
          expectedVersion: process.version,
          actorId: actor.id,
          at,
        }))
      }
    }
    return process
  }

  /**
   * The Finance team the purchase approval asks above 10,000 (created only
   * when missing, by key: the teams seeder may have made it already).
   */
  protected async financeTeam(people: User[]) {
    const team = await Team.firstOrCreate({ key: 'finance' }, { name: 'Finance' })
    const members = await team.related('members').query().select('users.id')
    const have = new Set(members.map((m) => m.id))
    const missing = people.filter((p) => !have.has(p.id))
    if (missing.length) {
      await team
        .related('members')
        .attach(Object.fromEntries(missing.map((p) => [p.id, { lead: false }])))
    }
  }

  /** Finance members other than the creator vote until the approval is decided. */
  protected async vote(process: Process, people: User[], random: () => number, at: DateTime) {
    let current = process
    for (const voter of people) {
      if (current.stageKey !== process.stageKey || current.status !== 'active') break
      if (voter.id === current.creatorId) continue
      const reject = random() < 0.15
      try {
        ;({ process: current } = await new VoteOnProcess().handle({
          process: current,
          actor: voter,
          decision: reject ? 'reject' : 'approve',
          comment: reject ? 'Over budget for this quarter.' : null,
          at,
        }))
      } catch (error) {
        // Not eligible (e.g. not in Finance any more): the next person votes.
        if (!(error instanceof DomainError)) throw error
      }
    }
    return current
  }
}

const COMMENTS = [
  'Checked with the customer, **all good**.',
  'Waiting on the supplier to confirm the date.',
  'Escalated to the team lead — see the notes in the ticket.',
  'Done on my side. Over to you.',
  'Please double-check the amount before approving.',
]

function titleFor(key: string, random: () => number) {
  const n = 1000 + Math.floor(random() * 9000)
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!
  switch (key) {
    case 'order-fulfilment':
      return `Order #${n} for ${pick(['Acme Ltd', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries'])}`
    case 'purchase-approval':
      return `${pick(['Laptops', 'Office chairs', 'Cloud credits', 'Conference tickets', 'Monitors'])} (${n})`
    case 'employee-onboarding':
      return `Onboard ${pick(['Ana', 'Bruno', 'Carla', 'Diego', 'Eva', 'Felipe'])} ${pick(['Souza', 'Lima', 'Costa', 'Rocha'])}`
    default:
      return `${pick(['Cannot log in', 'Invoice question', 'Export is slow', 'Feature request', 'Password reset'])} #${n}`
  }
}

function dataFor(fields: FieldDefinition[], random: () => number, people: User[]) {
  const data: Record<string, unknown> = {}
  for (const field of fields) {
    switch (field.type) {
      case 'number':
        // Amounts span every route of the purchase approval (< 1,000, ≤ 10,000, above).
        data[field.key] = Math.round(100 + random() * (field.key === 'amount' ? 14900 : 9900))
        break
      case 'date':
        data[field.key] = DateTime.now()
          .plus({ days: Math.floor(random() * 30) })
          .toISODate()
        break
      case 'select':
        data[field.key] = field.options?.[Math.floor(random() * field.options.length)] ?? null
        break
      case 'boolean':
        data[field.key] = true
        break
      case 'user':
        data[field.key] = people[0]?.id ?? null
        break
      default:
        data[field.key] = field.key.includes('email')
          ? 'customer@example.com'
          : `${field.key.toUpperCase().slice(0, 3)}-${Math.floor(random() * 90000 + 10000)}`
    }
  }
  return data
}

/** Deterministic demo data: the same seed gives the same processes. */
function seededRandom(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

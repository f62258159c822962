/* eslint-disable prettier/prettier */
import type { routes } from './index.ts'

export interface ApiDefinition {
  session: {
    create: typeof routes['session.create']
    store: typeof routes['session.store']
    destroy: typeof routes['session.destroy']
  }
  sso: {
    redirect: typeof routes['sso.redirect']
    callback: typeof routes['sso.callback']
  }
  health: {
    live: typeof routes['health.live']
    ready: typeof routes['health.ready']
  }
  metrics: typeof routes['metrics']
  locale: {
    update: typeof routes['locale.update']
  }
  hooks: {
    receive: typeof routes['hooks.receive']
  }
  dashboard: typeof routes['dashboard']
  processes: {
    index: typeof routes['processes.index']
    export: typeof routes['processes.export']
    create: typeof routes['processes.create']
    store: typeof routes['processes.store']
    bulk: {
      transitions: typeof routes['processes.bulk.transitions']
      preview: typeof routes['processes.bulk.preview']
      store: typeof routes['processes.bulk.store']
      show: typeof routes['processes.bulk.show']
    }
    show: typeof routes['processes.show']
    timeline: typeof routes['processes.timeline']
    transition: typeof routes['processes.transition']
    data: typeof routes['processes.data']
    assign: typeof routes['processes.assign']
    comment: typeof routes['processes.comment']
    cancel: typeof routes['processes.cancel']
    attachments: {
      index: typeof routes['processes.attachments.index']
      store: typeof routes['processes.attachments.store']
      download: typeof routes['processes.attachments.download']
    }
    claim: typeof routes['processes.claim']
    votes: {
      store: typeof routes['processes.votes.store']
    }
  }
  board: {
    show: typeof routes['board.show']
  }
  workflows: {
    index: typeof routes['workflows.index']
    create: typeof routes['workflows.create']
    store: typeof routes['workflows.store']
    import: typeof routes['workflows.import']
    show: typeof routes['workflows.show']
    edit: typeof routes['workflows.edit']
    draft: typeof routes['workflows.draft'] & {
      check: typeof routes['workflows.draft.check']
      checks: {
        show: typeof routes['workflows.draft.checks.show']
      }
    }
    publish: typeof routes['workflows.publish']
    export: typeof routes['workflows.export']
    processes: {
      store: typeof routes['workflows.processes.store']
    }
    access: {
      show: typeof routes['workflows.access.show']
      update: typeof routes['workflows.access.update']
    }
  }
  admin: {
    queues: {
      index: typeof routes['admin.queues.index']
      show: typeof routes['admin.queues.show']
      retryAll: typeof routes['admin.queues.retry_all']
      pause: typeof routes['admin.queues.pause']
      resume: typeof routes['admin.queues.resume']
      jobs: {
        retry: typeof routes['admin.queues.jobs.retry']
        destroy: typeof routes['admin.queues.jobs.destroy']
      }
    }
    engine: {
      show: typeof routes['admin.engine.show']
    }
    calendars: {
      index: typeof routes['admin.calendars.index']
      create: typeof routes['admin.calendars.create']
      store: typeof routes['admin.calendars.store']
      edit: typeof routes['admin.calendars.edit']
      update: typeof routes['admin.calendars.update']
    }
    alerts: {
      index: typeof routes['admin.alerts.index']
      create: typeof routes['admin.alerts.create']
      store: typeof routes['admin.alerts.store']
      edit: typeof routes['admin.alerts.edit']
      update: typeof routes['admin.alerts.update']
      toggle: typeof routes['admin.alerts.toggle']
      destroy: typeof routes['admin.alerts.destroy']
    }
    audit: {
      index: typeof routes['admin.audit.index']
      export: typeof routes['admin.audit.export']
    }
    sso: {
      show: typeof routes['admin.sso.show']
      update: typeof routes['admin.sso.update']
    }
    automation: {
      index: typeof routes['admin.automation.index']
      attention: {
        retry: typeof routes['admin.automation.attention.retry']
        resolve: typeof routes['admin.automation.attention.resolve']
      }
    }
    teams: {
      index: typeof routes['admin.teams.index']
      store: typeof routes['admin.teams.store']
      update: typeof routes['admin.teams.update']
      members: typeof routes['admin.teams.members']
      destroy: typeof routes['admin.teams.destroy']
    }
    webhooks: {
      index: typeof routes['admin.webhooks.index']
      store: typeof routes['admin.webhooks.store']
      update: typeof routes['admin.webhooks.update']
      rotate: typeof routes['admin.webhooks.rotate']
      destroy: typeof routes['admin.webhooks.destroy']
      redeliver: typeof routes['admin.webhooks.redeliver']
    }
  }
  notifications: {
    index: typeof routes['notifications.index']
    unread: typeof routes['notifications.unread']
    readAll: typeof routes['notifications.read_all']
    read: typeof routes['notifications.read']
    open: typeof routes['notifications.open']
    preferences: {
      show: typeof routes['notifications.preferences.show']
      update: typeof routes['notifications.preferences.update']
    }
  }
  eventStream: typeof routes['event_stream']
  subscribe: typeof routes['subscribe']
  unsubscribe: typeof routes['unsubscribe']
  migrations: {
    create: typeof routes['migrations.create']
    store: typeof routes['migrations.store']
    show: typeof routes['migrations.show']
  }
  reports: {
    index: typeof routes['reports.index']
    runs: {
      store: typeof routes['reports.runs.store']
      show: typeof routes['reports.runs.show']
      export: typeof routes['reports.runs.export']
    }
    schedules: {
      store: typeof routes['reports.schedules.store']
      destroy: typeof routes['reports.schedules.destroy']
    }
  }
  teams: {
    led: typeof routes['teams.led']
  }
  views: {
    store: typeof routes['views.store']
    update: typeof routes['views.update']
    destroy: typeof routes['views.destroy']
    watch: typeof routes['views.watch']
    unwatch: typeof routes['views.unwatch']
  }
  queues: {
    index: typeof routes['queues.index']
  }
  profile: {
    absence: {
      update: typeof routes['profile.absence.update']
      destroy: typeof routes['profile.absence.destroy']
    }
    show: typeof routes['profile.show']
    update: typeof routes['profile.update']
    password: typeof routes['profile.password']
    tokens: {
      store: typeof routes['profile.tokens.store']
      destroy: typeof routes['profile.tokens.destroy']
    }
  }
  users: {
    index: typeof routes['users.index']
    create: typeof routes['users.create']
    store: typeof routes['users.store']
    update: typeof routes['users.update']
  }
  api: {
    auth: {
      tokens: {
        store: typeof routes['api.auth.tokens.store']
        index: typeof routes['api.auth.tokens.index']
        destroy: typeof routes['api.auth.tokens.destroy']
      }
    }
    openapi: typeof routes['api.openapi']
    definition: {
      schema: typeof routes['api.definition.schema']
    }
    me: {
      show: typeof routes['api.me.show']
      absence: {
        update: typeof routes['api.me.absence.update']
        destroy: typeof routes['api.me.absence.destroy']
      }
      update: typeof routes['api.me.update']
      password: typeof routes['api.me.password']
    }
    audit: {
      index: typeof routes['api.audit.index']
    }
    state: {
      show: typeof routes['api.state.show']
      update: typeof routes['api.state.update']
      destroy: typeof routes['api.state.destroy']
      increment: typeof routes['api.state.increment']
      lock: typeof routes['api.state.lock']
      unlock: typeof routes['api.state.unlock']
    }
    workflows: {
      draft: typeof routes['api.workflows.draft'] & {
        check: typeof routes['api.workflows.draft.check']
        checks: {
          show: typeof routes['api.workflows.draft.checks.show']
        }
      }
      access: {
        show: typeof routes['api.workflows.access.show']
        update: typeof routes['api.workflows.access.update']
      }
      hooks: {
        index: typeof routes['api.workflows.hooks.index']
        store: typeof routes['api.workflows.hooks.store']
        update: typeof routes['api.workflows.hooks.update']
        destroy: typeof routes['api.workflows.hooks.destroy']
      }
      index: typeof routes['api.workflows.index']
      store: typeof routes['api.workflows.store']
      show: typeof routes['api.workflows.show']
      publish: typeof routes['api.workflows.publish']
      versions: {
        show: typeof routes['api.workflows.versions.show']
      }
    }
    teams: {
      index: typeof routes['api.teams.index']
      store: typeof routes['api.teams.store']
      show: typeof routes['api.teams.show']
      update: typeof routes['api.teams.update']
      members: typeof routes['api.teams.members']
      destroy: typeof routes['api.teams.destroy']
    }
    views: {
      index: typeof routes['api.views.index']
      store: typeof routes['api.views.store']
      show: typeof routes['api.views.show']
      update: typeof routes['api.views.update']
      destroy: typeof routes['api.views.destroy']
      watch: typeof routes['api.views.watch']
      unwatch: typeof routes['api.views.unwatch']
    }
    processes: {
      claim: typeof routes['api.processes.claim']
      votes: {
        store: typeof routes['api.processes.votes.store']
      }
      attachments: {
        index: typeof routes['api.processes.attachments.index']
        store: typeof routes['api.processes.attachments.store']
        download: typeof routes['api.processes.attachments.download']
      }
      export: typeof routes['api.processes.export']
      index: typeof routes['api.processes.index']
      store: typeof routes['api.processes.store']
      show: typeof routes['api.processes.show']
      update: typeof routes['api.processes.update']
      transitions: {
        store: typeof routes['api.processes.transitions.store']
      }
      assign: typeof routes['api.processes.assign']
      comments: {
        store: typeof routes['api.processes.comments.store']
      }
      cancel: typeof routes['api.processes.cancel']
      events: {
        index: typeof routes['api.processes.events.index']
      }
      children: {
        index: typeof routes['api.processes.children.index']
      }
    }
    calendars: {
      index: typeof routes['api.calendars.index']
      store: typeof routes['api.calendars.store']
      update: typeof routes['api.calendars.update']
    }
    webhooks: {
      index: typeof routes['api.webhooks.index']
      store: typeof routes['api.webhooks.store']
      show: typeof routes['api.webhooks.show']
      update: typeof routes['api.webhooks.update']
      destroy: typeof routes['api.webhooks.destroy']
      rotate: typeof routes['api.webhooks.rotate']
      deliveries: typeof routes['api.webhooks.deliveries']
      redeliver: typeof routes['api.webhooks.redeliver']
    }
    bulk: {
      transitions: typeof routes['api.bulk.transitions']
      preview: typeof routes['api.bulk.preview']
      store: typeof routes['api.bulk.store']
      show: typeof routes['api.bulk.show']
      items: typeof routes['api.bulk.items']
    }
    migrations: {
      dryRun: typeof routes['api.migrations.dry_run']
      store: typeof routes['api.migrations.store']
      show: typeof routes['api.migrations.show']
      items: typeof routes['api.migrations.items']
    }
    reports: {
      index: typeof routes['api.reports.index']
      store: typeof routes['api.reports.store']
      show: typeof routes['api.reports.show']
      export: typeof routes['api.reports.export']
    }
    notifications: {
      index: typeof routes['api.notifications.index']
      readAll: typeof routes['api.notifications.read_all']
      read: typeof routes['api.notifications.read']
      preferences: {
        show: typeof routes['api.notifications.preferences.show']
        update: typeof routes['api.notifications.preferences.update']
      }
    }
    users: {
      index: typeof routes['api.users.index']
      store: typeof routes['api.users.store']
      update: typeof routes['api.users.update']
    }
    dashboard: typeof routes['api.dashboard']
    reportSchedules: {
      index: typeof routes['api.report_schedules.index']
      store: typeof routes['api.report_schedules.store']
      show: typeof routes['api.report_schedules.show']
      destroy: typeof routes['api.report_schedules.destroy']
    }
    admin: {
      queues: {
        index: typeof routes['api.admin.queues.index']
        show: typeof routes['api.admin.queues.show']
        failedJobs: typeof routes['api.admin.queues.failed_jobs']
        retryAll: typeof routes['api.admin.queues.retry_all']
        pause: typeof routes['api.admin.queues.pause']
        resume: typeof routes['api.admin.queues.resume']
        jobs: {
          retry: typeof routes['api.admin.queues.jobs.retry']
          destroy: typeof routes['api.admin.queues.jobs.destroy']
        }
      }
      engine: {
        show: typeof routes['api.admin.engine.show']
      }
      automation: {
        attention: {
          index: typeof routes['api.admin.automation.attention.index']
          retry: typeof routes['api.admin.automation.attention.retry']
          resolve: typeof routes['api.admin.automation.attention.resolve']
        }
      }
      alertRules: {
        index: typeof routes['api.admin.alert_rules.index']
        store: typeof routes['api.admin.alert_rules.store']
        show: typeof routes['api.admin.alert_rules.show']
        update: typeof routes['api.admin.alert_rules.update']
        toggle: typeof routes['api.admin.alert_rules.toggle']
        destroy: typeof routes['api.admin.alert_rules.destroy']
      }
      alertEvents: {
        index: typeof routes['api.admin.alert_events.index']
      }
    }
  }
}

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
  profile: {
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
      }
    }
    openapi: typeof routes['api.openapi']
    definition: {
      schema: typeof routes['api.definition.schema']
    }
    me: {
      show: typeof routes['api.me.show']
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
      index: typeof routes['api.workflows.index']
      store: typeof routes['api.workflows.store']
      show: typeof routes['api.workflows.show']
      publish: typeof routes['api.workflows.publish']
      versions: {
        show: typeof routes['api.workflows.versions.show']
      }
    }
    processes: {
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
    }
  }
}
